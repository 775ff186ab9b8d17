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
  return id && isUuid(id) && at && !Number.isNaN(new Date(at).getTime())
    ? { at: new Date(at), id }
    : undefined;
}
export const timeCursorOf = (at: Date, id: string) => `${at.toISOString()}|${id}`;

/**
 * A keyset cursor of a name and an id, `<name>|<id>`. The id (a uuid) never holds "|", so the
 * last "|" splits them whatever the name contains; anything malformed reads as the start.
 */
export const nameCursorOf = (name: string, id: string) => `${name}|${id}`;
export function nameCursorAfter(cursor: string | undefined): { name: string; id: string } | undefined {
  const split = (cursor ?? '').lastIndexOf('|');
  const id = cursor?.slice(split + 1) ?? '';
  return split >= 0 && isUuid(id) ? { name: (cursor ?? '').slice(0, split), id } : undefined;
}
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
