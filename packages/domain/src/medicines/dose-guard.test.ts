import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTimeOfDay } from '../time/zoned-time.ts';
import {
  checkDose,
  defaultGuardOptions,
  effectiveWindowMinutes,
  type GuardPrescription,
  nextAllowedAt,
  type RecordedDose,
} from './dose-guard.ts';
import { explainRefusal } from './refusal-text.ts';

const tz = 'Europe/Minsk'; // UTC+3 all year
const at = (iso: string) => new Date(iso);
const minute = 60_000;
const hour = 60 * minute;

const prn: GuardPrescription = {
  kind: 'prn',
  doseAmount: 5,
  doseUnit: 'mg',
  startsAt: at('2026-11-23T06:00:00Z'),
  endsAt: null,
  timesOfDay: [],
  minIntervalMinutes: 240,
  maxDosesPer24h: 6,
  timeZone: tz,
};
const scheduled: GuardPrescription = {
  ...prn,
  kind: 'scheduled',
  startsAt: at('2026-11-22T00:00:00Z'),
  doseAmount: 10,
  timesOfDay: ['08:00', '20:00'],
  minIntervalMinutes: null,
  maxDosesPer24h: null,
};
const dose = (givenAt: Date, amount = 5) => ({ givenAt, doseAmount: amount, doseUnit: 'mg' as const });

describe('dose guard: as needed', () => {
  it('allows the first dose, refuses one an hour later with the next allowed time', () => {
    const t0 = at('2026-11-23T07:20:00Z');
    expect(checkDose(prn, [], dose(t0), t0)).toEqual({ ok: true, slot: null });
    const t1 = new Date(t0.getTime() + hour);
    const r = checkDose(prn, [{ givenAt: t0, slot: null }], dose(t1), t1);
    expect(r).toEqual({ ok: false, reason: 'too-soon', nextAllowedAt: at('2026-11-23T11:20:00Z') });
    if (!r.ok) {
      const text = explainRefusal(r.reason, {
        nextAllowedAt: r.nextAllowedAt,
        prescribed: '5 mg',
        now: t1,
        timeZone: tz,
        teamPhone: '+375 17 000-12-34',
        locale: 'en',
      });
      expect(text).toContain('The next dose is allowed from 14:20');
      expect(text).toContain('call the team: +375 17 000-12-34');
      expect(
        explainRefusal(r.reason, {
          ...{
            nextAllowedAt: r.nextAllowedAt,
            prescribed: '5 mg',
            now: t1,
            timeZone: tz,
            teamPhone: '1',
            locale: 'ru',
          },
        }),
      ).toContain('Следующую дозу можно дать с 14:20');
    }
  });
  it('allows exactly at the minimum interval', () => {
    const t0 = at('2026-11-23T07:00:00Z');
    const t1 = new Date(t0.getTime() + 4 * hour);
    expect(checkDose(prn, [{ givenAt: t0, slot: null }], dose(t1), t1).ok).toBe(true);
    const early = new Date(t1.getTime() - 1);
    expect(checkDose(prn, [{ givenAt: t0, slot: null }], dose(early), early).ok).toBe(false);
  });
  it('refuses the seventh dose in 24 h and says when the oldest drops out', () => {
    const p = { ...prn, minIntervalMinutes: 60 };
    const history: RecordedDose[] = Array.from({ length: 6 }, (_, k) => ({
      givenAt: new Date(at('2026-11-23T07:00:00Z').getTime() + k * 2 * hour),
      slot: null,
    }));
    const t = at('2026-11-23T20:00:00Z');
    const r = checkDose(p, history, dose(t), t);
    expect(r).toEqual({ ok: false, reason: 'daily-maximum', nextAllowedAt: at('2026-11-24T07:00:00Z') });
    expect(checkDose(p, history, dose(at('2026-11-24T07:00:00Z')), at('2026-11-24T07:00:00Z')).ok).toBe(true);
  });
  it('refuses a different dose, a stopped or not yet started medicine, the future and long ago', () => {
    const t = at('2026-11-23T09:00:00Z');
    expect(checkDose(prn, [], dose(t, 10), t)).toMatchObject({ ok: false, reason: 'dose-mismatch' });
    expect(checkDose(prn, [], { ...dose(t), doseUnit: 'ml' }, t)).toMatchObject({ reason: 'dose-mismatch' });
    expect(checkDose({ ...prn, endsAt: at('2026-11-23T08:00:00Z') }, [], dose(t), t)).toMatchObject({
      reason: 'ended',
      nextAllowedAt: null,
    });
    expect(checkDose({ ...prn, startsAt: at('2026-11-23T12:00:00Z') }, [], dose(t), t)).toMatchObject({
      reason: 'not-started',
      nextAllowedAt: at('2026-11-23T12:00:00Z'),
    });
    expect(checkDose(prn, [], dose(new Date(t.getTime() + hour)), t)).toMatchObject({ reason: 'in-future' });
    expect(checkDose(prn, [], dose(at('2026-11-23T06:30:00Z')), at('2026-11-24T09:00:00Z'))).toMatchObject({
      reason: 'too-late-to-record',
    });
  });
  it('a backdated dose cannot squeeze between two recorded ones', () => {
    const h = [at('2026-11-23T07:00:00Z'), at('2026-11-23T12:00:00Z')].map((g) => ({
      givenAt: g,
      slot: null,
    }));
    const now = at('2026-11-23T13:00:00Z');
    expect(checkDose(prn, h, dose(at('2026-11-23T09:30:00Z')), now)).toMatchObject({ reason: 'too-soon' });
  });
});

