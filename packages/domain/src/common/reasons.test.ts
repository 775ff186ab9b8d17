import { describe, expect, it } from 'vitest';
import { assertVisitTransition } from '../care/visits.ts';
import { conflict, DomainError, forbidden, notFound } from './domain-error.ts';
import { because, reasonCatalogue, reasonCodes } from './reasons.ts';

const thrown = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('nothing was thrown');
};

describe('reason catalogue', () => {
  it('names a thing that was not found by its code, with an English sentence for logs', () => {
    const e = notFound('visit');
    expect(e).toMatchObject({ code: 'NOT_FOUND', reason: 'notFound', params: { what: 'visit' } });
    expect(e.message).toBe('The visit was not found.');
    // a message that says more keeps the reason
    expect(notFound('programme', 'Programme p-1 was not found.')).toMatchObject({
      message: 'Programme p-1 was not found.',
      reason: 'notFound',
      params: { what: 'programme' },
    });
  });

  it('gives the generic forbidden its reason, and a specific one only when named', () => {
    expect(forbidden()).toMatchObject({ reason: 'forbidden', params: {} });
    expect(forbidden('Only a physician.').reason).toBeUndefined();
    const named = conflict('Closed.', { open: ['x'] }, because('death.checklistOpen', { open: 1 }));
    expect(named).toMatchObject({
      reason: 'death.checklistOpen',
      params: { open: 1 },
      details: { open: ['x'] },
    });
  });

  it('a refused visit move carries its statuses as parameters of its reason', () => {
    const e = thrown(() => assertVisitTransition('completed', 'checked_in'));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ reason: 'visit.cannotMove', params: { from: 'completed', to: 'checked_in' } });
    expect(reasonCatalogue['visit.cannotMove'].safeParse(e.params).success).toBe(true);
  });

  it('codes are dotted words, unique by construction, none a prefix group of another', () => {
    for (const code of reasonCodes) {
      expect(code).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)?$/);
      // i18n nests `a.b` under `a`: a code may not also be a group
      expect(
        reasonCodes.some((other) => other.startsWith(`${code}.`)),
        code,
      ).toBe(false);
    }
  });
});
