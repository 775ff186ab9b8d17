import { hearthConcept, type PreferredTimes, type VisitFrequency } from '@hearth/domain';
import type { CarePlan, CarePlanActivity, Goal, Timing } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref } from './common.ts';

/** A Goal's id: the care plan version's id and the item's number (items have no id of their own). */
export const goalId = (carePlanVersionId: string, index: number) => `${carePlanVersionId}-g${index + 1}`;

/** The care plan in force (its latest version): one activity per intervention, one Goal per item. */
export function toCarePlans(r: PatientRecord): CarePlan[] {
  const v = r.carePlan;
  if (!v) return [];
  const items = v.content.items;
  return [
    compact<CarePlan>({
      resourceType: 'CarePlan',
      id: v.id,
      status: 'active',
      intent: 'plan',
      category: [hearthConcept('phase-of-illness', v.phase, `Phase of illness: ${v.phase}`)],
      title: `Care plan, version ${v.version}`,
      description: v.reason,
      subject: ref('Patient', r.patient.id),
      period: { end: v.reviewDate },
      created: instant(v.createdAt),
      author: ref('Practitioner', v.changedBy, v.changedByName),
      goal: items.length ? items.map((_, i) => ref('Goal', goalId(v.id, i))) : undefined,
      activity: [
        ...v.content.frequencies.map((f) => visitActivity(f, v.content.preferredTimes)),
        ...items.flatMap((item) =>
          item.interventions.map((intervention) => ({
            detail: compact({
              status: 'in-progress' as const,
              code: hearthConcept('discipline', item.discipline, item.discipline),
              description: intervention,
              performer: item.ownerId ? [ref('Practitioner', item.ownerId)] : undefined,
            }),
          })),
        ),
      ],
    }),
  ];
}

const fhirWeekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * How often a discipline visits, as an Appointment activity with its Timing: n times a week, or
 * once every n days, each for the visit's duration; the family's preferred weekdays go into the
 * Timing, their daily window (which Timing cannot hold as a range) into the description.
 * "Only when asked" has no schedule, so it is said in words.
 */
function visitActivity(f: VisitFrequency, preferred: PreferredTimes | null): CarePlanActivity {
  const window = preferred ? `; preferred between ${preferred.from} and ${preferred.to}` : '';
  const base = {
    kind: 'Appointment' as const,
    status: 'scheduled' as const,
    code: hearthConcept('discipline', f.discipline, f.discipline),
  };
  if (f.mode === 'as_needed')
    return {
      detail: {
        ...base,
        status: 'not-started',
        scheduledString: 'Visits when asked',
        description: `${f.discipline} visits when asked${window}`,
      },
    };
  const repeat: NonNullable<Timing['repeat']> = compact({
    frequency: 1,
    period: f.mode === 'weekly' ? 1 : (f.everyDays ?? 1),
    periodUnit: f.mode === 'weekly' ? ('wk' as const) : ('d' as const),
    duration: f.durationMinutes,
    durationUnit: 'min' as const,
    dayOfWeek: preferred?.weekdays.length
      ? preferred.weekdays.map((d) => fhirWeekdays[d - 1] ?? 'mon')
      : undefined,
  });
  if (f.mode === 'weekly') repeat.frequency = f.timesPerWeek ?? 1;
  const every = f.mode === 'weekly' ? `${f.timesPerWeek} a week` : `every ${f.everyDays} days`;
  return {
    detail: {
      ...base,
      scheduledTiming: { repeat },
      description: `${f.discipline} visits ${every}, ${f.durationMinutes} min${window}`,
    },
  };
}

export function toGoals(r: PatientRecord): Goal[] {
  const v = r.carePlan;
  if (!v) return [];
  return v.content.items.map((item, i) =>
    compact<Goal>({
      resourceType: 'Goal',
      id: goalId(v.id, i),
      lifecycleStatus: 'active',
      category: [hearthConcept('discipline', item.discipline, item.discipline)],
      description: { text: item.goal },
      subject: ref('Patient', r.patient.id),
      startDate: instant(v.createdAt).slice(0, 10),
      target: [{ dueDate: v.reviewDate }],
      expressedBy: item.ownerId ? ref('Practitioner', item.ownerId) : undefined,
      note: [{ text: `Problem: ${item.problem}` }],
    }),
  );
}
