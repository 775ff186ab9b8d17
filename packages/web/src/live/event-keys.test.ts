import { describe, expect, it } from 'vitest';
import { queryKeysFor } from './event-keys.ts';

describe('live events', () => {
  it('refresh the queue on intake events', () => {
    expect(queryKeysFor('intake.created')).toEqual([['intake']]);
    expect(queryKeysFor('intake.escalated')).toEqual([['intake']]);
  });
  it('refresh patients too when the commission decides', () => {
    expect(queryKeysFor('commission.updated')).toContainEqual(['patients']);
  });
  it('ignore unknown events', () => {
    expect(queryKeysFor('something.else')).toEqual([]);
  });
});