describe('dose guard: scheduled', () => {
  it('allows a dose within an hour of its time, once', () => {
    const t = at('2026-11-23T05:30:00Z'); // 08:30 in Minsk
    const ok = checkDose(scheduled, [], dose(t, 10), t);
    expect(ok).toEqual({ ok: true, slot: at('2026-11-23T05:00:00Z') });
    const again = at('2026-11-23T05:45:00Z');
    expect(
      checkDose(scheduled, [{ givenAt: t, slot: at('2026-11-23T05:00:00Z') }], dose(again, 10), again),
    ).toMatchObject({
      ok: false,
      reason: 'already-given',
      nextAllowedAt: at('2026-11-23T16:00:00Z'),
    });
  });
  it('refuses between times and says when the next window opens', () => {
    const t = at('2026-11-23T09:00:00Z'); // 12:00 local
    const r = checkDose(scheduled, [], dose(t, 10), t);
    expect(r).toEqual({ ok: false, reason: 'not-due', nextAllowedAt: at('2026-11-23T16:00:00Z') });
    expect(localTimeOfDay(at('2026-11-23T16:00:00Z'), tz)).toBe('19:00');
  });
  it('narrows the window when times are close together', () => {
    expect(effectiveWindowMinutes(['08:00', '09:00'], 60)).toBe(29);
    expect(effectiveWindowMinutes(['08:00'], 60)).toBe(60);
  });
});

/**
 * Property (issue 6): no sequence of attempts, in any order and timing, lets the recorded doses
 * exceed the prescription.
 */
