import { patientChartRoutes } from '@hearth/domain';
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { watchKeys } from '../watch/watch-api.ts';
import { patientKeys, retryPatientRead } from './patients-api.ts';

export const chartKey = (id: string) => ['patients', 'chart', id] as const;

/** The query whose answer fills this one's data, if any: the chart fills the patient's record. */
export const filledBy = (key: QueryKey): QueryKey | null =>
  key[0] === 'patients' && key[1] === 'one' && typeof key[2] === 'string' ? chartKey(key[2]) : null;

/**
 * The patient page's first paint in one request (record, newest assessments, active alerts). The
 * answer also fills the caches the page's sections read from, so the record, the alert cards and
 * the symptom section paint without asking again. A list a section has already loaded further (a
 * second page of history) is left as it is; its own live updates keep it current.
 */
export function usePatientChart(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: chartKey(id),
    queryFn: async () => {
      const chart = await call(patientChartRoutes.get, { params: { patientId: id } });
      qc.setQueryData(patientKeys.one(id), chart.patient);
      const alertsKey = watchKeys.alerts({ patientId: id, status: 'active' });
      if (chart.activeAlerts && !qc.getQueryData(alertsKey)) qc.setQueryData(alertsKey, chart.activeAlerts);
      const assessmentsKey = watchKeys.assessments(id);
      if (chart.assessments && !qc.getQueryData(assessmentsKey))
        qc.setQueryData(assessmentsKey, { pages: [chart.assessments], pageParams: [undefined] });
      return chart;
    },
    networkMode: 'always',
    retry: retryPatientRead,
  });
}
