import { conflict } from '../common/domain-error.ts';
import { greatCircleKm, type LatLon } from '../common/geo.ts';
import { because } from '../common/reasons.ts';
import type {
  AvailabilitySlot,
  RequestKind,
  TrainingModule,
  VolunteerSkill,
  VolunteerStatus,
} from './schemas.ts';
import { trainingModules } from './schemas.ts';

/** Allowed moves of a volunteer's status; `left` is final (a returning volunteer is re-screened). */
export const volunteerTransitions: Record<VolunteerStatus, readonly VolunteerStatus[]> = {
  applicant: ['screened', 'left'],
  screened: ['trained', 'left'],
  trained: ['active', 'left'],
  active: ['paused', 'left'],
  paused: ['active', 'left'],
  left: [],
};

export interface VolunteerFacts {
  status: VolunteerStatus;
  screening: {
    interviewOn: string | null;
    backgroundCheckOn: string | null;
    backgroundCheckResult: 'pending' | 'clear' | 'concerns';
    consentSignedOn: string | null;
    confidentialitySignedOn: string | null;
  } | null;
  completedModules: readonly TrainingModule[];
}

export const missingModules = (completed: readonly TrainingModule[]): TrainingModule[] =>
  trainingModules.filter((m) => !completed.includes(m));

/** What is still missing before a volunteer may be screened: all four items of screening. */
export function screeningGaps(s: VolunteerFacts['screening']): string[] {
  const gaps: string[] = [];
  if (!s?.interviewOn) gaps.push('interview');
  if (!s?.backgroundCheckOn || s.backgroundCheckResult !== 'clear') gaps.push('background_check');
  if (!s?.consentSignedOn) gaps.push('consent');
  if (!s?.confidentialitySignedOn) gaps.push('confidentiality_agreement');
  return gaps;
}

/**
 * Whether a volunteer may move to `to`, and if not, why. A status step needs its evidence:
 * "screened" needs the full screening, "trained" every required module, and "active" (also
 * back from a pause) a clear screening and complete training.
 */
export function checkVolunteerTransition(
  facts: VolunteerFacts,
  to: VolunteerStatus,
): { ok: true } | { ok: false; reason: 'transition' | 'evidence'; missing: string[] } {
  if (!volunteerTransitions[facts.status].includes(to))
    return { ok: false, reason: 'transition', missing: [] };
  const missing: string[] = [];
  if (to === 'screened' || to === 'trained' || to === 'active')
    missing.push(...screeningGaps(facts.screening));
  if (to === 'trained' || to === 'active') missing.push(...missingModules(facts.completedModules));
  return missing.length ? { ok: false, reason: 'evidence', missing } : { ok: true };
}

/** Only an active volunteer (screened and trained, not paused) meets families or joins a roster. */
export const mayBeAssigned = (status: VolunteerStatus) => status === 'active';

/**
 * The one refusal for a volunteer who may not take on work yet (or any more), used by family
 * requests and programme rosters alike.
 */
export function assertAssignable(status: VolunteerStatus, what: 'be assigned' | 'join a roster') {
  if (!mayBeAssigned(status))
    throw conflict(
      `Only an active volunteer (screened and trained) can ${what}; this volunteer is ${status}.`,
      { status },
      because('volunteers.notActive', { status }),
    );
}

/**
 * Which days a volunteer may log hours for on an assignment: from the day of the visit, not in
 * the future, and, once the coordinator has closed the assignment, not after the day it was
 * closed (hours for the work done may still come in late; new work may not).
 */
export function hoursDayProblem(
  on: string,
  days: { today: string; visitDay: string; closedDay: string | null },
): 'future' | 'before_visit' | 'after_close' | null {
  if (on > days.today) return 'future';
  if (on < days.visitDay) return 'before_visit';
  if (days.closedDay !== null && on > days.closedDay) return 'after_close';
  return null;
}

/** Skills that fit each kind of request; having any of them counts, having more counts more. */
export const skillsForRequest: Record<RequestKind, readonly VolunteerSkill[]> = {
  company_for_child: ['childcare', 'music', 'tutoring', 'crafts', 'clowning'],
  shopping: ['shopping', 'driving'],
  lift_to_hospital: ['driving'],
  respite_sitting: ['sitting', 'childcare', 'medical_student'],
};
/** Without these the request cannot be done at all (a lift needs a driver). */
export const requiredSkills: Partial<Record<RequestKind, readonly VolunteerSkill[]>> = {
  lift_to_hospital: ['driving'],
};

export interface MatchCandidate {
  id: string;
  name: string;
  status: VolunteerStatus;
  home: LatLon;
  maxDistanceKm: number;
  languages: readonly string[];
  skills: readonly VolunteerSkill[];
  availability: readonly AvailabilitySlot[];
  /** Volunteer already holds an accepted or offered assignment overlapping this one. */
  busy?: boolean;
}

