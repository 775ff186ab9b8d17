import { z } from 'zod';

/**
 * A real IANA time zone ("Europe/Minsk", "UTC"): the shape of a zone name, and one the runtime's
 * time-zone database knows. A name it does not know would make every "today" computation throw.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!/^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .max(60)
  .refine(isIanaTimeZone, 'Enter a time zone from the IANA list, for example Europe/Minsk');

/**
 * A host name (RFC 1123 labels) or an IPv4 address, as an SMTP server is given: no scheme, no
 * port, no path, no spaces.
 */
const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
export function isHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return host.split('.').every((n) => Number(n) <= 255);
  return host.split('.').every((label) => hostLabel.test(label));
}
