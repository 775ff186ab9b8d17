/**
 * An alert's facts in words (issue 12: never raw keys). Each line comes from the domain's
 * `alertFactLines` as a code with parameters; codes inside the parameters (an item, a scale, a
 * band, a phase) are translated from the lists below.
 */
export const alertText = {
  alertText: {
    facts: {
      severe: '{{item}}: {{value}} of 10 ({{scale}}), severe (severe from {{threshold}})',
      severeOther: '{{label}}: {{value}} of 10, severe (severe from {{threshold}})',
      painRose: 'Pain rose from {{previous}} to {{value}} of 10 ({{scale}}; earlier value {{previousAt}})',
      painBandRose:
        'Pain rose from {{previousBand}} ({{previousScale}} {{previous}}, {{previousAt}}) to {{band}} ({{scale}} {{value}}); different scales are compared by band',
      breathlessnessNew: 'Breathlessness is new: {{value}} of 10 (was 0)',
      breathlessnessWorse: 'Breathlessness rose from {{previous}} to {{value}} of 10',
      breathlessnessNow: 'Breathlessness now {{value}} of 10',
      reportedBreathingWorse: 'Reported: breathing is suddenly much worse',
      reportedNewConfusion: 'Reported: new confusion, not themselves',
      familyCannotCope: 'The family says they cannot cope',
      ppsFell: 'PPS fell to {{value}}% from its best of {{best}}% in the last {{days}} days',
      phaseUnstable: 'Phase became unstable (before: {{previousPhase}})',
      burdenTotal: '{{instrument}}: {{total}} of {{max}} (threshold {{threshold}})',
      rescueDoses: '{{count}} rescue (as-needed) opioid doses in 24 h (review above {{threshold}})',
      rescueLastDose: 'Last: {{medicine}} {{amount}} {{unit}} at {{lastAt}}',
      doseRefused: 'Not recorded: {{medicine}} {{amount}} {{unit}} given {{givenAt}} — {{reason}}',
      doseNextAllowed: 'Next dose allowed from {{nextAllowedAt}}',
      registerBelowZero:
        'Register of {{stock}}: {{taken}} {{unit}} taken from {{before}} {{unit}}, balance {{balance}} {{unit}}',
      registerCountMismatch:
        'Register of {{stock}}: counted {{counted}} {{unit}}, expected {{expected}} {{unit}}',
    },
    also: 'Also in this observation: {{rules}}',
    items: {
      pain: 'Pain',
      tiredness: 'Tiredness',
      drowsiness: 'Drowsiness',
      nausea: 'Nausea',
      appetite: 'Lack of appetite',
      breathlessness: 'Breathlessness',
      depression: 'Low mood',
      anxiety: 'Anxiety',
      wellbeing: 'Wellbeing',
      other: 'Other problem',
    },
    scales: {
      esas_r: 'ESAS-r',
      faces: 'Wong-Baker FACES',
      flacc: 'FLACC',
      r_flacc: 'r-FLACC',
      pps: 'PPS',
      mcsi: 'Caregiver strain (MCSI)',
      zbi12: 'Caregiver burden (ZBI-12)',
    },
    refusalReasons: {
      'dose-mismatch': 'not the prescribed dose',
      'not-started': 'the prescription had not started',
      ended: 'the prescription had ended',
      'too-soon': 'too soon after the last dose',
      'daily-maximum': 'the 24-hour maximum was reached',
      'not-due': 'no scheduled dose was due',
      'already-given': 'this scheduled dose was already given',
      'in-future': 'the time is in the future',
      'too-late-to-record': 'too late to record',
      'unmapped-opioid': 'an opioid outside the formulary not yet mapped to a product',
      'verbal-order-expired': 'the verbal order had expired',
    },
    units: {
      mg: 'mg',
      mcg: 'mcg',
      'mcg/h': 'mcg/h',
      ml: 'ml',
      drop: 'drops',
      tablet: 'tablet(s)',
      sachet: 'sachet(s)',
      patch: 'patch(es)',
    },
    bands: { none: 'no pain', mild: 'mild', moderate: 'moderate', severe: 'severe' },
    phases: {
      none: 'not recorded',
      stable: 'stable',
      unstable: 'unstable',
      deteriorating: 'deteriorating',
      terminal: 'terminal',
      bereaved: 'bereaved',
    },
  },
  watchSettings: {
    title: 'Clinical watch',
    lead: 'How far back the alert rules look when they compare a new record, and the age under which children are scored with Braden Q.',
    compareWindowHours: 'Compare each symptom with its last value from the past … hours',
    ppsWindowDays: 'Compare PPS with its best value in the past … days',
    bradenQUnderYears: 'Use Braden Q for children younger than … years',
  },
};
