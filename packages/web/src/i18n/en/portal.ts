export const portal = {
  portal: {
    title: 'Family portal',
    account: 'My account',
    greeting: 'Hello, {{name}}',
    noPatients: 'Your account is not linked to a patient yet. Please call the service.',
    allPatients: 'All my patients',
    contactTitle: 'Contact the team',
    contactLead:
      'If something worries you, call us first, before calling an ambulance: we answer day and night, tell you what to do, and come if needed.',
    call: 'Call the team',
    teamTitle: 'Care team',
    noTeam: 'The team will be assigned soon.',
  },
};
