import type { WebLiveEventType } from '@hearth/domain';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { filledBy } from '../features/patients/chart-api.ts';
import { queryKeysFor } from './event-keys.ts';

const startsWith = (key: QueryKey, prefix: readonly string[]) => prefix.every((part, i) => key[i] === part);

/**
 * What a live event does to the cache: every query under the event's keys goes stale, and the
 * ones on screen are asked again, except a query another query on screen fills as it answers
 * (the patient page's chart fills the patient's record): asking for both would fetch the same
 * record twice per event.
 */
export async function refreshForEvent(qc: QueryClient, type: WebLiveEventType): Promise<void> {
  const prefixes = queryKeysFor(type);
  const touched = (key: QueryKey) => prefixes.some((prefix) => startsWith(key, prefix));
  const filledByAnotherOnScreen = (query: Query) => {
    const source = filledBy(query.queryKey);
    if (!source || !touched(source)) return false;
    return qc.getQueryCache().find({ queryKey: source, exact: true })?.isActive() ?? false;
  };
  for (const queryKey of prefixes) await qc.invalidateQueries({ queryKey, refetchType: 'none' });
  await qc.refetchQueries({
    type: 'active',
    predicate: (query) => touched(query.queryKey) && !filledByAnotherOnScreen(query),
  });
}
