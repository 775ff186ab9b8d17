import { parseLiveEventData } from '@hearth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiBase } from '../api/client.ts';
import { knownEventTypes } from './event-keys.ts';
import { refreshForEvent } from './refresh.ts';

/**
 * One Server-Sent Events stream per logged-in page. On each event the matching queries are
 * refreshed (refresh.ts), so lists update without a reload. EventSource reconnects by itself.
 */
export function useLiveEvents(enabled = true) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${apiBase}/events`, { withCredentials: true });
    const onEvent = (e: MessageEvent<string>) => {
      let data: unknown = null;
      try {
        data = JSON.parse(e.data);
      } catch {
        // a malformed message is ignored below like any event outside the contract
      }
      const event = parseLiveEventData(data);
      if (!event) return;
      void refreshForEvent(qc, event.type);
    };
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
