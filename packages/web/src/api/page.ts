/** Every list endpoint answers one page and a cursor for the next (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
