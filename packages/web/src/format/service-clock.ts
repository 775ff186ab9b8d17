/**
 * The service's time zone, remembered from the last /auth/me so plain functions (a date field's
 * default "today") read the service's calendar, not the browser's: a volunteer in another zone,
 * or a laptop left on UTC, would otherwise log hours on yesterday's date late in the evening.
 */
let remembered: string | undefined;

export function rememberServiceZone(timeZone: string | undefined): void {
  if (timeZone) remembered = timeZone;
}

/** The service's zone once known; the browser's before the first /auth/me answers. */
export function serviceZone(): string {
  return remembered ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
