import type { Reference, Resource } from '@medplum/fhirtypes';

/**
 * `Type/id`, the literal reference every Hearth resource uses for another. The target type is
 * checked by the resource type named (a reference to a Patient fits a Patient-only element).
 */
export const ref = <K extends Resource['resourceType']>(
  type: K,
  id: string,
  display?: string | null,
): Reference<Extract<Resource, { resourceType: K }>> =>
  display ? { reference: `${type}/${id}`, display } : { reference: `${type}/${id}` };

/**
 * FHIR strings must hold at least one non-blank character: an empty or blank value is left out
 * rather than sent as "".
 */
export const text = (s: string | null | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

/** `urn:uuid:` identifier of a Hearth record (RFC 3986 system). */
export const hearthIdentifier = (id: string) => ({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` });

export const instant = (d: Date) => d.toISOString();

/** Drops keys whose value is undefined, so optional elements are absent rather than null. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
