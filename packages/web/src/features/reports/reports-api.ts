import { type MeasureId, reportRoutes } from '@hearth/domain';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/call.ts';

export interface ReportFilters {
  from?: string | undefined;
  to?: string | undefined;
  area?: string | undefined;
  age: 'all' | 'adult' | 'child';
}

export const reportKeys = {
  report: (f: ReportFilters) => ['reports', f] as const,
  drill: (measure: MeasureId, f: ReportFilters, outcome: string) =>
    ['reports', 'drill', measure, f, outcome] as const,
};

export const fetchReport = (f: ReportFilters) => call(reportRoutes.report, { query: { ...f } });

export function useReport(f: ReportFilters) {
  // a change of filter keeps the figures on screen until the new ones arrive
  return useQuery({
    queryKey: reportKeys.report(f),
    queryFn: () => fetchReport(f),
    placeholderData: keepPreviousData,
  });
}

/** The requests or patients behind a measure, a page at a time (each read is audited). */
export function useDrill(measure: MeasureId, f: ReportFilters, outcome: 'met' | 'unmet' | 'all') {
  return useInfiniteQuery({
    queryKey: reportKeys.drill(measure, f, outcome),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(reportRoutes.drill, {
        params: { measure },
        query: { ...f, outcome, limit: 50, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
