import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type NewCommand, outbox } from './outbox.ts';

export interface OutboxMutationOptions<TVars, TResult> {
  /**
   * The command for these inputs. `clientId` is made here once per call and goes to the server
   * as the `Idempotency-Key`; endpoints that also keep it in the body (visit steps) put it there.
   */
  command: (vars: TVars, clientId: string) => Omit<NewCommand, 'clientId'>;
  /** Queries to read again after the write was sent or kept (prefixes, e.g. `['home']`). */
  invalidate?: QueryKey[];
  /** Tells the person with a notification when the write was kept on the phone (default true). */
  queuedNotice?: boolean;
  /** After the write: the server's answer, or null when it waits on the phone. */
  onSaved?: (result: TResult | null, vars: TVars) => void | Promise<void>;
}

/**
 * The one way a field write is made (issue 14): visit steps and notes, assessments, doses, home
 * safety checks, skill sign-offs, the family's diary and "I gave this dose". It goes through the
 * phone's outbox: sent at once when online with nothing waiting, else kept in IndexedDB and sent
 * in order later. The mutation resolves to the saved record, or null while it waits; a refusal of
 * a write sent at once is thrown as usual, so a form shows it under its fields.
 */
export function useOutboxMutation<TVars, TResult = unknown>(options: OutboxMutationOptions<TVars, TResult>) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  return useMutation<TResult | null, Error, TVars>({
    // the outbox decides what to do without a connection; React Query must not pause it
    networkMode: 'always',
    mutationFn: (vars) => {
      const clientId = crypto.randomUUID();
      return outbox.submit<TResult>({ ...options.command(vars, clientId), clientId });
    },
    onSuccess: async (result, vars) => {
      if (result === null && options.queuedNotice !== false)
        notifications.show({ message: t('offline.savedOnPhone'), color: 'blue', autoClose: 6000 });
      // not awaited: offline, a refetch waits for the connection, and the form must close now
      for (const queryKey of options.invalidate ?? []) void qc.invalidateQueries({ queryKey });
      await options.onSaved?.(result, vars);
    },
  });
}
