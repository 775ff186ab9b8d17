/** FHIR OperationOutcome: how every FHIR error (and an import's list of problems) is answered. */
export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'not-supported'
  | 'conflict'
  | 'too-costly'
  | 'throttled'
  | 'processing'
  | 'exception'
  | 'informational';

export interface OutcomeIssue {
  severity: IssueSeverity;
  code: IssueType;
  /** What is wrong, in words a person at the sending hospital can act on. */
  text: string;
  /** FHIRPath of the element, e.g. `Bundle.entry[2].resource.subject`. */
  expression?: string;
}

export function operationOutcome(issues: readonly OutcomeIssue[]) {
  return {
    resourceType: 'OperationOutcome' as const,
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      details: { text: i.text },
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}
export type OperationOutcome = ReturnType<typeof operationOutcome>;
