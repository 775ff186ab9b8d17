import { describe, expect, it } from 'vitest';
import { careRequestBodySchema, isCallbackOverdue, statusAfterCall, unansweredAttempts } from './schemas.ts';

const valid = {
  patientName: 'Иван Петров',
  requesterName: 'Мария Петрова',
  relationship: 'child',
  diagnosisText: 'рак лёгкого, сильные боли',
  address: 'Минск, ул. Сурганова 10, кв. 5',
  phone: '+375 29 123-45-67',
  consent: true,
};

describe('care request form', () => {
  it('accepts a complete request', () => {
    expect(careRequestBodySchema.parse(valid).preferredCallTime).toBe('any');
  });
  it('refuses a request without consent or with a bad phone, naming the fields', () => {
    const r = careRequestBodySchema.safeParse({ ...valid, consent: false, phone: 'call me' });
    expect(r.success).toBe(false);
    const fields = r.error?.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['consent', 'phone']));
  });
  it('moves a request by the outcome of the call', () => {
    expect(statusAfterCall('referred')).toBe('referred');
    expect(statusAfterCall('not_eligible')).toBe('closed');
    // nobody reached: the family still waits, so the request stays open
    for (const o of ['no_answer', 'busy', 'voicemail', 'wrong_number'] as const)
      expect(statusAfterCall(o)).toBe('in_progress');
  });
  it('counts unanswered tries since the family was last reached', () => {
    const calls = (...o: string[]) => o.map((outcome) => ({ outcome }));
    expect(unansweredAttempts(calls())).toBe(0);
    expect(unansweredAttempts(calls('no_answer', 'busy'))).toBe(2);
    expect(unansweredAttempts(calls('no_answer', 'reached', 'wrong_number'))).toBe(1);
    expect(unansweredAttempts(calls('busy', 'reached'))).toBe(0);
  });
  it('counts a late retry as overdue even after a first call', () => {
    const due = new Date('2026-01-01T10:15:00Z');
    const called = new Date('2026-01-01T10:05:00Z');
    const retry = new Date('2026-01-01T10:20:00Z');
    expect(isCallbackOverdue(due, called, new Date('2026-01-01T10:19:00Z'), retry)).toBe(false);
    expect(isCallbackOverdue(due, called, new Date('2026-01-01T10:21:00Z'), retry)).toBe(true);
  });
  it('counts a request overdue only while nobody has called', () => {
    const due = new Date('2026-01-01T10:15:00Z');
    expect(isCallbackOverdue(due, null, new Date('2026-01-01T10:16:00Z'))).toBe(true);
    expect(isCallbackOverdue(due, new Date('2026-01-01T10:20:00Z'), new Date('2026-01-01T10:30:00Z'))).toBe(
      false,
    );
  });
});
