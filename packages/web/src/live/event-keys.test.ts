import { parseLiveEventData, webLiveEventTypes } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { knownEventTypes, queryKeysFor } from './event-keys.ts';

describe('live events', () => {
  it('listen for exactly the events the domain says the server sends', () => {
    expect([...knownEventTypes].sort()).toEqual([...webLiveEventTypes].sort());
  });
  it('refresh the on-call page when the rota changes', () => {
    expect(queryKeysFor('oncall.updated')).toEqual([['oncall']]);
  });
  it('refresh the queue on intake events, and patients too when the commission decides', () => {
    expect(queryKeysFor('intake.escalated')).toEqual([['intake']]);
    expect(queryKeysFor('commission.updated')).toContainEqual(['patients']);
  });
  it('refresh volunteers and programmes on their events', () => {
    for (const type of ['volunteers.updated', 'volunteers.request', 'volunteers.hours'] as const)
      expect(queryKeysFor(type)).toEqual([['volunteers']]);
    expect(queryKeysFor('programmes.updated')).toEqual([['programmes']]);
  });
  it('act only on data of the contract: a known name with the id its schema asks for', () => {
    expect(parseLiveEventData({ type: 'visit.updated', entityId: 'v1' })).toEqual({
      type: 'visit.updated',
      entityId: 'v1',
    });
    expect(parseLiveEventData({ type: 'notification.created', entityId: null })).not.toBeNull();
    expect(parseLiveEventData({ type: 'visit.updated', entityId: null })).toBeNull();
    expect(parseLiveEventData({ type: 'settings.changed', entityId: null })).toBeNull();
    expect(parseLiveEventData({ type: 'something.else', entityId: 'x' })).toBeNull();
    expect(parseLiveEventData({ type: 'toString', entityId: 'x' })).toBeNull();
    expect(parseLiveEventData(null)).toBeNull();
  });
});
