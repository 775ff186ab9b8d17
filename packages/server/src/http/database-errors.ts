import { because, DomainError } from '@hearth/domain';

/** What pg and PGlite errors carry: the SQLSTATE code and, for key violations, the detail. */
interface DatabaseErrorLike {
  code: string;
  detail?: string;
}

const isDatabaseError = (err: unknown): err is DatabaseErrorLike =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as { code: string }).code) &&
  typeof (err as { severity?: unknown }).severity === 'string';

/**
 * Turns a database refusal that bad input can cause into the client error it really is, so a
 * service that forgot to check something answers 400/404/409, never 500 (the statement failed,
 * so its transaction was rolled back and nothing was written). Everything else stays unexpected.
 *
 * - 23503 foreign key violation: an id in the request names nothing in this organization. The
 *   detail names the key columns; the last one that is not `organization_id` is the field.
 * - 23505 unique violation: the thing already exists.
 * - 23514 check violation, class 22 (data exception: bad number, date, text): invalid input.
 */
export function domainErrorFromDatabase(err: unknown): DomainError | null {
  if (!isDatabaseError(err)) return null;
  if (err.code === '23503' && err.detail?.includes('still referenced'))
    return new DomainError(
      'CONFLICT',
      'Other records still refer to this.',
      undefined,
      because('stillReferenced'),
    );
  if (err.code === '23503') {
    const field = referencingField(err.detail);
    return new DomainError(
      'VALIDATION',
      'Something this refers to does not exist.',
      {
        fields: [{ field: field ? `body.${field}` : 'body', message: 'does not exist' }],
      },
      because('referenceMissing'),
    );
  }
  if (err.code === '23505')
    return new DomainError('CONFLICT', 'This already exists.', undefined, because('alreadyExists'));
  if (err.code === '23514' || err.code.startsWith('22'))
    return new DomainError(
      'VALIDATION',
      'Some of the values are out of range or malformed.',
      undefined,
      because('valuesOutOfRange'),
    );
  return null;
}

/** `Key (organization_id, assigned_user_id)=(…) is not present…` → `assignedUserId`. */
function referencingField(detail: string | undefined): string | null {
  const columns = /^Key \(([^)]*)\)=/.exec(detail ?? '')?.[1];
  if (!columns) return null;
  const column = columns
    .split(',')
    .map((c) => c.trim().replaceAll('"', ''))
    .filter((c) => c !== 'organization_id')
    .pop();
  return column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : null;
}
