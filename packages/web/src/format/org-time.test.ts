import { describe, expect, it } from 'vitest';
import { orgLocalToInstant } from './org-time.ts';

describe('organization wall time to an instant', () => {
  it('reads the input in the organization zone, whatever the browser zone', () => {
    expect(orgLocalToInstant('2026-11-23T03:40', 'Europe/Minsk')).toBe('2026-11-23T00:40:00.000Z');
    expect(orgLocalToInstant('2026-11-23T03:40', 'Asia/Vladivostok')).toBe('2026-11-22T17:40:00.000Z');
    expect(orgLocalToInstant('2026-11-23T03:40', 'UTC')).toBe('2026-11-23T03:40:00.000Z');
  });
  it('follows summer time in zones that keep it', () => {
    expect(orgLocalToInstant('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(orgLocalToInstant('2026-12-01T12:00', 'Europe/Berlin')).toBe('2026-12-01T11:00:00.000Z');
  });
  it('leaves unreadable input for validation to report', () => {
    expect(orgLocalToInstant('', 'Europe/Minsk')).toBe('');
    expect(orgLocalToInstant('yesterday', 'Europe/Minsk')).toBe('yesterday');
  });
});
