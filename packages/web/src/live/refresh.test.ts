import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { chartKey } from '../features/patients/chart-api.ts';
import { patientKeys } from '../features/patients/patients-api.ts';
import { refreshForEvent } from './refresh.ts';

const patientId = 'p-1';
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** A query on screen: an observer that stays subscribed, counting how often it asks the server. */
function onScreen(qc: QueryClient, queryKey: readonly unknown[], answer: () => unknown) {
  const asked = { count: 0 };
  const observer = new QueryObserver(qc, {
    queryKey,
    queryFn: async () => {
      asked.count++;
      return answer();
    },
  });
  stops.push(observer.subscribe(() => {}));
  return { asked, stop: stops.at(-1)! };
}

const settled = async (qc: QueryClient) => {
  while (qc.isFetching() > 0) await new Promise((r) => setTimeout(r, 1));
};

describe('a live patient.updated', () => {
  it('asks once for the open patient page: the chart refills the record, which is not fetched again', async () => {
    const qc = new QueryClient();
    let version = 1;
    const chart = onScreen(qc, chartKey(patientId), () => {
      qc.setQueryData(patientKeys.one(patientId), { version });
      return { patient: { version } };
    });
    const record = onScreen(qc, patientKeys.one(patientId), () => ({ version }));
    const list = onScreen(qc, patientKeys.list({}), () => [{ version }]);
    await settled(qc);
    chart.asked.count = record.asked.count = list.asked.count = 0;

    version = 2;
    await refreshForEvent(qc, 'patient.updated');
    await settled(qc);
    expect(chart.asked.count).toBe(1);
    expect(record.asked.count).toBe(0);
    expect(list.asked.count).toBe(1);
    // the record on screen still shows the new version, and is fresh
    expect(qc.getQueryData(patientKeys.one(patientId))).toEqual({ version: 2 });
    expect(qc.getQueryState(patientKeys.one(patientId))?.isInvalidated).toBe(false);
  });

  it('fetches the record itself where no chart is on screen (the medicines page)', async () => {
    const qc = new QueryClient();
    let version = 1;
    const chart = onScreen(qc, chartKey(patientId), () => ({ patient: { version } }));
    const record = onScreen(qc, patientKeys.one(patientId), () => ({ version }));
    await settled(qc);
    chart.stop();
    record.asked.count = 0;

    version = 2;
    await refreshForEvent(qc, 'patient.updated');
    await settled(qc);
    expect(record.asked.count).toBe(1);
    expect(qc.getQueryData(patientKeys.one(patientId))).toEqual({ version: 2 });
    // the chart, not on screen, is stale and will be asked again when the page opens
    expect(qc.getQueryState(chartKey(patientId))?.isInvalidated).toBe(true);
  });
});
