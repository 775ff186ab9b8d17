import { addMonthsIso, todayIso } from '../../format/time.ts';

export type Decision = 'granted' | 'deferred' | 'refused';

export interface DecisionFormValues extends Record<string, unknown> {
  decision: Decision | '';
  decidedOn: string;
  members: { name: string; role: string }[];
  reviewDate: string;
  missing: string;
  reason: string;
  notes: string;
}

/** Palliative status is usually reviewed after six months; the member can change the date. */
export function emptyDecision(memberName: string, now = new Date()): DecisionFormValues {
  const today = todayIso(now);
  return {
    decision: '',
    decidedOn: today,
    members: [{ name: memberName, role: '' }],
    reviewDate: addMonthsIso(today, 6),
    missing: '',
    reason: '',
    notes: '',
  };
}

/** The body for `commissionDecisionBodySchema`: only the fields of the chosen decision. */
export function decisionBody(v: DecisionFormValues) {
  const common = {
    decision: v.decision,
    decidedOn: v.decidedOn,
    members: v.members.filter((m) => m.name.trim() !== '' || m.role.trim() !== ''),
    notes: v.notes,
  };
  if (v.decision === 'granted') return { ...common, reviewDate: v.reviewDate };
  if (v.decision === 'deferred') return { ...common, missing: v.missing };
  if (v.decision === 'refused') return { ...common, reason: v.reason };
  return common;
}
