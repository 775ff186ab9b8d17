import { z } from 'zod';
import { isoDateSchema } from '../common/schemas.ts';
import { type Discipline, disciplineSchema } from './care-plan.ts';

/** Why the planner left a visit out (the planner's own reason codes). */
export const unplannedCodes = [
  'fixed-staff-absent',
  'no-shift',
  'no-skill',
  'no-skilled-on-day',
  'not-allowed',
  'window-unreachable',
  'no-pair',
  'repeat-gap',
  'no-room',
] as const;
export type UnplannedCode = (typeof unplannedCodes)[number];

/** What a coordinator can do about a group of unplanned visits. */
export const capacityFixes = [
  'add-shift',
  'add-staff',
  'review-allowed',
  'widen-window',
  'add-second-person',
  'allow-more-days',
  'add-hours',
  'reassign',
] as const;
export type CapacityFix = (typeof capacityFixes)[number];

const fixFor: Record<UnplannedCode, CapacityFix> = {
  'fixed-staff-absent': 'reassign',
  'no-shift': 'add-shift',
  'no-skill': 'add-staff',
  'no-skilled-on-day': 'add-shift',
  'not-allowed': 'review-allowed',
  'window-unreachable': 'widen-window',
  'no-pair': 'add-second-person',
  'repeat-gap': 'allow-more-days',
  'no-room': 'add-hours',
};

const minutes = z.number().int().min(0);

/** One discipline on one day: the rota's hours against the planned work (visits and driving). */
export const capacityRowSchema = z.object({
  discipline: disciplineSchema,
  date: isoDateSchema,
  availableMinutes: minutes,
  visitMinutes: minutes,
  travelMinutes: minutes,
  visits: minutes,
});
export type CapacityRow = z.infer<typeof capacityRowSchema>;

/**
 * Unplanned visits of one discipline left out for one reason: how much work they are, on which
 * days they could happen, the work already planned plus theirs on those days against the hours
 * the rota has, and what would fix it.
 */
export const shortfallSchema = z.object({
  discipline: disciplineSchema,
  code: z.enum(unplannedCodes),
  fix: z.enum(capacityFixes),
  visits: minutes,
  visitMinutes: minutes,
  dates: z.array(isoDateSchema),
  neededMinutes: minutes,
  availableMinutes: minutes,
});
export type Shortfall = z.infer<typeof shortfallSchema>;

export const capacitySchema = z.object({
  rows: z.array(capacityRowSchema),
  shortfalls: z.array(shortfallSchema),
});
export type Capacity = z.infer<typeof capacitySchema>;

export interface CapacityInput {
  shifts: { discipline: Discipline; date: string; minutes: number }[];
  routes: {
    discipline: Discipline;
    date: string;
    visitMinutes: number;
    travelMinutes: number;
    visits: number;
  }[];
  unplanned: { discipline: Discipline; code: UnplannedCode; minutes: number; dates: string[] }[];
}

const key = (d: Discipline, date: string) => `${d}|${date}`;

/**
 * The week's capacity by discipline and day, and the shortfall behind every unplanned visit.
 * Pure arithmetic on what the planner returned; it does not plan anything itself.
 */
export function capacityTable(input: CapacityInput): Capacity {
  const rows = new Map<string, CapacityRow>();
  const row = (discipline: Discipline, date: string) => {
    const k = key(discipline, date);
    let r = rows.get(k);
    if (!r) {
      r = { discipline, date, availableMinutes: 0, visitMinutes: 0, travelMinutes: 0, visits: 0 };
      rows.set(k, r);
    }
    return r;
  };
  for (const s of input.shifts) row(s.discipline, s.date).availableMinutes += Math.round(s.minutes);
  for (const r of input.routes) {
    const x = row(r.discipline, r.date);
    x.visitMinutes += Math.round(r.visitMinutes);
    x.travelMinutes += Math.round(r.travelMinutes);
    x.visits += r.visits;
  }
  const groups = new Map<string, Shortfall>();
  for (const u of input.unplanned) {
    const k = `${u.discipline}|${u.code}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        discipline: u.discipline,
        code: u.code,
        fix: fixFor[u.code],
        visits: 0,
        visitMinutes: 0,
        dates: [],
        neededMinutes: 0,
        availableMinutes: 0,
      };
      groups.set(k, g);
    }
    g.visits++;
    g.visitMinutes += Math.round(u.minutes);
    g.dates = [...new Set([...g.dates, ...u.dates])].sort();
  }
  for (const g of groups.values()) {
    let planned = 0;
    let available = 0;
    for (const date of g.dates) {
      const r = rows.get(key(g.discipline, date));
      planned += (r?.visitMinutes ?? 0) + (r?.travelMinutes ?? 0);
      available += r?.availableMinutes ?? 0;
    }
    g.neededMinutes = planned + g.visitMinutes;
    g.availableMinutes = available;
  }
  const byDisciplineThenDate = (
    a: { discipline: string; date: string },
    b: { discipline: string; date: string },
  ) => a.discipline.localeCompare(b.discipline) || a.date.localeCompare(b.date);
  return {
    rows: [...rows.values()].sort(byDisciplineThenDate),
    shortfalls: [...groups.values()].sort(
      (a, b) => a.discipline.localeCompare(b.discipline) || b.visits - a.visits,
    ),
  };
}
