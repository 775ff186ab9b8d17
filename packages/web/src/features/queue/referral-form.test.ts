import { type CareRequest, commissionReferBodySchema } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { validateWith } from '../../forms/field-errors.ts';
import { referralBody, referralFromRequest, scoresOf } from './referral-form.ts';

const request = (patientName: string, locale: 'ru' | 'en'): CareRequest => ({
  id: '6f1c3f64-44f0-4f5b-9d5e-0d8a3c1b2a10',
  reference: 'R26-TEST1',
  source: 'web',
  status: 'in_progress',
  patientName,
  patientAgeYears: 67,
  requesterName: 'Ольга',
  relationship: 'child',
  diagnosisText: 'рак лёгкого',
  address: 'Минск, ул. Сурганова, 5',
  phone: '+375 29 111-22-33',
  preferredCallTime: 'any',
  locale,
  createdAt: '2026-11-23T10:00:00Z',
  callbackDueAt: '2026-11-23T10:15:00Z',
  firstCallAt: null,
  retryDueAt: null,
  unansweredAttempts: 0,
  escalatedAt: null,
  overdue: false,
  closedReason: null,
  commissionCaseId: null,
  calls: [],
  referral: null,
});

describe('referral form', () => {
  it('reads a Russian name as surname, name, patronymic', () => {
    const v = referralFromRequest(request('Иванова Мария Петровна', 'ru'));
    expect([v.lastName, v.firstName, v.middleName]).toEqual(['Иванова', 'Мария', 'Петровна']);
  });
  it('reads an English name as first name then surname', () => {
    const v = referralFromRequest(request('Mary Ann Smith', 'en'));
    expect([v.firstName, v.lastName]).toEqual(['Mary', 'Ann Smith']);
  });
  it('offers only scores the domain accepts', () => {
    expect(scoresOf('ecog')).toEqual([0, 1, 2, 3, 4]);
    expect(scoresOf('pps')[0]).toBe(10);
    expect(scoresOf('karnofsky')).toHaveLength(11);
  });
  it('builds a body the domain schema accepts once the coordinator completes it', () => {
    const r = request('Иванова Мария Петровна', 'ru');
    const v = {
      ...referralFromRequest(r),
      dateOfBirth: '1959-04-17',
      area: 'Минск',
      icd10: 'c34.1',
      score: '3',
      reason: 'Uncontrolled pain',
    };
    const result = validateWith(commissionReferBodySchema, referralBody(r.id, v));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.icd10).toBe('C34.1');
  });
  it('carries the home’s point when one is set, and none when both fields are empty', () => {
    const r = request('Иванова Мария Петровна', 'ru');
    const v = {
      ...referralFromRequest(r),
      dateOfBirth: '1959-04-17',
      area: 'Минск',
      icd10: 'C34.1',
      score: '3',
      reason: 'Uncontrolled pain',
    };
    expect(referralBody(r.id, v).patient.coordinates).toBeUndefined();
    const placed = validateWith(
      commissionReferBodySchema,
      referralBody(r.id, { ...v, lat: '53,91', lon: '27.55' }),
    );
    expect(placed.ok && placed.data.patient?.coordinates).toEqual({ lat: 53.91, lon: 27.55 });
    const half = validateWith(commissionReferBodySchema, referralBody(r.id, { ...v, lat: '53.91' }));
    expect(half.ok).toBe(false);
    if (!half.ok) expect(Object.keys(half.errors)).toContain('patient.coordinates.lon');
  });
  it('points at the score when none is chosen', () => {
    const r = request('Иванова Мария', 'ru');
    const result = validateWith(commissionReferBodySchema, referralBody(r.id, referralFromRequest(r)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain('performance.score');
  });
});