describe('dose guard properties', () => {
  const start = at('2026-11-23T00:00:00Z').getTime();
  const attempts = fc.array(
    fc.record({
      nowOffsetMin: fc.integer({ min: 0, max: 4 * 24 * 60 }),
      backdateMin: fc.integer({ min: -10, max: 14 * 60 }),
      amount: fc.constantFrom(5, 5, 5, 10, 2.5),
    }),
    { maxLength: 60 },
  );
  const prnArb = fc.record({
    minIntervalMinutes: fc.integer({ min: 15, max: 720 }),
    maxDosesPer24h: fc.integer({ min: 1, max: 12 }),
    startOffset: fc.integer({ min: 0, max: 24 * 60 }),
    length: fc.option(fc.integer({ min: 60, max: 3 * 24 * 60 }), { nil: null }),
  });

  const run = (
    p: GuardPrescription,
    list: { nowOffsetMin: number; backdateMin: number; amount: number }[],
  ) => {
    const history: RecordedDose[] = [];
    // attempts arrive in clock order (the server's now), each with any claimed time
    const sorted = [...list].sort((a, b) => a.nowOffsetMin - b.nowOffsetMin);
    for (const a of sorted) {
      const now = new Date(start + a.nowOffsetMin * minute);
      const givenAt = new Date(now.getTime() - a.backdateMin * minute);
      const r = checkDose(p, history, dose(givenAt, a.amount), now);
      if (r.ok) {
        history.push({ givenAt, slot: r.slot });
        expect(a.amount).toBe(p.doseAmount);
      } else if (r.nextAllowedAt) {
        expect(r.nextAllowedAt.getTime()).toBeGreaterThanOrEqual(
          Math.min(now.getTime(), p.startsAt.getTime()),
        );
      }
    }
    return history;
  };

  it('as needed: every pair of doses is at least the interval apart, never more than the maximum in 24 h, inside the course', () => {
    fc.assert(
      fc.property(prnArb, attempts, (cfg, list) => {
        const p: GuardPrescription = {
          ...prn,
          minIntervalMinutes: cfg.minIntervalMinutes,
          maxDosesPer24h: cfg.maxDosesPer24h,
          startsAt: new Date(start + cfg.startOffset * minute),
          endsAt: cfg.length === null ? null : new Date(start + (cfg.startOffset + cfg.length) * minute),
        };
        const times = run(p, list)
          .map((h) => h.givenAt.getTime())
          .sort((a, b) => a - b);
        for (let i = 0; i < times.length; i++) {
          expect(times[i]!).toBeGreaterThanOrEqual(p.startsAt.getTime());
          if (p.endsAt) expect(times[i]!).toBeLessThan(p.endsAt.getTime());
          if (i > 0)
            expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(cfg.minIntervalMinutes * minute);
          const inWindow = times.filter((x) => x > times[i]! - 24 * hour && x <= times[i]!).length;
          expect(inWindow).toBeLessThanOrEqual(cfg.maxDosesPer24h);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('as needed: a dose at the announced next allowed time always passes', () => {
    fc.assert(
      fc.property(prnArb, attempts, fc.integer({ min: 0, max: 4 * 24 * 60 }), (cfg, list, probe) => {
        const p: GuardPrescription = {
          ...prn,
          minIntervalMinutes: cfg.minIntervalMinutes,
          maxDosesPer24h: cfg.maxDosesPer24h,
          startsAt: new Date(start + cfg.startOffset * minute),
          endsAt: null,
        };
        const history = run(p, list);
        const now = new Date(start + probe * minute);
        const next = nextAllowedAt(p, history, now);
        if (next === null) return;
        expect(
          checkDose(p, history, dose(next), next, { ...defaultGuardOptions, lateEntryMinutes: 1e9 }).ok,
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('scheduled: one dose per time, each within its window, never more doses than times', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 23 * 4 }), { minLength: 1, maxLength: 6 }),
        attempts,
        (quarterHours, list) => {
          const timesOfDay = quarterHours.map(
            (q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`,
          );
          const p: GuardPrescription = { ...scheduled, doseAmount: 5, timesOfDay };
          const history = run(p, list);
          const slots = history.map((h) => h.slot!.getTime());
          expect(new Set(slots).size).toBe(slots.length);
          const window = effectiveWindowMinutes(timesOfDay, 60);
          for (const h of history) {
            expect(Math.abs(h.givenAt.getTime() - h.slot!.getTime())).toBeLessThanOrEqual(window * minute);
            expect(timesOfDay).toContain(localTimeOfDay(h.slot!, tz));
          }
          // slots are distinct times of day, so any 24 h (x − 24 h, x] holds at most one occurrence of each
          const sorted = [...slots].sort((a, b) => a - b);
          for (const x of sorted)
            expect(sorted.filter((s) => s > x - 24 * hour && s <= x).length).toBeLessThanOrEqual(
              timesOfDay.length,
            );
        },
      ),
      { numRuns: 120 },
    );
  });
});
