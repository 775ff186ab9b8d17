import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.ts';
import { carePlanContentSchema } from './care-plan.ts';
import { missingDisciplines, reviewDue } from './meetings.ts';
import { weekRequirements } from './requirements.ts';
import { planMeasures, timeRoute } from './route.ts';
import { estimateTravel } from './travel.ts';
import { assertVisitTransition } from './visits.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

describe('visit lifecycle', () => {
  it('allows the field path and refuses skipping steps with a clear message', () => {
    expect(() => assertVisitTransition('scheduled', 'on_the_way')).not.toThrow();
    expect(() => assertVisitTransition('on_the_way', 'checked_in')).not.toThrow();
    expect(() => assertVisitTransition('checked_in', 'completed')).not.toThrow();
    try {
      assertVisitTransition('requested', 'checked_in');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CONFLICT');
      expect((e as DomainError).message).toBe(
        'A visit that is requested cannot become checked in; it can only become scheduled or cancelled.',
      );
    }
    expect(() => assertVisitTransition('completed', 'cancelled')).toThrow(/already completed/);
  });
});

describe('care plan content', () => {
  it('needs a count for weekly and an interval for interval frequencies, one per discipline', () => {
    const bad = carePlanContentSchema.safeParse({
      reviewDate: '2026-12-01',
      frequencies: [
        { discipline: 'nurse', mode: 'weekly' },
        { discipline: 'nurse', mode: 'interval', everyDays: 14 },
      ],
    });
    expect(bad.success).toBe(false);
    const good = carePlanContentSchema.parse({ reviewDate: '2026-12-01' });
    expect(good.phase).toBe('stable');
    expect(good.items).toEqual([]);
  });
});

describe('week requirements from care plans', () => {
  const content = carePlanContentSchema.parse({
    reviewDate: '2026-12-01',
    frequencies: [
      { discipline: 'nurse', mode: 'weekly', timesPerWeek: 2 },
      { discipline: 'physician', mode: 'interval', everyDays: 14 },
      { discipline: 'psychologist', mode: 'as_needed' },
    ],
    preferredTimes: { from: '10:00', to: '14:00', weekdays: [] },
  });

  it('asks for the nurse twice, spread apart, and the physician when 14 days have passed', () => {
    const reqs = weekRequirements(
      [{ patientId: 'p', content, lastVisitDay: { physician: -10 }, alreadyInWeek: {} }],
      weekdays,
      'w',
    );
    const nurse = reqs.find((r) => r.discipline === 'nurse')!;
    expect(nurse.count).toBe(2);
    expect(nurse.minGapDays).toBe(3);
    expect(nurse.window).toEqual({ start: 600, end: 840 });
    const physician = reqs.find((r) => r.discipline === 'physician')!;
    expect(physician.count).toBe(1);
    expect(physician.days).toEqual([4, 5, 6]);
    expect(reqs.some((r) => r.discipline === 'psychologist')).toBe(false);
  });

  it('does not ask for a physician seen 3 days ago, and counts visits already in the week', () => {
    const reqs = weekRequirements(
      [{ patientId: 'p', content, lastVisitDay: { physician: -3 }, alreadyInWeek: { nurse: 1 } }],
      weekdays,
      'w',
    );
    expect(reqs.map((r) => [r.discipline, r.count])).toEqual([['nurse', 1]]);
  });

  it('brings a physician visit due on a weekend forward to the last working days before it', () => {
    // last seen 9 days before the week: due on day 5 (Saturday); the rota has physicians Mon–Fri
    const plan = { patientId: 'p', content, lastVisitDay: { physician: -9 }, alreadyInWeek: {} };
    const weekdayRota = { physician: [0, 1, 2, 3, 4] };
    const physician = weekRequirements([plan], weekdays, 'w', weekdayRota).find(
      (r) => r.discipline === 'physician',
    )!;
    expect(physician.days).toEqual([3, 4]);
    // with someone on the weekend rota the due day stands
    const withWeekend = weekRequirements([plan], weekdays, 'w', { physician: [0, 1, 2, 3, 4, 5] }).find(
      (r) => r.discipline === 'physician',
    )!;
    expect(withWeekend.days).toEqual([5, 6]);
    // without a rota nothing moves
    expect(weekRequirements([plan], weekdays, 'w').find((r) => r.discipline === 'physician')!.days).toEqual([
      5, 6,
    ]);
  });

  it('keeps to the family’s weekdays', () => {
    const c = carePlanContentSchema.parse({
      ...content,
      preferredTimes: { from: '09:00', to: '12:00', weekdays: [2, 4] },
    });
    const nurse = weekRequirements(
      [{ patientId: 'p', content: c, lastVisitDay: {}, alreadyInWeek: {} }],
      weekdays,
      'w',
    )[0]!;
    expect(nurse.days).toEqual([1, 3]);
    expect(nurse.minGapDays).toBe(2);
  });
});

