import { zonedInstant } from '@hearth/domain';

/**
 * A `datetime-local` value ("2026-11-23T03:40") is wall time with no zone. Staff mean the
 * organization's clock (the service's zone in settings), not the browser's, which may differ on
 * a laptop set to another zone. Returns the ISO instant, or the input unchanged if unreadable so
 * validation can report it.
 */
export function orgLocalToInstant(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return local;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone).toISOString();
}
