import type { PhaseOfIllness } from '../assessments/scales.ts';
import type { FamilyWish } from './schemas.ts';
import { requiredConsents } from './schemas.ts';

export interface ShiftLoad {
  capacity: number;
  familyCapacity: number | null;
  children: number;
  familyMembers: number;
}

/**
 * Where a camp application goes: a place on the shift when there is room for the child and for
 * the family members who come with them, otherwise the waiting list. Nobody jumps the waiting
 * list: while anyone waits, a new application waits too.
 */
export function placeApplication(
  load: ShiftLoad,
  familyMembers: number,
  someoneWaiting: boolean,
): 'accepted' | 'waitlisted' {
  if (someoneWaiting) return 'waitlisted';
  return fits(load, familyMembers) ? 'accepted' : 'waitlisted';
}

export const fits = (load: ShiftLoad, familyMembers: number) =>
  load.children + 1 <= load.capacity &&
  (load.familyCapacity === null || load.familyMembers + familyMembers <= load.familyCapacity);

/**
 * After a place frees up, who moves from the waiting list (in order of application) into the
 * shift. The first in line who fits goes first; a large family that does not fit keeps its
 * place at the head and a smaller family behind may take the free place.
 */
export function promoteFromWaitlist<T extends { id: string; familyMembers: number }>(
  load: ShiftLoad,
  waiting: readonly T[],
): T[] {
  const promoted: T[] = [];
  const l = { ...load };
  for (const w of waiting) {
    if (!fits(l, w.familyMembers)) continue;
    promoted.push(w);
    l.children += 1;
    l.familyMembers += w.familyMembers;
  }
  return promoted;
}

export const missingConsents = (signed: readonly string[]) =>
  requiredConsents.filter((k) => !signed.includes(k));

/**
 * A phase of illness older than this no longer describes the child: the PCOC phase is reassessed at
 * every change and at least at each review, and a child's condition can move from stable to
 * deteriorating within days (Palliative Care Outcomes Collaboration, "Phase of illness" clinical
 * manual). Two weeks is the longest gap between reviews in this service's care plans.
 */
export const clownPhaseFreshDays = 14;

/**
 * The phase a clown-doctor visit may rely on: the latest phase-of-illness assessment, if it was
 * taken within `clownPhaseFreshDays` of the visit being booked; otherwise unknown.
 */
export function phaseForClownVisit(
  latest: { phase: PhaseOfIllness | undefined; takenAt: Date } | undefined,
  now: Date,
): PhaseOfIllness | undefined {
  if (!latest?.phase) return undefined;
  const ageDays = (now.getTime() - latest.takenAt.getTime()) / 86_400_000;
  return ageDays <= clownPhaseFreshDays ? latest.phase : undefined;
}

/**
 * Clown doctors visit children under care while respecting the family's wishes and the child's
 * condition: never when the family declined, never after death (bereaved phase), and not in the
 * terminal phase unless the family asked for the visit themselves (issue 8).
 *
 * An unknown phase is refused, never read as "stable" (issue 13): the people who book these visits
 * (the volunteer coordinator) are not clinicians, and a children's hospice expects the child's
 * nurse or physician to judge the phase, with their name on the assessment, before a visit that
 * would be wrong for a dying child is booked. So the coordinator is sent to the clinical team.
 */
export function clownVisitDecision(
  phase: PhaseOfIllness | undefined,
  wish: FamilyWish,
):
  | { allowed: true }
  | { allowed: false; reason: 'family_declined' | 'terminal_phase' | 'bereaved' | 'phase_unknown' } {
  if (wish === 'declined') return { allowed: false, reason: 'family_declined' };
  if (phase === undefined) return { allowed: false, reason: 'phase_unknown' };
  if (phase === 'bereaved') return { allowed: false, reason: 'bereaved' };
  if (phase === 'terminal' && wish !== 'asked') return { allowed: false, reason: 'terminal_phase' };
  return { allowed: true };
}

/** A learner completes a course by attending every session held so far of a course that has ended. */
export function courseCompleted(sessionIds: readonly string[], attended: readonly string[]): boolean {
  return sessionIds.length > 0 && sessionIds.every((id) => attended.includes(id));
}

/** Certificate numbers: course year, then a running number within the organization. */
export const certificateNumber = (year: number, seq: number) => `TC-${year}-${String(seq).padStart(4, '0')}`;
