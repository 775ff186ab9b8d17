import {
  addMonths,
  type MeasureResult,
  measureById,
  measureGroups,
  meetsTarget,
  type Report,
} from '@hearth/domain';
import { Button } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDay, todayIso } from '../../format/time.ts';
import { i18n } from '../../i18n/i18n.ts';
import { categoryLabel, formatFraction, formatTarget, formatValue, monthLabel } from './format.ts';
import { type ReportFilters, useReport } from './reports-api.ts';
import './monthly-report.css';

/** Breakdowns the board asks about, printed as small tables under the measures. */
const breakdowns = ['patientsByDiagnosis', 'patientsByAge', 'placeOfDeath'] as const;

/**
 * The monthly report for the board and funders: every measure for the month against the month
 * before and its target, and who the service served, in the organization's language (not the
 * reader's), on one or two A4 pages.
 */
export function MonthlyReportPage() {
  const { month = '' } = useParams();
  const [params] = useSearchParams();
  const age = params.get('age');
  const base: ReportFilters = {
    age: age === 'adult' || age === 'child' ? age : 'all',
    area: params.get('area') ?? undefined,
  };
  const current = useReport({ ...base, from: month, to: month });
  const previous = useReport({ ...base, from: addMonths(month, -1), to: addMonths(month, -1) });
  if (current.isPending || previous.isPending) return <PageLoader />;
  if (current.isError) return <ErrorAlert error={current.error} />;
  if (previous.isError) return <ErrorAlert error={previous.error} />;
  return <Sheet month={month} report={current.data} before={previous.data} />;
}

function Sheet({ month, report, before }: { month: string; report: Report; before: Report }) {
  const lang = report.language;
  const t = i18n.getFixedT(lang);
  const exists = (k: string) => i18n.exists(k, { lng: lang });
  const earlier = new Map(before.measures.map((m) => [m.id, m]));
  const name = (m: MeasureResult) => t(`reports.measures.${m.id}.name` as 'reports.title');
  return (
    <div className="monthly-sheet" lang={lang} data-testid="monthly-report">
      <div className="monthly-noprint">
        <Button onClick={() => window.print()}>{t('reports.monthly.printButton')}</Button>
        <Button component={Link} to="/app/reports" variant="default">
          {t('reports.monthly.back')}
        </Button>
      </div>
      <header>
        <div className="monthly-org">{report.organizationName}</div>
        <h1>
          {t('reports.monthly.title')} · {monthLabel(month, lang)}
        </h1>
        <div>
          {t('reports.monthly.filters', {
            age: t(`reports.filters.${report.age}`),
            area: report.area ?? t('reports.filters.allAreas'),
          })}
        </div>
      </header>
      {measureGroups.map((group) => (
        <section key={group}>
          <h2>{t(`reports.groups.${group}`)}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('reports.columns.measure')}</th>
                <th>{t('reports.monthly.thisMonth')}</th>
                <th>{t('reports.monthly.lastMonth')}</th>
                <th>{t('reports.columns.target')}</th>
              </tr>
            </thead>
            <tbody>
              {report.measures
                .filter((m) => m.group === group)
                .map((m) => {
                  const def = measureById(m.id);
                  const was = earlier.get(m.id);
                  const missed = meetsTarget(def, m.total.value) === false;
                  const fraction =
                    m.total.denominator > 0
                      ? formatFraction(def, m.total.numerator, m.total.denominator, t, lang)
                      : '';
                  return (
                    <tr key={m.id}>
                      <td>{name(m)}</td>
                      <td className={`num${missed ? ' monthly-missed' : ''}`}>
                        {formatValue(def, m.total.value, t, lang)}
                        {fraction && ` (${fraction})`}
                        {missed && ` · ${t('reports.targetMissed')}`}
                      </td>
                      <td className="num">{was ? formatValue(def, was.total.value, t, lang) : '—'}</td>
                      <td className="num">{formatTarget(def, t, lang)}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}
      <section>
        <h2>{t('reports.monthly.breakdowns')}</h2>
        <div className="monthly-grid">
          {breakdowns.map((id) => {
            const m = report.measures.find((r) => r.id === id);
            return (
              <table key={id}>
                <thead>
                  <tr>
                    <th>{t(`reports.measures.${id}.name`)}</th>
                    <th>{t('reports.columns.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(m?.categories ?? []).map((c) => (
                    <tr key={c.key}>
                      <td>{categoryLabel(c.key, t, exists)}</td>
                      <td className="num">{c.numerator}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
      </section>
      <footer>{t('reports.monthly.footer', { date: formatDay(todayIso(), lang) })}</footer>
    </div>
  );
}
