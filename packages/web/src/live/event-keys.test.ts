import { describe, expect, it } from 'vitest';
import { knownEventTypes, queryKeysFor } from './event-keys.ts';

describe('live events', () => {
  it('refresh the queue on intake events', () => {
    expect(queryKeysFor('intake.created')).toEqual([['intake']]);
    expect(queryKeysFor('intake.escalated')).toEqual([['intake']]);
  });
  it('refresh patients too when the commission decides', () => {
    expect(queryKeysFor('commission.updated')).toContainEqual(['patients']);
  });
  it('refresh volunteers and programmes on their events, and listen for each of them', () => {
    for (const type of ['volunteers.updated', 'volunteers.request', 'volunteers.hours'] as const) {
      expect(queryKeysFor(type)).toEqual([['volunteers']]);
      expect(knownEventTypes).toContain(type);
    }
    expect(queryKeysFor('programmes.updated')).toEqual([['programmes']]);
    expect(knownEventTypes).toContain('programmes.updated');
  });
  it('ignore unknown events', () => {
    expect(queryKeysFor('something.else')).toEqual([]);
  });
});
