/** Identity corrections of a patient (issue 13): name, date of birth and sex, with a reason. */
export const identity = {
  identity: {
    open: 'Correct name, date of birth or sex',
    title: 'Correct the identity',
    hint: 'Change only what is wrong. The earlier value and your reason stay in the record’s history.',
    lastName: 'Last name',
    firstName: 'First name',
    middleName: 'Middle name (patronymic)',
    reason: 'Reason for the correction',
    reasonHint: 'For example: spelling as in the passport.',
    save: 'Save the correction',
    history: 'Identity corrections',
    entry: '{{field}}: {{from}} → {{to}} — “{{reason}}” ({{by}}, {{at}})',
    fields: {
      firstName: 'First name',
      lastName: 'Last name',
      middleName: 'Middle name',
      dateOfBirth: 'Date of birth',
      sex: 'Sex',
    },
    lookup: {
      button: 'Look up the address',
      failed: 'The address could not be looked up',
      found: 'Found: {{place}}',
      use: 'Use this point',
    },
    fieldErrors: {
      dateOfBirth: 'A date of birth cannot be in the future or more than 120 years ago. Check the year.',
      reason: 'Say why, in at least 5 characters.',
    },
  },
};
