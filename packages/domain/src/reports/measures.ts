/**
 * The measures of the Reports area (issue 18): what each one counts and where its target comes
 * from. Names and explanations for people are in the web's i18n files, keyed by the id; the
 * server computes each one in SQL from the records (features/reports/*.repository.ts).
 *
 * Sources are the quality-indicator table of palliative-research.md §4 and the programme rules of
 * §0; a measure without a published target shows its trend only.
 */
export const measureGroups = [
  'access',
  'symptoms',
  'oncall',
  'medicines',
  'endOfLife',
  'team',
  'family',
  'programmes',
] as const;
export type MeasureGroup = (typeof measureGroups)[number];

/**
 * rate: numerator of denominator (shown as %); duration: median and 90th percentile of a time;
 * mean: average of a value over the items (travel, change in a score); count: how many, often
 * split by a category.
 */
export type MeasureKind = 'rate' | 'duration' | 'mean' | 'count';
export type MeasureUnit = 'percent' | 'minutes' | 'days' | 'km' | 'points' | 'items' | 'hours';
/** What a drill-down lists: care requests (intake rights) or patients (patient rights). */
export type DrillSubject = 'request' | 'patient';

export interface MeasureTarget {
  /** For a rate, a share from 0 to 1; otherwise in the measure's unit. */
  value: number;
  /** `atLeast`: the service should reach it; `atMost`: it should stay under it. */
  direction: 'atLeast' | 'atMost';
  /** A published benchmark achieved elsewhere rather than a rule the service must meet. */
  benchmark?: boolean;
}

export interface MeasureDefinition {
  id: string;
  group: MeasureGroup;
  kind: MeasureKind;
  unit: MeasureUnit;
  target?: MeasureTarget;
  /** Where the definition or target comes from (a source of palliative-research.md, or "local"). */
  source: string;
  drill: DrillSubject | null;
  /** Lower values are better (late calls, discrepancies, ambulances called first). */
  lowerIsBetter?: boolean;
  /** About staff or the whole service, not patients: the area and age filters do not apply. */
  serviceWide?: boolean;
}

