import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiBase } from '../api/client.ts';
import { knownEventTypes, queryKeysFor } from './event-keys.ts';

/**
 * One Server-Sent Events stream per logged-in page. On each event the matching queries are
 * invalidated, so lists update without a reload. EventSource reconnects by itself.
 */
export function useLiveEvents(enabled = true) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${apiBase}/events`, { withCredentials: true });
    const onEvent = (e: MessageEvent<string>) => {
      let type = e.type;
      try {
        const data = JSON.parse(e.data) as { type?: unknown };
        if (typeof data.type === 'string') type = data.type;
      } catch {
        // a keep-alive or malformed message: fall back to the event's name
      }
      for (const queryKey of queryKeysFor(type)) void qc.invalidateQueries({ queryKey });
    };
    source.addEventListener('message', onEvent);
    for (const type of knownEventTypes) source.addEventListener(type, onEvent);
    // after a reconnect some events may have been missed: refresh what is on screen
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      opened = true;
    });
    return () => source.close();
  }, [enabled, qc]);
}
