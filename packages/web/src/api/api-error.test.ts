import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter, serverFieldErrors } from './api-error.ts';

describe('server field errors', () => {
  it('keys errors by the field path inside the body, first message per field', () => {
    const e = new ApiError(400, 'VALIDATION', 'Some fields need attention.', {
      fields: [
        { field: 'body.phone', message: 'Enter a phone number' },
        { field: 'body.patient.firstName', message: 'Too small' },
        { field: 'body.phone', message: 'second message is ignored' },
      ],
    });
    expect(serverFieldErrors(e)).toEqual({ phone: 'Enter a phone number', 'patient.firstName': 'Too small' });
  });

  it('answers nothing for other errors', () => {
    expect(serverFieldErrors(new ApiError(409, 'CONFLICT', 'Already referred'))).toEqual({});
    expect(serverFieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('retry-after', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = new Date('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