export const reportMeasures = [
  // ---------------------------------------------------------------- access
  // PCOC Benchmark 1: 90% of episodes start on the day of or the day after the date ready for
  // care (ahsri.uow.edu.au/pcoc/benchmarkmeasures); here: the first call back within the
  // organization's callback deadline.
  {
    id: 'callbackOnTime',
    group: 'access',
    kind: 'rate',
    unit: 'percent',
    target: { value: 0.9, direction: 'atLeast' },
    source: 'PCOC Benchmark 1 (ahsri.uow.edu.au/pcoc/benchmarkmeasures)',
    drill: 'request',
  },
  {
    id: 'callbackTime',
    group: 'access',
    kind: 'duration',
    unit: 'minutes',
    source: 'PCOC Benchmark 1, time from referral to first contact',
    drill: 'request',
  },
  {
    id: 'referralToDecision',
    group: 'access',
    kind: 'duration',
    unit: 'days',
    source: 'local (commission workflow)',
    drill: 'patient',
  },
  {
    id: 'decisionToFirstVisit',
    group: 'access',
    kind: 'duration',
    unit: 'days',
    source: 'PCOC Benchmark 1 (episode start after the date ready for care)',
    drill: 'patient',
  },
  {
    id: 'requestsBySource',
    group: 'access',
    kind: 'count',
    unit: 'items',
    source: 'local',
    drill: 'request',
  },
  { id: 'patientsByArea', group: 'access', kind: 'count', unit: 'items', source: 'local', drill: 'patient' },
  { id: 'patientsByAge', group: 'access', kind: 'count', unit: 'items', source: 'local', drill: 'patient' },
  {
    id: 'patientsByDiagnosis',
    group: 'access',
    kind: 'count',
    unit: 'items',
    source: 'ICD-10 chapters (WHO)',
    drill: 'patient',
  },
  // ---------------------------------------------------------------- symptoms
  // HOPE Symptom Follow-up Visit within 2 calendar days of a moderate or worse rating
  // (hospiceworks.freshdesk.com/support/solutions/articles/28000029205); here ESAS-r item >= 7.
  {
    id: 'severeSymptomFollowUp',
    group: 'symptoms',
    kind: 'rate',
    unit: 'percent',
    target: { value: 1, direction: 'atLeast' },
    source: 'HOPE Symptom Follow-up Visit (hospiceworks.freshdesk.com …/28000029205)',
    drill: 'patient',
  },
  // PCOC Benchmark 2: 90% of unstable phases resolved in 3 days or less (aihw.gov.au phases page)
  {
    id: 'unstableResolved',
    group: 'symptoms',
    kind: 'rate',
    unit: 'percent',
    target: { value: 0.9, direction: 'atLeast' },
    source: 'PCOC Benchmark 2 (aihw.gov.au, palliative care phases)',
    drill: 'patient',
  },
  // PCOC Benchmark 3: change in pain and breathing problems (ahsri.uow.edu.au/pcoc/benchmarkmeasures)
  {
    id: 'painChange',
    group: 'symptoms',
    kind: 'mean',
    unit: 'points',
    source: 'PCOC Benchmark 3 (ahsri.uow.edu.au/pcoc/benchmarkmeasures)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  {
    id: 'breathlessnessChange',
    group: 'symptoms',
    kind: 'mean',
    unit: 'points',
    source: 'PCOC Benchmark 3 (ahsri.uow.edu.au/pcoc/benchmarkmeasures)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  // HIS comprehensive assessment: pain screening and assessment (hhs.gov HQRP current measures)
  {
    id: 'visitsWithPainAssessment',
    group: 'symptoms',
    kind: 'rate',
    unit: 'percent',
    source: 'HIS comprehensive assessment, pain items (hhs.gov HQRP current measures)',
    drill: 'patient',
  },
  // ---------------------------------------------------------------- on call
  {
    id: 'alertAcknowledgement',
    group: 'oncall',
    kind: 'duration',
    unit: 'minutes',
    source: 'local (alert rules and deadlines)',
    drill: 'patient',
  },
  {
    id: 'alertOutcome',
    group: 'oncall',
    kind: 'duration',
    unit: 'minutes',
    source: 'local (alert rules and deadlines)',
    drill: 'patient',
  },
  {
    id: 'alertEscalations',
    group: 'oncall',
    kind: 'rate',
    unit: 'percent',
    source: 'local (on-call escalation chain)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  // over half of caregivers called 911 before calling hospice (pmc.ncbi.nlm.nih.gov/articles/PMC5333527)
  {
    id: 'ambulanceFirst',
    group: 'oncall',
    kind: 'rate',
    unit: 'percent',
    source: '"Called the service first" (pmc.ncbi.nlm.nih.gov/articles/PMC5333527)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  // ---------------------------------------------------------------- medicines
  {
    id: 'rescueDoseAlerts',
    group: 'medicines',
    kind: 'count',
    unit: 'items',
    source: 'local (rescue-dose review threshold)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  {
    id: 'controlledDiscrepancies',
    group: 'medicines',
    kind: 'rate',
    unit: 'percent',
    target: { value: 0, direction: 'atMost' },
    source: 'local (controlled-drug register counts)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  {
    id: 'anticipatoryExpiring',
    group: 'medicines',
    kind: 'count',
    unit: 'items',
    source: 'local (anticipatory medicines box)',
    drill: 'patient',
    lowerIsBetter: true,
  },
  // ---------------------------------------------------------------- end of life
  // NICE QS13 (advance care planning statement); shared record at death about one third nationally (PMC9565729)
  {
    id: 'advanceCarePlan',
    group: 'endOfLife',
    kind: 'rate',
    unit: 'percent',
    source: 'NICE QS13; shared record at death (pmc.ncbi.nlm.nih.gov/articles/PMC9565729)',
    drill: 'patient',
  },
  // Coordinate My Care achieved 77.8% (spcare.bmj.com bmjspcare-2015-001059): a benchmark
  {
    id: 'preferredPlaceOfDeath',
    group: 'endOfLife',
    kind: 'rate',
    unit: 'percent',
    target: { value: 0.778, direction: 'atLeast', benchmark: true },
    source: 'Died in preferred place; CMC 77.8% (spcare.bmj.com bmjspcare-2015-001059)',
    drill: 'patient',
  },
  { id: 'placeOfDeath', group: 'endOfLife', kind: 'count', unit: 'items', source: 'local', drill: 'patient' },
  {
    id: 'daysBeforeDeath',
    group: 'endOfLife',
    kind: 'duration',
    unit: 'days',
    source: 'local (length of stay before death)',
    drill: 'patient',
  },
  // bereavement support starts within a week of the death (bohhospice.org); contacts by their due day
  {
    id: 'bereavementOnTime',
    group: 'endOfLife',
    kind: 'rate',
    unit: 'percent',
    target: { value: 1, direction: 'atLeast' },
    source: 'Bereavement contact timeliness (bohhospice.org lead bereavement coordinator)',
    drill: 'patient',
  },
  // ---------------------------------------------------------------- team
  { id: 'visitsDone', group: 'team', kind: 'rate', unit: 'percent', source: 'local', drill: 'patient' },
  {
    id: 'travelPerVisit',
    group: 'team',
    kind: 'mean',
    unit: 'km',
    source: 'local (straight-line distance between consecutive homes)',
    drill: null,
    lowerIsBetter: true,
  },
  {
    id: 'keyWorkerContinuity',
    group: 'team',
    kind: 'rate',
    unit: 'percent',
    source: 'local (continuity of care)',
    drill: 'patient',
  },
  {
    id: 'overtime',
    group: 'team',
    kind: 'rate',
    unit: 'percent',
    source: 'local (rota shifts)',
    drill: null,
    serviceWide: true,
    lowerIsBetter: true,
  },
  // 42 CFR 418.56: plan of care reviewed no less often than every 15 calendar days
  {
    id: 'teamReviewOnTime',
    group: 'team',
    kind: 'rate',
    unit: 'percent',
    target: { value: 1, direction: 'atLeast' },
    source: 'IDG review every 15 days (42 CFR 418.56)',
    drill: 'patient',
  },
  // ---------------------------------------------------------------- family
  {
    id: 'caregiverScreenings',
    group: 'family',
    kind: 'rate',
    unit: 'percent',
    source: 'ZBI-12 and MCSI screenings (palliative-research §2.8)',
    drill: 'patient',
  },
  {
    id: 'equipmentTurnaround',
    group: 'family',
    kind: 'duration',
    unit: 'days',
    source: 'local (equipment loans)',
    drill: 'patient',
  },
  {
    id: 'caregiverSkills',
    group: 'family',
    kind: 'count',
    unit: 'items',
    source: 'local (caregiver skill sign-off)',
    drill: 'patient',
  },
  // ---------------------------------------------------------------- children's programmes
  // volunteer hours at least 5% of paid patient-care hours (42 CFR 418.78, palliative-research §0)
  {
    id: 'volunteerShare',
    group: 'programmes',
    kind: 'rate',
    unit: 'percent',
    target: { value: 0.05, direction: 'atLeast' },
    source: 'Volunteer hours ≥ 5% of paid care hours (US hospice CoP)',
    drill: null,
    serviceWide: true,
  },
  {
    id: 'campPlaces',
    group: 'programmes',
    kind: 'rate',
    unit: 'percent',
    source: 'local (summer camp)',
    drill: null,
  },
  {
    id: 'campWaitingList',
    group: 'programmes',
    kind: 'count',
    unit: 'items',
    source: 'local (summer camp)',
    drill: 'patient',
  },
  {
    id: 'clubAndClownVisits',
    group: 'programmes',
    kind: 'count',
    unit: 'items',
    source: 'local (friends’ club, clown doctors)',
    drill: 'patient',
  },
  {
    id: 'courseCompletions',
    group: 'programmes',
    kind: 'rate',
    unit: 'percent',
    source: 'local (training courses)',
    drill: null,
    serviceWide: true,
  },
] as const satisfies readonly MeasureDefinition[];

export type MeasureId = (typeof reportMeasures)[number]['id'];
export const measureIds = reportMeasures.map((d) => d.id) as [MeasureId, ...MeasureId[]];

export const measureById = (id: MeasureId): MeasureDefinition =>
  reportMeasures.find((d) => d.id === id) as MeasureDefinition;

/** Whether a value meets the measure's target; null when it has none or no value. */
export function meetsTarget(def: MeasureDefinition, value: number | null): boolean | null {
  if (!def.target || value === null) return null;
  return def.target.direction === 'atLeast' ? value >= def.target.value : value <= def.target.value;
}
