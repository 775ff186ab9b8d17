import { randomUUID } from 'node:crypto';
import {
  because,
  can,
  canMoveLoan,
  conflict,
  type EquipmentItem,
  type equipmentItemCreateSchema,
  type equipmentItemPatchSchema,
  equipmentKinds,
  forbidden,
  invalidField,
  isLoanDueBack,
  type Loan,
  type LoanStatus,
  type loanCollectSchema,
  type loanDeliverSchema,
  type loanRequestSchema,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { type Envelope, inEnvelope } from '../../platform/envelope.ts';
import { loadSettings } from '../../platform/settings/settings.service.ts';
import { localDate } from '../../platform/time.ts';
import { oxygenSafetyCheckId } from '../home-safety/home-safety.service.ts';
import { scheduleDueBack, scheduleMaintenance } from './equipment.jobs.ts';
import * as repo from './equipment.repository.ts';

const audience = ['equipment_manager', 'nurse', 'physician', 'coordinator', 'admin'] as const;

async function today(deps: AppDeps, db: Conn, orgId: string) {
  return localDate(deps.clock(), (await loadSettings(db, orgId)).timeZone);
}

function toItem(r: repo.EquipmentItemRecord, today: string, currentLoanId: string | null): EquipmentItem {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    serialNumber: r.serialNumber,
    condition: r.condition,
    status: r.status,
    maintenanceDueOn: r.maintenanceDueOn,
    maintenanceOverdue: r.maintenanceDueOn !== null && r.maintenanceDueOn <= today,
    notes: r.notes,
    currentLoanId,
  };
}

function toLoan(r: repo.LoanRecord, today: string): Loan {
  return {
    id: r.id,
    patientId: r.patientId,
    patientName: r.patientName,
    kind: r.kind,
    status: r.status,
    item: r.itemId ? { id: r.itemId, name: r.itemName ?? '', serialNumber: r.itemSerial ?? '' } : null,
    reason: r.reason,
    requestedAt: r.requestedAt.toISOString(),
    requestedByName: r.requestedByName,
    expectedReturnOn: r.expectedReturnOn,
    deliveredOn: r.deliveredOn,
    deliveredBy: r.deliveredBy,
    inUseAt: r.inUseAt?.toISOString() ?? null,
    collectedOn: r.collectedOn,
    collectedBy: r.collectedBy,
    cleanedAt: r.cleanedAt?.toISOString() ?? null,
    oxygenSafetyCheckId: r.oxygenSafetyCheckId,
    collectionRequestedAt: r.collectionRequestedAt?.toISOString() ?? null,
    dueBack: isLoanDueBack(r, r.patientStatus, today),
  };
}

// ---- the store ----

export async function listItems(
  deps: AppDeps,
  ctx: RequestContext,
  query: {
    kind?: string | undefined;
    status?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  if (!can(ctx.actor, 'equipment:read')) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const rows = await repo.listItems(
    deps.db,
    orgId,
    { kind: query.kind, status: query.status, afterSerial: query.cursor },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const open = await repo.openLoanIdsByItem(
    deps.db,
    orgId,
    page.map((r) => r.id),
  );
  const day = await today(deps, deps.db, orgId);
  return {
    items: page.map((r) => toItem(r, day, open.find((o) => o.itemId === r.id)?.id ?? null)),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.serialNumber : null,
  };
}

export async function createItem(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof equipmentItemCreateSchema>,
) {
  if (!can(ctx.actor, 'equipment:manage')) throw forbidden();
  const id = randomUUID();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    if (await repo.findItemBySerial(trx, orgId, body.serialNumber))
      throw conflict(
        'An item with this serial number is already in the store.',
        undefined,
        because('equipment.serialTaken'),
      );
    const now = deps.clock();
    await repo.insertItem(trx, {
      id,
      organization_id: orgId,
      kind: body.kind,
      name: body.name,
      serial_number: body.serialNumber,
      condition: body.condition,
      status: 'available',
      maintenance_due_on: body.maintenanceDueOn ?? null,
      notes: body.notes ?? null,
      created_at: now,
      updated_at: now,
    });
    if (body.maintenanceDueOn) await scheduleMaintenance(trx, orgId, id, body.maintenanceDueOn, now);
    await audit({ action: 'equipment.add-item', entityType: 'equipment_item', entityId: id });
    return toItem((await repo.findItem(trx, orgId, id))!, await today(deps, trx, orgId), null);
  });
}

