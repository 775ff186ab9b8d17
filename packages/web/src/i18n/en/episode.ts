/** The care episode: held visits, the bereavement view of the portal, call retries. */
export const episode = {
  episode: {
    held: {
      title: 'Home visits on hold',
      lead: 'The patient is away from home; these visits wait and are not on anyone’s route.',
      backHome: 'Back home: restore the held visits?',
      restoreHint: 'Ticked visits return to the plan; the others are cancelled.',
      restore_one: 'Restore {{count}} visit',
      restore_other: 'Restore {{count}} visits',
    },
    board: {
      held: 'On hold: patient away from home',
    },
    bereavement: {
      teamMessage: 'From the care team',
      nextTitle: 'What happens next',
      contactsTitle: 'Who to call',
      call: 'Call the service',
      died: 'Died on {{date}}',
    },
    death: {
      familyMessage: 'Message to the family (shown first on their portal)',
    },
    calls: {
      retryWithin: 'Call again within {{clock}}',
      retryOverdue: 'Retry overdue by {{clock}}',
      attempts_one: '{{count}} unanswered call',
      attempts_other: '{{count}} unanswered calls',
    },
    bereavementFilters: {
      status: 'Status',
      owner: 'Owner',
      anyOwner: 'Anyone',
      period: 'Due',
      statuses: { open: 'Open', done: 'Done', all: 'All' },
      periods: {
        overdue: 'Overdue',
        week: 'Next 7 days',
        month: 'Next 30 days',
        quarter: 'Next 3 months',
        any: 'Any time',
      },
    },
  },
};
