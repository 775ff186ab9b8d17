import { describe, expect, it } from 'vitest';
import {
  certificateNumber,
  clownPhaseFreshDays,
  clownVisitDecision,
  courseCompleted,
  missingConsents,
  phaseForClownVisit,
  placeApplication,
  promoteFromWaitlist,
} from './rules.ts';

describe('summer camp places', () => {
  const load = { capacity: 2, familyCapacity: 3, children: 1, familyMembers: 2 };
  it('accepts while children and family places last, then waitlists', () => {
    expect(placeApplication(load, 1, false)).toBe('accepted');
    expect(placeApplication(load, 2, false)).toBe('waitlisted'); // family places run out
    expect(placeApplication({ ...load, children: 2 }, 0, false)).toBe('waitlisted');
    expect(placeApplication(load, 0, true)).toBe('waitlisted'); // nobody jumps the list
    expect(placeApplication({ ...load, familyCapacity: null }, 5, false)).toBe('accepted');
  });

  it('promotes from the waiting list in order, skipping a family that does not fit', () => {
    const waiting = [
      { id: 'big', familyMembers: 3 },
      { id: 'small', familyMembers: 1 },
      { id: 'late', familyMembers: 0 },
    ];
    expect(promoteFromWaitlist(load, waiting).map((w) => w.id)).toEqual(['small']);
    expect(
      promoteFromWaitlist({ ...load, capacity: 4, familyCapacity: 10 }, waiting).map((w) => w.id),
    ).toEqual(['big', 'small', 'late']);
  });

  it('lists the consent forms still missing', () => {
    expect(missingConsents(['photos'])).toEqual(['participation', 'medical_care']);
    expect(missingConsents(['participation', 'medical_care'])).toEqual([]);
  });
});

describe('clown-doctor visits', () => {
  it('never visits a child in the terminal phase unless the family asked', () => {
    expect(clownVisitDecision('terminal', 'welcome')).toEqual({ allowed: false, reason: 'terminal_phase' });
    expect(clownVisitDecision('terminal', 'asked')).toEqual({ allowed: true });
    expect(clownVisitDecision('stable', 'welcome')).toEqual({ allowed: true });
    expect(clownVisitDecision('deteriorating', 'welcome')).toEqual({ allowed: true });
  });
  it('respects a family that declined and never visits after death', () => {
    expect(clownVisitDecision('stable', 'declined')).toEqual({ allowed: false, reason: 'family_declined' });
    expect(clownVisitDecision('bereaved', 'asked')).toEqual({ allowed: false, reason: 'bereaved' });
  });
  it('refuses when the phase is unknown, even when the family asked (issue 13)', () => {
    expect(clownVisitDecision(undefined, 'welcome')).toEqual({ allowed: false, reason: 'phase_unknown' });
    expect(clownVisitDecision(undefined, 'asked')).toEqual({ allowed: false, reason: 'phase_unknown' });
  });
  it('relies on a phase only while it is fresh', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    expect(phaseForClownVisit({ phase: 'stable', takenAt: daysAgo(3) }, now)).toBe('stable');
    expect(phaseForClownVisit({ phase: 'stable', takenAt: daysAgo(clownPhaseFreshDays) }, now)).toBe(
      'stable',
    );
    expect(phaseForClownVisit({ phase: 'stable', takenAt: daysAgo(clownPhaseFreshDays + 1) }, now)).toBe(
      undefined,
    );
    expect(phaseForClownVisit({ phase: undefined, takenAt: daysAgo(1) }, now)).toBe(undefined);
    expect(phaseForClownVisit(undefined, now)).toBe(undefined);
  });
});

describe('training centre', () => {
  it('completes a course when every session was attended', () => {
    expect(courseCompleted(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(courseCompleted(['a', 'b'], ['a'])).toBe(false);
    expect(courseCompleted([], [])).toBe(false);
    expect(certificateNumber(2026, 7)).toBe('TC-2026-0007');
  });
});
