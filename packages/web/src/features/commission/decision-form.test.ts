import { commissionDecisionBodySchema } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { validateWith } from '../../forms/field-errors.ts';
import { decisionBody, emptyDecision } from './decision-form.ts';

describe('decision form', () => {
  const start = emptyDecision('Андрей Морозов', new Date(2026, 10, 23, 12));
  it('starts with today, a review in six months and the member present', () => {
    expect(start.decidedOn).toBe('2026-11-23');
    expect(start.reviewDate).toBe('2027-05-23');
    expect(start.members).toEqual([{ name: 'Андрей Морозов', role: '' }]);
  });
  it('sends only the fields of the chosen decision', () => {
    const granted = validateWith(
      commissionDecisionBodySchema,
      decisionBody({ ...start, decision: 'granted' }),
    );
    expect(granted.ok).toBe(true);
    const deferred = validateWith(
      commissionDecisionBodySchema,
      decisionBody({ ...start, decision: 'deferred' }),
    );
    expect(deferred.ok).toBe(false);
    if (!deferred.ok) expect(Object.keys(deferred.errors)).toEqual(['missing']);
  });
  it('asks for a decision first', () => {
    const none = validateWith(commissionDecisionBodySchema, decisionBody(start));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(Object.keys(none.errors)).toContain('decision');
  });
});