describe('travel estimate', () => {
  it('is great-circle distance × road factor ÷ speed', () => {
    // Minsk to Barysaw: about 69 km in a straight line
    const leg = estimateTravel(
      { lat: 53.9006, lon: 27.559 },
      { lat: 54.2279, lon: 28.505 },
      { roadFactor: 1.3, speedKmh: 60 },
    );
    expect(leg.km).toBeGreaterThan(85);
    expect(leg.km).toBeLessThan(95);
    expect(leg.minutes).toBeCloseTo(leg.km, 5);
  });
});

describe('route timing and warnings', () => {
  it('waits for windows, and flags a late window, a missing skill and overtime', () => {
    const r = timeRoute({
      staffDisciplines: ['nurse'],
      shift: { start: 480, end: 600 },
      stops: [
        { visitId: 'a', discipline: 'nurse', durationMinutes: 30, window: { start: 540, end: 600 } },
        { visitId: 'b', discipline: 'physician', durationMinutes: 60, window: { start: 480, end: 560 } },
      ],
      legs: [
        { minutes: 20, km: 10 },
        { minutes: 10, km: 5 },
        { minutes: 30, km: 15 },
      ],
    });
    expect(r.stops.map((s) => [s.arrival, s.start, s.end])).toEqual([
      [500, 540, 570],
      [580, 580, 640],
    ]);
    expect(r.returnTime).toBe(670);
    expect(r.travelMinutes).toBe(60);
    expect(r.overtimeMinutes).toBe(70);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['overtime', 'skill', 'window']);
  });

  it('warns when nobody is on shift', () => {
    const r = timeRoute({
      staffDisciplines: ['nurse'],
      shift: null,
      stops: [{ visitId: 'a', discipline: 'nurse', durationMinutes: 30, window: null }],
      legs: [],
    });
    expect(r.warnings[0]!.code).toBe('no_shift');
  });

  it('measures continuity as the key worker’s share', () => {
    const m = planMeasures(
      [{ travelMinutes: 30, travelKm: 12, overtimeMinutes: 0 }],
      [
        { staffId: 'k', keyWorkerId: 'k' },
        { staffId: 'x', keyWorkerId: 'k' },
        { staffId: 'x', keyWorkerId: null },
        { staffId: null, keyWorkerId: null },
      ],
      4,
    );
    expect(m.continuity).toBe(0.5);
    expect(m.visitsPlanned).toBe(3);
    expect(m.travelMinutesPerVisit).toBe(10);
  });
});

describe('team meetings', () => {
  it('are due every 15 days, after 3 days in an unstable phase, and at once if never held', () => {
    expect(reviewDue({ lastReviewOn: null, phase: 'stable', phaseSince: null }, '2026-11-23').due).toBe(true);
    expect(
      reviewDue({ lastReviewOn: '2026-11-10', phase: 'stable', phaseSince: null }, '2026-11-23').due,
    ).toBe(false);
    expect(
      reviewDue({ lastReviewOn: '2026-11-08', phase: 'stable', phaseSince: null }, '2026-11-23').due,
    ).toBe(true);
    const unstable = reviewDue(
      { lastReviewOn: '2026-11-20', phase: 'unstable', phaseSince: '2026-11-21' },
      '2026-11-23',
    );
    expect(unstable).toEqual({
      dueOn: '2026-11-23',
      due: true,
      reason: 'unstable_phase',
      daysSinceReview: 3,
    });
  });

  it('count the real days since the last review, not the interval (issue 13)', () => {
    const late = reviewDue({ lastReviewOn: '2026-11-01', phase: 'stable', phaseSince: null }, '2026-11-23');
    expect(late).toMatchObject({ due: true, reason: 'interval', daysSinceReview: 22 });
    expect(
      reviewDue({ lastReviewOn: null, phase: 'stable', phaseSince: null }, '2026-11-23').daysSinceReview,
    ).toBe(null);
  });

  it('names the required disciplines that are missing', () => {
    expect(missingDisciplines(['physician', 'nurse', 'social_worker', 'psychologist'])).toEqual([]);
    expect(missingDisciplines(['physician', 'nurse'])).toEqual([
      ['social_worker'],
      ['chaplain', 'psychologist'],
    ]);
  });
});
