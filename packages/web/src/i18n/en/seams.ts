/** Everyday seams between features (issue 13): settings warnings, address lookup, pickers. */
export const seams = {
  seams: {
    acpPhysicianOnly: 'The resuscitation decision and ceilings of treatment are recorded by a physician.',
    witness: {
      title: 'Second member of staff',
      hint: 'The colleague who witnesses this confirms with their own Hearth e-mail and password.',
      email: 'Their e-mail',
      password: 'Their password',
    },
    countReason: 'Why the count differs (needed when it does)',
    hoursRefused: {
      hours_duplicate: 'These hours for this day are already logged.',
      hours_over_request:
        'This request allows {{allowed}} h a day; {{logged}} h are already logged for this day.',
      hours_overlap:
        'These hours overlap hours logged for another request at the same time: together at most {{allowed}} h, and {{logged}} h are already logged.',
    },
    meetings: {
      daysSince_one: '{{count}} day since the last review',
      daysSince_other: '{{count}} days since the last review',
    },
    settings: {
      problemsTitle: 'Some stored settings were invalid',
      problemsBody:
        'Hearth is using the default for: {{fields}}. Check these values and save the section to store a valid one.',
      fieldErrors: {
        geocoderUrl:
          'Enter an http or https address, for example https://nominatim.example.org/search, or leave it empty.',
        callRetryMinutes: 'Enter whole minutes from 5 to 1440.',
        callAttemptsBeforeEscalation: 'Enter a whole number of calls from 1 to 20.',
        timeZone: 'Enter a time zone from the IANA list, for example Europe/Minsk.',
        servicePhone: 'Enter a phone number, for example +375 29 123-45-67.',
      },
    },
  },
};
