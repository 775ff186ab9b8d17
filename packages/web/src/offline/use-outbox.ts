import { useSyncExternalStore } from 'react';
import { type OutboxState, outbox } from './outbox.ts';

/** The outbox's state, re-rendering when it changes. */
export function useOutbox(): OutboxState {
  return useSyncExternalStore(outbox.subscribe, outbox.getState);
}
