/**
 * Keyset pagination: repositories fetch `limit + 1` rows; the extra row only tells that another
 * page exists, and the cursor is taken from the last row shown.
 */
export function pageOfRows<T>(rows: T[], limit: number, cursorOf: (last: T) => string) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

/** A keyset cursor of an instant and an id, `<ISO time>|<id>`; anything malformed reads as the start. */
export function timeCursorAfter(cursor: string | undefined): { at: Date; id: string } | undefined {
  const [at, id] = (cursor ?? '').split('|');
  return id && at && !Number.isNaN(new Date(at).getTime()) ? { at: new Date(at), id } : undefined;
}
export const timeCursorOf = (at: Date, id: string) => `${at.toISOString()}|${id}`;
