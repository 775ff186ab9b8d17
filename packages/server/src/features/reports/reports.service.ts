import {
  type AgeBand,
  addMonths,
  ageBandOf,
  ageBands,
  can,
  type DiagnosisGroup,
  type DrillQuery,
  diagnosisGroupOf,
  diagnosisGroups,
  figuresOf,
  forbidden,
  type MeasureDefinition,
  type MeasureId,
  type MeasureResult,
  measureById,
  notFound,
  type Report,
  type ReportQuery,
  regroupCounts,
  reportMeasures,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { pageOfRows, timeCursorAfter, timeCursorOf } from '../../http/pagination.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { measureQueries } from './measure-catalogue.ts';
import {
  type ItemFilter,
  type MeasureTotalsRecord,
  measureItems,
  measureTotals,
  organizationName,
  patientAreas,
  scopeOf,
} from './measure-sql.repository.ts';

/** Breakdowns whose raw SQL key (age in years, ICD-10 code) is shown by a domain group. */
const regrouped: Partial<
  Record<MeasureId, { groupOf: (key: string | null) => string; order: readonly string[] }>
> = {
  patientsByAge: { groupOf: (key): AgeBand => ageBandOf(Number(key ?? 0)), order: ageBands },
  patientsByDiagnosis: { groupOf: (key): DiagnosisGroup => diagnosisGroupOf(key), order: diagnosisGroups },
};

/** The period asked for, or the twelve months up to the current one (organization's time zone). */
function periodOf(q: Pick<ReportQuery, 'from' | 'to'>, now: Date, timeZone: string) {
  const current = localDate(now, timeZone).slice(0, 7);
  const to = q.to ?? (q.from && q.from > current ? q.from : current);
  return { from: q.from ?? addMonths(to, -11), to };
}

const filterFor = (def: MeasureDefinition, q: Pick<ReportQuery, 'area' | 'age'>): ItemFilter =>
  def.serviceWide
    ? { area: null, child: null }
    : { area: q.area ?? null, child: q.age === 'all' ? null : q.age === 'child' };

function resultOf(def: MeasureDefinition, rows: MeasureTotalsRecord[]): MeasureResult {
  const total = rows.find((r) => r.allMonths && r.allCategories);
  const empty = { num: 0, den: 0, median: null, p90: null, mean: null };
  const byCategory = rows.filter((r) => r.allMonths && !r.allCategories);
  const group = regrouped[def.id as MeasureId];
  const categories = group
    ? regroupCounts(
        byCategory.map((r) => ({ key: r.category, count: r.num })),
        group.groupOf,
        group.order,
      ).map((c) => ({ key: c.key, ...figuresOf(def.kind, { ...empty, num: c.count }) }))
    : byCategory
        .filter((r) => r.category !== null)
        .map((r) => ({ key: r.category as string, ...figuresOf(def.kind, r) }))
        .sort((a, b) => b.numerator - a.numerator || a.key.localeCompare(b.key));
  return {
    id: def.id as MeasureId,
    group: def.group,
    total: figuresOf(def.kind, total ?? empty),
    months: rows
      .filter((r) => !r.allMonths && r.month !== null)
      .map((r) => ({ month: r.month as string, ...figuresOf(def.kind, r) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    categories,
  };
}

/**
 * Every measure of the catalogue for a period and filters, computed from the records by SQL at
 * request time (no stored counters). Figures only; the patients behind them are read (and
 * audited) through `drill`.
 */
export async function report(deps: AppDeps, ctx: RequestContext, q: ReportQuery): Promise<Report> {
  if (!can(ctx.actor, 'report:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const { from, to } = periodOf(q, deps.clock(), settings.timeZone);
    const scope = scopeOf(orgId, settings.timeZone, from, to, deps.clock());
    const measures: MeasureResult[] = [];
    for (const def of reportMeasures) {
      const items = measureQueries[def.id](scope);
      measures.push(resultOf(def, await measureTotals(trx, scope, items, filterFor(def, q))));
    }
    const areas = (await patientAreas(trx, orgId)).map((r) => r.area);
    const org = await organizationName(trx, orgId);
    await audit({ action: 'report.read', entityType: 'report' });
    return {
      from,
      to,
      area: q.area ?? null,
      age: q.age,
      areas,
      organizationName: org,
      language: settings.language,
      measures,
    };
  });
}

/**
 * The requests or patients behind a measure (for example the requests not called back in
 * time), within the reader's rights: requests need the intake right, patients the patient-record
 * right. Each patient shown is a read of patient data and is audited as one.
 */
export async function drill(deps: AppDeps, ctx: RequestContext, measure: MeasureId, q: DrillQuery) {
  if (!can(ctx.actor, 'report:read')) throw forbidden();
  const def = measureById(measure);
  if (def.drill === null) throw notFound('drillList', 'A list behind this measure was not found.');
  if (!can(ctx.actor, def.drill === 'request' ? 'intake:read' : 'patient:read')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, audit, organizationId: orgId }) => {
    const settings = await loadSettings(trx, orgId);
    const { from, to } = periodOf(q, deps.clock(), settings.timeZone);
    const scope = scopeOf(orgId, settings.timeZone, from, to, deps.clock());
    const rows = await measureItems(trx, scope, measureQueries[measure](scope), filterFor(def, q), {
      outcome: q.outcome,
      category: q.category ?? null,
      month: q.month ?? null,
      after: timeCursorAfter(q.cursor),
      limit: q.limit,
    });
    const { page, nextCursor } = pageOfRows(rows, q.limit, (last) =>
      timeCursorOf(new Date(last.at), last.subjectId),
    );
    const group = regrouped[measure];
    for (const row of page) {
      await audit({
        action: `report.drill.${measure}`,
        entityType: row.subject === 'request' ? 'care_request' : 'patient',
        entityId: row.subjectId,
        patientId: row.patientId,
      });
    }
    return {
      items: page.map((r) => ({
        subject: def.drill ?? r.subject,
        id: r.subjectId,
        patientId: r.patientId,
        label: r.label,
        at: new Date(r.at).toISOString(),
        day: r.day,
        month: r.month,
        category: group ? group.groupOf(r.category) : r.category,
        met: r.den > 0 ? r.num > 0 : null,
        value: r.value === null ? null : Number(Number(r.value).toFixed(1)),
      })),
      nextCursor,
    };
  });
}
