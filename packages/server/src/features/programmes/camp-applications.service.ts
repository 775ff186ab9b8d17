import { type CampApplication, can, forbidden, missingConsents, notFound } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import { currentPrescriptionRecords } from '../medicines/medicines.service.ts';
import * as repo from './programmes.repository.ts';

/**
 * Every read of a camp application goes through here, so the prescriptions (from the record and in
 * the care note) reach only readers with `camp:read-medicines`; the other staff see the child's
 * needs (diet, mobility, equipment, who may give care) and that medicines are kept from them.
 */
async function assembleApplications(
  db: Conn,
  ctx: RequestContext,
  orgId: string,
  apps: repo.CampApplicationListRecord[],
  now: Date,
): Promise<CampApplication[]> {
  const showMedicines = can(ctx.actor, 'camp:read-medicines');
  const ids = apps.map((a) => a.id);
  const [notes, consents] = await Promise.all([
    repo.latestCareNotes(db, orgId, ids),
    repo.consentsOf(db, orgId, ids),
  ]);
  const medicines = new Map<string, string[]>();
  for (const patientId of showMedicines ? new Set(apps.map((a) => a.patientId)) : []) {
    const rows = await currentPrescriptionRecords(db, orgId, patientId);
    medicines.set(
      patientId,
      rows
        .filter((r) => r.endsAt === null || r.endsAt > now)
        .map((r) =>
          [
            r.name,
            r.strength,
            `${r.doseAmount} ${r.doseUnit}`,
            r.route,
            r.kind === 'prn' ? 'PRN' : r.timesOfDay.join(', '),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
    );
  }
  // apps come in order of application, so the waiting list's order is theirs
  const waitingOrder = new Map(
    apps.filter((x) => x.status === 'waitlisted').map((a, i) => [a.id, i + 1] as const),
  );
  return apps.map((a) => {
    const own = notes.filter((n) => n.applicationId === a.id);
    const latest = own[own.length - 1];
    // a form signed again replaces the earlier signature (rows come oldest first)
    const signed = [
      ...new Map(consents.filter((c) => c.applicationId === a.id).map((c) => [c.kind, c])).values(),
    ];
    return {
      id: a.id,
      sessionId: a.sessionId,
      patientId: a.patientId,
      childName: a.childName,
      familyMembers: a.familyMembers,
      status: a.status,
      waitlistPosition: waitingOrder.get(a.id) ?? null,
      appliedAt: a.appliedAt.toISOString(),
      notes: a.notes,
      careNote: latest
        ? {
            medicines: showMedicines ? latest.medicines : null,
            equipment: latest.equipment,
            diet: latest.diet,
            mobility: latest.mobility,
            whoMayGive: latest.whoMayGive,
            notes: latest.notes,
            recordedAt: latest.recordedAt.toISOString(),
            recordedByName: latest.recordedByName,
            version: own.length,
          }
        : null,
      consents: signed.map((c) => ({ kind: c.kind, signedBy: c.signedBy, signedOn: c.signedOn })),
      missingConsents: missingConsents(signed.map((c) => c.kind)),
      recordMedicines: showMedicines ? (medicines.get(a.patientId) ?? []) : null,
    };
  });
}

/** Applications of one shift: accepted first, then the waiting list in order; audited per child. */
export async function listApplications(deps: AppDeps, ctx: RequestContext, sessionId: string) {
  // the camp's nurse reads the applications to prepare the medicines; only the programme staff change them
  if (!can(ctx.actor, 'programme:manage') && !can(ctx.actor, 'camp:read-medicines')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const apps = await repo.applicationsOf(trx, orgId, [sessionId]);
    for (const a of apps)
      await audit({
        action: 'camp.read-application',
        entityType: 'camp_application',
        entityId: a.id,
        patientId: a.patientId,
      });
    const all = await assembleApplications(trx, ctx, orgId, apps, deps.clock());
    const rank = { accepted: 0, waitlisted: 1, withdrawn: 2 } as const;
    return all.sort((a, b) => rank[a.status] - rank[b.status]);
  });
}

export async function getApplication(deps: AppDeps, ctx: RequestContext, id: string) {
  const orgId = ctx.actor.organizationId;
  return inEnvelope(deps, ctx, {}, async ({ trx, audit }) => {
    const a = await repo.findApplication(trx, orgId, id);
    if (!a) throw notFound('application');
    const apps = await repo.applicationsOf(trx, orgId, [a.sessionId]);
    await audit({
      action: 'camp.read-application',
      entityType: 'camp_application',
      entityId: id,
      patientId: a.patientId,
    });
    return (await assembleApplications(trx, ctx, orgId, apps, deps.clock())).find((x) => x.id === id)!;
  });
}
