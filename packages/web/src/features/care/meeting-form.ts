import {
  type CarePlanContent,
  type CareTeamMember,
  type Discipline,
  missingDisciplines,
} from '@hearth/domain';
import type { TFunction } from 'i18next';

/** One reviewed patient in the meeting form: the decision, its owner, and the care-plan change. */
export interface ReviewDraft {
  summary: string;
  ownerId: string;
  carePlan: CarePlanContent | null;
}

/** The required disciplines no one present covers (42 CFR 418.56, see domain care/meetings.ts). */
export function missingFor(attendeeIds: readonly string[], team: readonly CareTeamMember[]): Discipline[][] {
  const present = team.filter((m) => attendeeIds.includes(m.id)).map((m) => m.discipline);
  return missingDisciplines(present);
}

/** "Chaplain or psychologist" for a group any one of which satisfies the rule. */
export const disciplineGroupLabel = (group: readonly string[], t: TFunction) =>
  group.map((d) => t(`care.disciplines.${d}` as 'care.disciplines.nurse')).join(t('care.meetings.or'));

/** The body for `meetingCreateBodySchema`: only the patients marked reviewed. */
export function meetingBody(v: {
  heldOn: string;
  attendeeIds: string[];
  notes: string;
  reviews: Record<string, ReviewDraft>;
}) {
  return {
    heldOn: v.heldOn,
    attendeeIds: v.attendeeIds,
    notes: v.notes,
    reviews: Object.entries(v.reviews).map(([patientId, r]) => ({
      patientId,
      summary: r.summary,
      ownerId: r.ownerId || null,
      ...(r.carePlan ? { carePlan: r.carePlan } : {}),
    })),
  };
}