export async function patchItem(
  deps: AppDeps,
  ctx: RequestContext,
  itemId: string,
  patch: z.infer<typeof equipmentItemPatchSchema>,
) {
  if (!can(ctx.actor, 'equipment:manage')) throw forbidden();
  return inEnvelope(deps, ctx, {}, async ({ trx, organizationId: orgId, audit }) => {
    const item = await repo.findItemForUpdate(trx, orgId, itemId);
    if (!item) throw notFound('item');
    if (patch.status && !['available', 'maintenance', 'retired'].includes(item.status))
      throw conflict(
        'The item is out on a loan; finish the loan before changing its status.',
        undefined,
        because('equipment.itemOnLoan'),
      );
    await repo.updateItem(trx, orgId, itemId, {
      ...(patch.condition !== undefined && { condition: patch.condition }),
      ...(patch.maintenanceDueOn !== undefined && { maintenance_due_on: patch.maintenanceDueOn }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: deps.clock(),
    });
    if (patch.maintenanceDueOn && patch.maintenanceDueOn !== item.maintenanceDueOn)
      await scheduleMaintenance(trx, orgId, itemId, patch.maintenanceDueOn, deps.clock());
    await audit({ action: 'equipment.update-item', entityType: 'equipment_item', entityId: itemId });
    return toItem((await repo.findItem(trx, orgId, itemId))!, await today(deps, trx, orgId), null);
  });
}

/** The equipment manager's board: availability by kind, open requests, what is due back, maintenance due. */
export async function overview(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'equipment:read')) throw forbidden();
  const read = { audit: { action: 'equipment.overview', entityType: 'equipment_loan' } };
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const day = await today(deps, trx, orgId);
    const [counts, open, maintenance] = await Promise.all([
      repo.availabilityCounts(trx, orgId),
      repo.loansWithStatus(trx, orgId, ['requested', 'delivered', 'in_use', 'collected']),
      repo.itemsMaintenanceDue(trx, orgId, day),
    ]);
    const loans = open.map((l) => toLoan(l, day));
    return {
      availability: equipmentKinds
        .map((kind) => {
          const of = counts.filter((c) => c.kind === kind);
          const n = (s: string) => of.find((c) => c.status === s)?.count ?? 0;
          const total = of.reduce((sum, c) => sum + c.count, 0);
          return {
            kind,
            available: n('available'),
            onLoan: n('on_loan') + n('reserved'),
            other: total - n('available') - n('on_loan') - n('reserved'),
          };
        })
        .filter((a) => a.available + a.onLoan + a.other > 0),
      openRequests: loans.filter((l) => l.status === 'requested'),
      atHome: loans
        .filter((l) => l.status === 'delivered' || l.status === 'in_use')
        .sort((a, b) => Number(b.dueBack) - Number(a.dueBack)),
      dueBack: loans.filter((l) => l.dueBack),
      awaitingCleaning: loans.filter((l) => l.status === 'collected'),
      maintenanceDue: maintenance.map((i) => toItem(i, day, null)),
    };
  });
}

// ---- loans ----

export async function patientLoans(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'equipment-loan:read' },
    audit: { action: 'equipment.loans', entityType: 'equipment_loan' },
  } as const;
  return inEnvelope(deps, ctx, read, async ({ trx, organizationId: orgId }) => {
    const day = await today(deps, trx, orgId);
    const rows = await repo.loansOfPatient(trx, orgId, patientId);
    return rows.map((r) => toLoan(r, day));
  });
}

async function readLoan(deps: AppDeps, db: Conn, orgId: string, id: string) {
  return toLoan((await repo.findLoan(db, orgId, id))!, await today(deps, db, orgId));
}

export async function requestLoan(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof loanRequestSchema>,
) {
  const gate = { patient: { id: patientId, action: 'equipment:request' } } as const;
  const id = randomUUID();
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, patient, audit, publish }) => {
    if (patient!.status === 'deceased' || patient!.status === 'discharged')
      throw conflict(
        'Equipment is lent only to patients in the service’s care.',
        undefined,
        because('equipment.patientNotInCare'),
      );
    const now = deps.clock();
    if (body.itemId) await reserve(trx, orgId, body.itemId, body.kind, now);
    await repo.insertLoan(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      kind: body.kind,
      item_id: body.itemId ?? null,
      status: 'requested',
      reason: body.reason,
      requested_by: ctx.actor.userId,
      requested_at: now,
      expected_return_on: body.expectedReturnOn ?? null,
      updated_at: now,
    });
    if (body.expectedReturnOn) await scheduleDueBack(trx, orgId, id, body.expectedReturnOn, now);
    await audit({ action: 'equipment.request', entityType: 'equipment_loan', entityId: id });
    announce(publish, id);
    return readLoan(deps, trx, orgId, id);
  });
}

async function reserve(
  trx: Conn,
  orgId: string,
  itemId: string,
  kind: string,
  now: Date,
  loanItemId?: string | null,
) {
  const item = await repo.findItemForUpdate(trx, orgId, itemId);
  if (!item) throw notFound('item');
  if (item.kind !== kind)
    throw invalidField(
      because('equipment.wrongKind'),
      'The item is not of the requested kind.',
      'body.itemId',
      'wrong kind',
    );
  const ownReservation = item.status === 'reserved' && loanItemId === itemId;
  if (item.status !== 'available' && !ownReservation)
    throw conflict(
      `The item is not available (${item.status}).`,
      undefined,
      because('equipment.itemUnavailable'),
    );
  await repo.updateItem(trx, orgId, itemId, { status: 'reserved', updated_at: now });
}

type Step = 'deliver' | 'in_use' | 'collect' | 'clean' | 'cancel';
const stepTarget: Record<Step, LoanStatus> = {
  deliver: 'delivered',
  in_use: 'in_use',
  collect: 'collected',
  clean: 'cleaned',
  cancel: 'cancelled',
};

