import { type RequestKind, type VolunteerReport, volunteerShare } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import * as repo from './volunteers.repository.ts';
import { need } from './volunteers-common.ts';

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export async function setPaidCareHours(
  deps: AppDeps,
  ctx: RequestContext,
  month: string,
  hours: number | null,
) {
  need(ctx, 'volunteer:manage');
  await inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    if (hours === null) await repo.deletePaidCareHours(trx, orgId, month);
    else
      await repo.upsertPaidCareHours(trx, {
        organization_id: orgId,
        month,
        hours,
        entered_by: ctx.actor.userId,
        entered_at: deps.clock(),
      });
    await audit({
      action: 'volunteer-report.paid-hours',
      entityType: 'paid_care_hours',
    });
  });
  return report(deps, ctx, month);
}

/** Approved volunteer hours in a month, per volunteer and per kind, and their share of paid care hours. */
export async function report(deps: AppDeps, ctx: RequestContext, month: string): Promise<VolunteerReport> {
  need(ctx, 'volunteer:read');
  const orgId = ctx.actor.organizationId;
  const [rows, paid, settings, visits] = await Promise.all([
    repo.hoursBetween(deps.db, orgId, `${month}-01`, lastDayOf(month)),
    repo.findPaidCareHours(deps.db, orgId, month),
    loadSettings(deps.db, orgId),
    repo.completedVisitMinutes(deps.db, orgId, `${month}-01`, lastDayOf(month)),
  ]);
  const approved = rows.filter((r) => r.status === 'approved');
  const approvedMinutes = approved.reduce((s, r) => s + r.minutes, 0);
  const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  const byVolunteer = new Map<string, { name: string; minutes: number }>();
  const byKind = new Map<RequestKind, number>();
  for (const r of approved) {
    const v = byVolunteer.get(r.volunteerId) ?? { name: r.volunteerName, minutes: 0 };
    v.minutes += r.minutes;
    byVolunteer.set(r.volunteerId, v);
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.minutes);
  }
  const volunteerHours = hoursOf(approvedMinutes);
  // a typed figure overrides the visits record (visits outside Hearth, a correction)
  const visitCareHours = hoursOf(visits.minutes);
  const paidCareHours = paid?.hours ?? (visits.visits > 0 ? visitCareHours : null);
  const paidCareHoursSource = paid ? 'entered' : visits.visits > 0 ? 'visits' : null;
  const benchmarkPercent = settings.volunteerHoursBenchmarkPercent;
  return {
    month,
    approvedMinutes,
    volunteerHours,
    paidCareHours,
    paidCareHoursSource,
    visitCareHours,
    completedVisits: visits.visits,
    enteredPaidCareHours: paid?.hours ?? null,
    benchmarkPercent,
    ...volunteerShare(volunteerHours, paidCareHours, benchmarkPercent),
    byVolunteer: [...byVolunteer.entries()]
      .map(([volunteerId, v]) => ({ volunteerId, name: v.name, hours: hoursOf(v.minutes) }))
      .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name)),
    byKind: [...byKind.entries()].map(([kind, minutes]) => ({ kind, hours: hoursOf(minutes) })),
    pendingEntries: rows.filter((r) => r.status === 'submitted').length,
  };
}
