import { z } from 'zod';
import type { CarePlanContent, Discipline } from './care-plan.ts';
import { disciplineSchema, minutesOf } from './care-plan.ts';

/**
 * How many days before its due day an interval visit may be brought forward when nobody of its
 * discipline works on the due day. Two days turns a Saturday or Sunday visit into a Friday or
 * Thursday one, never into one half an interval early.
 */
export const earlyDays = 2;

/** One discipline's visits for one patient in a planning horizon, as the planner needs them. */
export const visitRequirementSchema = z.object({
  /** Stable id: patient, discipline and week. */
  id: z.string(),
  patientId: z.string(),
  discipline: disciplineSchema,
  durationMinutes: z.number(),
  /** Visits to make within `days`. */
  count: z.number().int(),
  /** Minimum days between two of them. */
  minGapDays: z.number(),
  /** Allowed day indexes of the horizon (0 = its first day). */
  days: z.array(z.number().int()),
  window: z.object({ start: z.number(), end: z.number() }).nullable(),
  keyWorkerId: z.string().nullable(),
});
export type VisitRequirement = z.infer<typeof visitRequirementSchema>;

export interface PlanForWeek {
  patientId: string;
  content: CarePlanContent;
  /** Last completed or scheduled visit day per discipline, as a day index relative to the week (negative = before it). */
  lastVisitDay: Partial<Record<Discipline, number>>;
  /** Visits already scheduled inside the week per discipline (they count towards the frequency). */
  alreadyInWeek: Partial<Record<Discipline, number>>;
}

/**
 * Turns care plans into the week's visit requirements (issue 5, weekly planning). `weekdays` are
 * the ISO weekdays (1 = Monday) of each day of the horizon. A weekly frequency asks for so many
 * visits spread at least ⌊days/count⌋ apart; an interval frequency asks for a visit when the
 * interval since the last one falls inside the week (and again every interval after); "as
 * needed" asks for nothing.
 */
export function weekRequirements(
  plans: PlanForWeek[],
  weekdays: number[],
  weekKey: string,
  /**
   * Days of the horizon on which someone of each discipline works (from the rota). An interval
   * visit that falls due on a day nobody of its discipline works (a Saturday, with a weekday
   * rota) may then happen up to `earlyDays` earlier instead of not at all.
   */
  workingDays?: Partial<Record<Discipline, number[]>>,
): VisitRequirement[] {
  const horizon = weekdays.length;
  const out: VisitRequirement[] = [];
  for (const plan of plans) {
    const pt = plan.content.preferredTimes;
    const window = pt ? { start: minutesOf(pt.from), end: minutesOf(pt.to) } : null;
    const preferredDays =
      pt && pt.weekdays.length > 0
        ? weekdays.flatMap((wd, d) => (pt.weekdays.includes(wd) ? [d] : []))
        : weekdays.map((_, d) => d);
    for (const f of plan.content.frequencies) {
      if (f.mode === 'as_needed') continue;
      const done = plan.alreadyInWeek[f.discipline] ?? 0;
      let count = 0;
      let days = preferredDays;
      if (f.mode === 'weekly') {
        count = Math.min((f.timesPerWeek ?? 1) - done, horizon);
      } else {
        const every = f.everyDays ?? 7;
        const last = plan.lastVisitDay[f.discipline];
        const first = last === undefined ? 0 : Math.max(0, last + every);
        if (first < horizon) {
          count = Math.max(0, 1 + Math.floor((horizon - 1 - first) / every) - done);
          // an overdue or newly due visit may happen from its due day on
          days = preferredDays.filter((d) => d >= first);
          if (days.length === 0) days = weekdays.map((_, d) => d).filter((d) => d >= first);
          const working = workingDays?.[f.discipline];
          if (working && !days.some((d) => working.includes(d))) {
            const earlier = working.filter((d) => d < first && d >= first - earlyDays);
            if (earlier.length > 0) days = earlier;
          }
        }
      }
      if (count <= 0 || days.length === 0) continue;
      count = Math.min(count, days.length);
      const span = days[days.length - 1]! - days[0]!;
      const minGapDays =
        count > 1 ? Math.max(1, Math.min(Math.floor(horizon / count), Math.floor(span / (count - 1)))) : 1;
      out.push({
        id: `${plan.patientId}:${f.discipline}:${weekKey}`,
        patientId: plan.patientId,
        discipline: f.discipline,
        durationMinutes: f.durationMinutes,
        count,
        minGapDays,
        days,
        window,
        keyWorkerId: plan.content.keyWorkerId,
      });
    }
  }
  return out;
}
