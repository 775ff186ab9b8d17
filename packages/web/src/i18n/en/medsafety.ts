/** The medication safety check (issue 12): its problems, sources, weights and product labels. */
export const medsafety = {
  medsafety: {
    title: 'Safety check',
    none: 'No safety problems for this prescription.',
    levels: { block: 'Blocked', confirm: 'Confirm', info: 'Note' },
    source: 'Source: {{label}}',
    perKg: '({{perKg}} {{unit}} per kg × {{kg}} kg)',
    tolerance: {
      naive: 'Opioid-naive (current oral morphine equivalent under 60 mg a day)',
      tolerant: 'Opioid-tolerant (current oral morphine equivalent 60 mg a day or more)',
    },
    problems: {
      'unit-not-formulary': 'The formulary gives this product in {{expected}}, not {{unit}}.',
      'strength-not-formulary': 'The formulary has no {{strength}} for this product.',
      'patch-not-scheduled': 'A patch follows its change schedule; it is not given as needed.',
      'formulary-medicine-as-free-text':
        'This medicine is in the formulary: choose the product from the list.',
      'free-text-class-missing': 'A medicine outside the formulary must declare its class.',
      'free-text-opioid-unmapped':
        'An opioid outside the formulary cannot be given until it is mapped to a formulary product.',
      'child-weight-missing': 'A child’s prescription needs the current weight. Record the weight first.',
      'child-weight-stale':
        'The last weight ({{measuredOn}}) is older than {{days}} days. Weigh the child again.',
      'child-min-age': 'Not for children under {{minAge}}.',
      'above-single-limit': 'Above the usual single dose: at most {{limit}} {{unit}}.',
      'above-daily-limit': 'Above the usual amount in 24 h: {{total}} {{unit}}, at most {{limit}} {{unit}}.',
      'not-for-opioid-naive':
        'Not for opioid-naive patients: the current oral morphine equivalent is {{ome}} mg a day (under 60).',
      'no-paediatric-limit':
        'The formulary holds no children’s dose limit for this product: check BNF for Children.',
      'no-dose-limit': 'No dose limit is held for this medicine.',
      'allergy-substance': 'Recorded allergy: {{allergy}}.',
      'allergy-cross-sensitivity': 'Recorded allergy to {{allergy}}: cross-sensitivity with this medicine.',
      'allergy-class': 'Recorded allergy to the whole class: {{allergy}}.',
      'allergy-same-class':
        'Recorded allergy to {{allergy}}: same class, another chemical group; cross-sensitivity is possible.',
      'duplicate-ingredient':
        'Another as-needed prescription of the same medicine: their doses are counted together.',
      'duplicate-class': 'Another as-needed medicine of the same class.',
      'two-long-acting-opioids': 'Two long-acting opioids at once.',
      'opioid-without-laxative': 'An opioid without a laxative: prescribe a laxative.',
      'methadone-not-converted':
        'Methadone is not converted to an oral morphine equivalent: ask a specialist.',
      'no-ome-factor': 'No published conversion factor for this opioid and route: not counted in the total.',
      'renal-avoid': 'Kidney disease (stage {{ckdStage}}): avoid this medicine, it accumulates.',
      'renal-reduce': 'Kidney disease (stage {{ckdStage}}): reduce the dose and the frequency.',
      'hepatic-avoid': 'Liver impairment: avoid this medicine.',
      'hepatic-reduce': 'Liver impairment: reduce the dose.',
      'tolerance-unknown':
        'The current opioid total is incomplete, so opioid tolerance could not be established.',
    },
    overrideReason: 'Why you prescribe past the block (shown on the chart and audited)',
    overrideShown: 'Prescribed past a safety block: {{reason}}',
    declaredClass: 'Class of this medicine (outside the formulary)',
    classes: {
      strong_opioid: 'Strong opioid',
      weak_opioid: 'Weak opioid',
      non_opioid_analgesic: 'Non-opioid analgesic',
      nsaid: 'NSAID',
      antiemetic: 'Antiemetic',
      laxative: 'Laxative',
      benzodiazepine: 'Benzodiazepine',
      antipsychotic: 'Antipsychotic',
      corticosteroid: 'Corticosteroid',
      antisecretory: 'Antisecretory',
      diuretic: 'Diuretic',
      other: 'Other',
    },
    strength: 'Strength',
    weight: {
      title: 'Weight',
      kg: 'Weight, kg',
      measuredOn: 'Weighed on',
      save: 'Record the weight',
      latest: 'Last weight: {{kg}} kg on {{date}}',
    },
    release: { ir: 'immediate-release', mr: 'modified-release' },
    volume: '{{ml}} ml',
    patchEvery: 'changed every {{hours}} h',
    omeIncomplete: 'incomplete: some medicines could not be converted (see below)',
    lineIncomplete: 'not converted',
    verbalOrderAt: 'When the doctor gave the order',
  },
  conflicts: {
    'safety-check-blocked':
      'The medication safety check stopped this prescription ({{problems}} to resolve): see the safety check above.',
    'prescription-ended': 'This prescription has ended: restart it or write a new one.',
    'restart-only-ended': 'Only an ended prescription can be restarted: change this one instead.',
    'prescription-already-ended': 'This prescription has already ended.',
    'patient-deceased': 'The patient has died; doses are no longer recorded here.',
    'not-verbal-order': 'This dose was not given on a verbal order.',
    'already-countersigned': 'This dose has already been countersigned.',
    'register-short':
      'The register holds {{balance}} {{unit}}, less than {{quantity}} {{unit}}. Count the stock and record the count first.',
  },
  medicineSettings: {
    title: 'Medication safety',
    lead: 'Limits the dose guard applies on every path. The software never chooses a dose.',
    lateEntryWindowHours: 'A dose may be recorded up to … hours after it was given',
    verbalOrderValidMinutes: 'A verbal order holds for … minutes',
    rescueDosesReviewThreshold: 'Review alert when more than … rescue doses are given in 24 h',
    opioidReferenceSource: 'Conversion guideline shown first',
    hints: {
      lateEntryWindowHours: 'From 1 to 72. Late entries count in the dose guard’s history.',
      verbalOrderValidMinutes: 'From 5 to 1440, counted from when the physician gave the order.',
      rescueDosesReviewThreshold: 'From 1 to 24. The Scottish Palliative Care Guidelines use 3.',
      opioidReferenceSource:
        'The opioid calculator shows the range of every source; this one is the reference.',
    },
    fieldErrors: {
      lateEntryWindowHours: 'Enter a whole number of hours from 1 to 72.',
      verbalOrderValidMinutes: 'Enter a whole number of minutes from 5 to 1440.',
      rescueDosesReviewThreshold: 'Enter a whole number from 1 to 24.',
      opioidReferenceSource: 'Choose a guideline from the list.',
    },
  },
};
