import { describe, expect, it } from 'vitest';
import { careRequestBodySchema, isCallbackOverdue, statusAfterCall } from './schemas.ts';

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
    expect(statusAfterCall('wrong_number')).toBe('closed');
    expect(statusAfterCall('no_answer')).toBe('in_progress');
  });
  it('counts a request overdue only while nobody has called', () => {
    const due = new Date('2026-01-01T10:15:00Z');
    expect(isCallbackOverdue(due, null, new Date('2026-01-01T10:16:00Z'))).toBe(true);
    expect(isCallbackOverdue(due, new Date('2026-01-01T10:20:00Z'), new Date('2026-01-01T10:30:00Z'))).toBe(
      false,
    );
  });
});
