import {
  fhirJsonContentType,
  fhirOperations,
  fhirResourceTypes,
  fhirSearchParams,
  fhirVersion,
} from './resource-types.ts';

/**
 * The CapabilityStatement of Hearth's FHIR endpoint: exactly the interactions, search
 * parameters and operations the server registers (built from the same lists).
 */
export function capabilityStatement(opts: { baseUrl: string; date: string; softwareVersion: string }) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.date,
    kind: 'instance',
    software: { name: 'Hearth', version: opts.softwareVersion },
    implementation: { description: 'Hearth palliative care service', url: opts.baseUrl },
    fhirVersion,
    format: [fhirJsonContentType, 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Staff with patient read rights read and search; administrators run the bulk export; coordinators import referrals. Session cookie authentication.',
        security: {
          cors: false,
          description: 'Session cookie (log in at /api/v1/auth/login); X-CSRF-Token on POST and DELETE',
        },
        resource: [
          ...fhirResourceTypes.map((type) => {
            const params = fhirSearchParams[type];
            return {
              type,
              interaction: [{ code: 'read' }, ...(params.length ? [{ code: 'search-type' }] : [])],
              ...(params.length
                ? {
                    searchParam: params.map((p) => ({
                      name: p.name,
                      type: p.type,
                      documentation: p.documentation,
                    })),
                  }
                : {}),
              ...(type === 'Patient'
                ? {
                    operation: [
                      {
                        name: fhirOperations.everything.name,
                        definition: fhirOperations.everything.definition,
                      },
                    ],
                  }
                : {}),
            };
          }),
          {
            type: 'Bundle',
            interaction: [
              {
                code: 'create',
                documentation:
                  "A referral (Patient, Condition, ServiceRequest, optionally DocumentReference) becomes an intake request in the coordinators' queue; the Bundle itself is not stored",
              },
            ],
          },
        ],
        operation: [{ name: fhirOperations.export.name, definition: fhirOperations.export.definition }],
      },
    ],
  };
}