export interface MatchRequest {
  kind: RequestKind;
  language: string;
  place: LatLon;
  /** Local weekday (1 = Monday) and minutes since local midnight of the start, and the length. */
  weekday: number;
  startMinute: number;
  durationMinutes: number;
}

/** Weights of the ranking; they sum to 100 so a score reads as a percentage. */
export const matchWeights = { skills: 40, language: 20, distance: 25, availability: 15 } as const;

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Share (0–1) of the requested time covered by the volunteer's weekly availability that day. */
export function availabilityCover(slots: readonly AvailabilitySlot[], r: MatchRequest): number {
  const start = r.startMinute;
  const end = Math.min(24 * 60, r.startMinute + r.durationMinutes);
  if (end <= start) return 0;
  let covered = 0;
  // merge the day's slots so overlapping windows are not counted twice
  const day = slots
    .filter((s) => s.weekday === r.weekday)
    .map((s) => [toMinute(s.from), toMinute(s.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let reach = start;
  for (const [from, to] of day) {
    const a = Math.max(from, reach);
    const b = Math.min(to, end);
    if (b > a) {
      covered += b - a;
      reach = b;
    }
  }
  return covered / (end - start);
}

/**
 * Ranks volunteers for a family's request by skills, language, distance (great-circle from home
 * to the family) and availability. Volunteers who cannot take it (not active, out of their
 * travel range, no shared language, missing a required skill, busy) stay in the list, marked
 * not eligible with the reasons, after every eligible one.
 */
export function rankVolunteers(request: MatchRequest, candidates: readonly MatchCandidate[]) {
  const fitting = skillsForRequest[request.kind];
  const required = requiredSkills[request.kind] ?? [];
  const ranked = candidates.map((c) => {
    const reasons: string[] = [];
    const distanceKm = Math.round(greatCircleKm(c.home, request.place) * 10) / 10;
    const hits = fitting.filter((s) => c.skills.includes(s)).length;
    // one fitting skill is half the mark, two (or the only one there is) the full mark
    const skills = Math.min(1, hits / Math.min(2, fitting.length));
    const language = c.languages.includes(request.language) ? 1 : 0;
    const distance = distanceKm > c.maxDistanceKm ? 0 : 1 - distanceKm / Math.max(c.maxDistanceKm, 1) / 2;
    const availability = availabilityCover(c.availability, request);
    if (!mayBeAssigned(c.status)) reasons.push(`status_${c.status}`);
    if (distanceKm > c.maxDistanceKm) reasons.push('too_far');
    if (!language) reasons.push('no_shared_language');
    if (required.some((s) => !c.skills.includes(s))) reasons.push('missing_required_skill');
    if (c.busy) reasons.push('busy');
    const score =
      Math.round(
        (matchWeights.skills * skills +
          matchWeights.language * language +
          matchWeights.distance * distance +
          matchWeights.availability * availability) *
          10,
      ) / 10;
    return {
      volunteerId: c.id,
      name: c.name,
      score,
      eligible: reasons.length === 0,
      distanceKm,
      parts: {
        skills: Math.round(skills * 100) / 100,
        language,
        distance: Math.round(distance * 100) / 100,
        availability: Math.round(availability * 100) / 100,
      },
      reasons,
    };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      a.distanceKm - b.distanceKm ||
      a.name.localeCompare(b.name),
  );
}

/**
 * Volunteer hours as a share of paid staff's patient-care hours. US hospices must reach at least
 * 5 % (Medicare CoP; palliative-research.md, "Volunteers": unitedhospiceaz.com,
 * mjmwanderings.com). `benchmarkPercent` is an organization setting.
 */
export function volunteerShare(
  volunteerHours: number,
  paidCareHours: number | null,
  benchmarkPercent: number,
) {
  if (paidCareHours === null || paidCareHours <= 0) return { sharePercent: null, meetsBenchmark: null };
  const sharePercent = Math.round((volunteerHours / paidCareHours) * 1000) / 10;
  // a vanishing amount stored before input rules refused it would divide to infinity
  if (!Number.isFinite(sharePercent)) return { sharePercent: null, meetsBenchmark: null };
  return { sharePercent, meetsBenchmark: sharePercent >= benchmarkPercent };
}

/** The local weekday (1 = Monday) and minute of day of an instant in a time zone. */
export function localWeekMinute(
  at: Date,
  timeZone: string,
): { weekday: number; minute: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return {
    weekday,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
    date: `${get('year')}-${get('month')}-${get('day')}`,
  };
}
