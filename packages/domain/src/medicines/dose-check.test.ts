import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDoseRecord,
  type DoseCheckPrescription,
  type DosePath,
  dosePaths,
  type IngredientDose,
} from './dose-check.ts';
import { defaultGuardOptions } from './dose-guard.ts';

const minute = 60_000;
const hour = 60 * minute;
const start = Date.parse('2026-11-23T06:00:00Z');
const options = { ...defaultGuardOptions, lateEntryMinutes: 24 * 60, verbalOrderValidMinutes: 60 };

/** Two versions of one as-needed prescription, or prescriptions of the same ingredient. */
const prescriptionArb = fc.record({
  doseAmount: fc.constantFrom(2.5, 5, 10),
  minIntervalMinutes: fc.integer({ min: 15, max: 360 }),
  maxDosesPer24h: fc.integer({ min: 1, max: 8 }),
});

const attemptArb = fc.record({
  which: fc.nat(),
  /** Minutes after the start when it is recorded, and how late (a late entry). */
  at: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  lateBy: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 * 60 })),
  path: fc.constantFrom<DosePath>(...dosePaths),
  wrongDose: fc.boolean(),
});

describe('the one dose check: property over prescriptions, versions, paths and dose sequences', () => {
  it('no accepted sequence breaks an active limit of any prescription of the ingredient', () => {
    fc.assert(
      fc.property(
        fc.array(prescriptionArb, { minLength: 1, maxLength: 3 }),
        fc.array(attemptArb, { maxLength: 30 }),
        (rxs, attempts) => {
          const prescriptions: DoseCheckPrescription[] = rxs.map((r, i) => ({
            id: `rx${i}`,
            ingredient: 'morphine',
            opioid: true,
            mapped: true,
            kind: 'prn',
            doseAmount: r.doseAmount,
            doseUnit: 'mg',
            startsAt: new Date(start),
            endsAt: null,
            timesOfDay: [],
            minIntervalMinutes: r.minIntervalMinutes,
            maxDosesPer24h: r.maxDosesPer24h,
            timeZone: 'Europe/Minsk',
          }));
          const accepted: IngredientDose[] = [];
          const sorted = [...attempts].sort((a, b) => a.at - b.at);
          for (const a of sorted) {
            const p = prescriptions[a.which % prescriptions.length]!;
            const now = new Date(start + a.at * minute);
            const givenAt = new Date(Math.max(start, now.getTime() - a.lateBy * minute));
            const r = checkDoseRecord({
              path: a.path,
              prescription: p,
              history: accepted,
              attempt: {
                givenAt,
                doseAmount: a.wrongDose ? p.doseAmount * 10 : p.doseAmount,
                doseUnit: 'mg',
              },
              verbalOrderAt: a.path === 'verbal-order' ? givenAt : null,
              now,
              options,
            });
            if (a.wrongDose) expect(r.ok).toBe(false);
            if (r.ok)
              accepted.push({
                prescriptionId: p.id,
                givenAt,
                slot: null,
                kind: 'prn',
                minIntervalMinutes: p.minIntervalMinutes,
                maxDosesPer24h: p.maxDosesPer24h,
              });
          }
          // every pair at least the longer of their intervals apart
          for (const x of accepted)
            for (const y of accepted) {
              if (x === y) continue;
              const gap = Math.abs(x.givenAt.getTime() - y.givenAt.getTime());
              expect(gap).toBeGreaterThanOrEqual(
                Math.max(x.minIntervalMinutes!, y.minIntervalMinutes!) * minute,
              );
            }
          // no 24 h window holds more doses than the smallest maximum among those given in it
          for (const end of accepted) {
            const inWindow = accepted.filter(
              (d) => d.givenAt.getTime() > end.givenAt.getTime() - 24 * hour && d.givenAt <= end.givenAt,
            );
            expect(inWindow.length).toBeLessThanOrEqual(Math.min(...inWindow.map((d) => d.maxDosesPer24h!)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a free-text opioid is never given; an expired verbal order is refused', () => {
    const p: DoseCheckPrescription = {
      id: 'free',
      ingredient: 'free:levorphanol',
      opioid: true,
      mapped: false,
      kind: 'prn',
      doseAmount: 2,
      doseUnit: 'mg',
      startsAt: new Date(start),
      endsAt: null,
      timesOfDay: [],
      minIntervalMinutes: 60,
      maxDosesPer24h: 4,
      timeZone: 'Europe/Minsk',
    };
    const now = new Date(start + hour);
    const base = {
      history: [],
      attempt: { givenAt: now, doseAmount: 2, doseUnit: 'mg' as const },
      now,
      options,
    };
    expect(checkDoseRecord({ ...base, path: 'nurse', prescription: p }).ok).toBe(false);
    const mapped = { ...p, mapped: true };
    expect(checkDoseRecord({ ...base, path: 'nurse', prescription: mapped }).ok).toBe(true);
    const expired = checkDoseRecord({
      ...base,
      path: 'verbal-order',
      prescription: mapped,
      verbalOrderAt: new Date(now.getTime() - 2 * hour),
    });
    expect(expired).toMatchObject({ ok: false, reason: 'verbal-order-expired' });
  });
});
