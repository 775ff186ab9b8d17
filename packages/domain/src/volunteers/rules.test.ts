import { describe, expect, it } from 'vitest';
import {
  assertAssignable,
  availabilityCover,
  checkVolunteerTransition,
  hoursDayProblem,
  localWeekMinute,
  type MatchCandidate,
  rankVolunteers,
  volunteerShare,
} from './rules.ts';
import { trainingModules } from './schemas.ts';

const fullScreening = {
  interviewOn: '2026-10-01',
  backgroundCheckOn: '2026-10-05',
  backgroundCheckResult: 'clear' as const,
  consentSignedOn: '2026-10-01',
  confidentialitySignedOn: '2026-10-01',
};

describe('volunteer lifecycle', () => {
  it('needs the whole screening to become screened', () => {
    const r = checkVolunteerTransition(
      { status: 'applicant', screening: null, completedModules: [] },
      'screened',
    );
    expect(r).toEqual({
      ok: false,
      reason: 'evidence',
      missing: ['interview', 'background_check', 'consent', 'confidentiality_agreement'],
    });
    const concerns = checkVolunteerTransition(
      {
        status: 'applicant',
        screening: { ...fullScreening, backgroundCheckResult: 'concerns' },
        completedModules: [],
      },
      'screened',
    );
    expect(concerns.ok).toBe(false);
    expect(
      checkVolunteerTransition(
        { status: 'applicant', screening: fullScreening, completedModules: [] },
        'screened',
      ).ok,
    ).toBe(true);
  });

  it('needs every module to become trained, and refuses skipped steps', () => {
    const some = checkVolunteerTransition(
      { status: 'screened', screening: fullScreening, completedModules: ['induction'] },
      'trained',
    );
    expect(some.ok).toBe(false);
    if (!some.ok) expect(some.missing).toContain('safeguarding_children');
    expect(
      checkVolunteerTransition(
        { status: 'screened', screening: fullScreening, completedModules: [...trainingModules] },
        'trained',
      ).ok,
    ).toBe(true);
    expect(
      checkVolunteerTransition(
        { status: 'applicant', screening: fullScreening, completedModules: [] },
        'active',
      ),
    ).toEqual({ ok: false, reason: 'transition', missing: [] });
    expect(
      checkVolunteerTransition(
        { status: 'left', screening: fullScreening, completedModules: [...trainingModules] },
        'active',
      ).ok,
    ).toBe(false);
  });
});

const minsk = { lat: 53.9006, lon: 27.559 };
const request = {
  kind: 'lift_to_hospital' as const,
  language: 'ru',
  place: minsk,
  weekday: 2,
  startMinute: 10 * 60,
  durationMinutes: 120,
};
const base: MatchCandidate = {
  id: 'a',
  name: 'A',
  status: 'active',
  home: { lat: 53.91, lon: 27.57 },
  maxDistanceKm: 30,
  languages: ['ru'],
  skills: ['driving'],
  availability: [{ weekday: 2, from: '09:00', to: '13:00' }],
};

describe('matching', () => {
  it('ranks by skills, language, distance and availability, eligible first', () => {
    const ranked = rankVolunteers(request, [
      { ...base, id: 'far', name: 'Far', home: { lat: 54.2279, lon: 28.505 } }, // Barysaw, ~70 km
      { ...base, id: 'near', name: 'Near' },
      { ...base, id: 'nodrive', name: 'No car', skills: ['music'] },
      {
        ...base,
        id: 'busyish',
        name: 'Half free',
        availability: [{ weekday: 2, from: '11:00', to: '18:00' }],
      },
      { ...base, id: 'applicant', name: 'New', status: 'applicant' },
      { ...base, id: 'en', name: 'English', languages: ['en'] },
    ]);
    expect(ranked.slice(0, 2).map((r) => r.volunteerId)).toEqual(['near', 'busyish']);
    expect(ranked[0]!.volunteerId).toBe('near');
    expect(ranked[0]!.eligible).toBe(true);
    expect(ranked[1]!.volunteerId).toBe('busyish');
    expect(ranked[1]!.parts.availability).toBe(0.5);
    const byId = Object.fromEntries(ranked.map((r) => [r.volunteerId, r]));
    expect(byId.far!.reasons).toContain('too_far');
    expect(byId.nodrive!.reasons).toContain('missing_required_skill');
    expect(byId.applicant!.reasons).toContain('status_applicant');
    expect(byId.en!.reasons).toContain('no_shared_language');
    expect(byId.near!.score).toBeGreaterThan(90);
    expect(ranked.slice(2).every((r) => !r.eligible)).toBe(true);
  });

  it('counts overlapping availability windows once', () => {
    expect(
      availabilityCover(
        [
          { weekday: 2, from: '09:00', to: '11:00' },
          { weekday: 2, from: '10:00', to: '12:00' },
          { weekday: 3, from: '00:00', to: '23:00' },
        ],
        request,
      ),
    ).toBe(1);
  });

  it('reads the local weekday and minute in the organization’s time zone', () => {
    // 2026-11-24 is a Tuesday; 07:30 UTC is 10:30 in Minsk (UTC+3)
    expect(localWeekMinute(new Date('2026-11-24T07:30:00Z'), 'Europe/Minsk')).toEqual({
      weekday: 2,
      minute: 630,
      date: '2026-11-24',
    });
  });
});

describe('volunteer hours share', () => {
  it('compares with the 5 % benchmark', () => {
    expect(volunteerShare(30, 500, 5)).toEqual({ sharePercent: 6, meetsBenchmark: true });
    expect(volunteerShare(10, 500, 5)).toEqual({ sharePercent: 2, meetsBenchmark: false });
    expect(volunteerShare(10, null, 5)).toEqual({ sharePercent: null, meetsBenchmark: null });
  });
});

describe('hours days', () => {
  const days = { today: '2026-11-23', visitDay: '2026-11-20', closedDay: null };
  it('takes days from the visit to today while the assignment is open', () => {
    expect(hoursDayProblem('2026-11-20', days)).toBeNull();
    expect(hoursDayProblem('2026-11-23', days)).toBeNull();
    expect(hoursDayProblem('2026-11-24', days)).toBe('future');
    expect(hoursDayProblem('2026-11-19', days)).toBe('before_visit');
  });
  it('takes late hours for work up to the day of closing, none after it', () => {
    const closed = { ...days, closedDay: '2026-11-21' };
    expect(hoursDayProblem('2026-11-21', closed)).toBeNull();
    expect(hoursDayProblem('2026-11-22', closed)).toBe('after_close');
  });
});

describe('assignable volunteers', () => {
  it('refuses anyone not active, naming the status', () => {
    expect(() => assertAssignable('active', 'be assigned')).not.toThrow();
    expect(() => assertAssignable('screened', 'join a roster')).toThrow(
      /join a roster; this volunteer is screened/,
    );
    expect(() => assertAssignable('paused', 'be assigned')).toThrow(
      expect.objectContaining({ reason: 'volunteers.notActive', params: { status: 'paused' } }),
    );
  });
});