/**
 * Moves a loan one step along requested → delivered → in use → collected → cleaned.
 * Delivery needs an item, and an oxygen concentrator needs a complete home oxygen safety check.
 */
export async function moveLoan(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  loanId: string,
  step: Step,
  body: Partial<z.infer<typeof loanDeliverSchema> & z.infer<typeof loanCollectSchema>>,
) {
  const action = step === 'in_use' || step === 'cancel' ? 'equipment:request' : 'equipment:manage';
  if (!can(ctx.actor, action) && !can(ctx.actor, 'equipment:manage')) {
    await loadPatientFor(deps, ctx, 'equipment:manage', patientId);
    throw forbidden();
  }
  const to = stepTarget[step];
  const gate = { patient: { id: patientId, action: 'equipment-loan:read' } } as const;
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit, publish }) => {
    const row = await repo.findLoanForUpdate(trx, orgId, patientId, loanId);
    if (!row) throw notFound('loan');
    const from = row.status;
    if (!canMoveLoan(from, to)) {
      throw conflict(
        from === to
          ? `This loan is already ${from.replace('_', ' ')}.`
          : `A loan cannot go from ${from} to ${to}.`,
        { from, to },
        because(from === to ? 'equipment.loanAlreadyThere' : 'equipment.loanStepNotAllowed'),
      );
    }
    const now = deps.clock();
    if (step === 'deliver') {
      const itemId = body.itemId ?? row.itemId;
      if (!itemId)
        throw invalidField(
          because('equipment.itemRequired'),
          'Choose the item (serial number) being delivered.',
          'body.itemId',
          'required',
        );
      let checkId: string | null = null;
      if (row.kind === 'oxygen_concentrator') {
        checkId = await oxygenSafetyCheckId(trx, orgId, patientId);
        if (!checkId)
          throw conflict(
            'The home oxygen safety check is not complete: ventilation, no open flame or smoking, tubes and cables safe.',
            { rule: 'oxygen-safety-check' },
            because('equipment.oxygenSafetyCheck'),
          );
      }
      if (itemId !== row.itemId && row.itemId)
        await repo.updateItem(trx, orgId, row.itemId, { status: 'available', updated_at: now });
      await reserve(trx, orgId, itemId, row.kind, now, row.itemId);
      await repo.updateItem(trx, orgId, itemId, { status: 'on_loan', updated_at: now });
      await repo.updateLoan(trx, orgId, loanId, {
        status: to,
        item_id: itemId,
        delivered_on: body.deliveredOn!,
        delivered_by: body.deliveredBy!,
        delivery_recorded_by: ctx.actor.userId,
        oxygen_safety_check_id: checkId,
        ...(body.expectedReturnOn && { expected_return_on: body.expectedReturnOn }),
        updated_at: now,
      });
      // the return day agreed at the door replaces the one guessed at the request
      if (body.expectedReturnOn && body.expectedReturnOn !== row.expectedReturnOn)
        await scheduleDueBack(trx, orgId, loanId, body.expectedReturnOn, now);
    } else if (step === 'in_use') {
      await repo.updateLoan(trx, orgId, loanId, { status: to, in_use_at: now, updated_at: now });
    } else if (step === 'collect') {
      await repo.updateLoan(trx, orgId, loanId, {
        status: to,
        collected_on: body.collectedOn!,
        collected_by: body.collectedBy!,
        updated_at: now,
      });
      if (row.itemId)
        await repo.updateItem(trx, orgId, row.itemId, {
          status: 'cleaning',
          ...(body.condition && { condition: body.condition }),
          updated_at: now,
        });
    } else if (step === 'clean') {
      await repo.updateLoan(trx, orgId, loanId, {
        status: to,
        cleaned_at: now,
        cleaned_by: ctx.actor.userId,
        updated_at: now,
      });
      if (row.itemId) {
        const item = await repo.findItem(trx, orgId, row.itemId);
        await repo.updateItem(trx, orgId, row.itemId, {
          status: item?.condition === 'needs_repair' ? 'maintenance' : 'available',
          updated_at: now,
        });
      }
    } else {
      await repo.updateLoan(trx, orgId, loanId, { status: to, updated_at: now });
      if (row.itemId) await repo.updateItem(trx, orgId, row.itemId, { status: 'available', updated_at: now });
    }
    await audit({ action: `equipment.${step}`, entityType: 'equipment_loan', entityId: loanId });
    announce(publish, loanId);
    return readLoan(deps, trx, orgId, loanId);
  });
}

/** Active loans at home (for the transfer summary and the death checklist). */
export const loansAtHome = async (db: Conn, orgId: string, patientId: string) =>
  (await repo.loansOfPatient(db, orgId, patientId)).filter(
    (l) => l.status === 'delivered' || l.status === 'in_use',
  );

/** Queues the loan's live event (sent after the commit). */
const announce = (publish: Envelope['publish'], loanId: string) =>
  publish({ type: 'equipment.updated', entityId: loanId, roles: audience });
