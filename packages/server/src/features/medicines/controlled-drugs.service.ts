import { randomUUID } from 'node:crypto';
import {
  type ControlledEntryBody,
  can,
  conflict,
  type controlledStockBodySchema,
  DomainError,
  forbidden,
  notFound,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import type { RaisedAlert } from '../alerts/alerts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadPatientFor } from '../patients/patient-access.ts';
import { announceMedicineAlerts, raiseMedicineAlert } from './medicines.alerts.ts';
import * as repo from './medicines.repository.ts';

/**
 * The controlled-drug register kept for a patient's home (issue 6): stock received, each dose
 * taken from it, counts at visits (a difference is flagged to the physician), and disposal
 * after death witnessed and recorded by two people.
 */
async function assemble(db: Conn, orgId: string, patientId: string) {
  const stocks = await repo.stocksOf(db, orgId, patientId);
  const entries = await repo.entriesOf(
    db,
    orgId,
    stocks.map((s) => s.id),
  );
  return stocks.map((s) => ({
    id: s.id,
    name: s.name,
    unit: s.unit,
    prescriptionId: s.prescription_id,
    balance: Number(s.balance),
    entries: entries
      .filter((e) => e.stock_id === s.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        quantity: Number(e.quantity),
        balanceAfter: Number(e.balance_after),
        expected: e.expected === null ? null : Number(e.expected),
        discrepancy: e.discrepancy === null ? null : Number(e.discrepancy),
        note: e.note,
        method: e.method,
        recordedByName: e.recorded_by_name,
        witnessName: e.witness_name,
        at: e.at.toISOString(),
      })),
  }));
}

export async function listRegister(deps: AppDeps, ctx: RequestContext, patientId: string) {
  await loadPatientFor(deps, ctx, 'medicine:mar', patientId);
  const orgId = ctx.actor.organizationId;
  return deps.db.transaction().execute(async (trx) => {
    const items = await assemble(trx, orgId, patientId);
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'medicine.controlled.read',
      entityType: 'controlled_stock',
      patientId,
    });
    return items;
  });
}

export async function addStock(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof controlledStockBodySchema>,
) {
  await loadPatientFor(deps, ctx, 'medicine:controlled', patientId);
  const orgId = ctx.actor.organizationId;
  const id = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    if (body.prescriptionId) {
      const rx = await repo.findCurrent(trx, orgId, patientId, body.prescriptionId);
      if (!rx) throw notFound('The prescription');
    }
    await repo.insertStock(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      name: body.name,
      unit: body.unit,
      prescription_id: body.prescriptionId,
      balance: 0,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await recordAudit(trx, deps, ctx, orgId, {
      action: 'medicine.controlled.add-stock',
      entityType: 'controlled_stock',
      entityId: id,
      patientId,
    });
    return (await assemble(trx, orgId, patientId)).find((s) => s.id === id)!;
  });
}

export async function addEntry(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  stockId: string,
  body: ControlledEntryBody,
) {
  await loadPatientFor(deps, ctx, 'medicine:controlled', patientId);
  if (!can(ctx.actor, 'medicine:controlled', { patientId })) throw forbidden();
  const orgId = ctx.actor.organizationId;
  const raised: RaisedAlert[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const stock = await repo.lockStock(trx, orgId, patientId, stockId);
    if (!stock) throw notFound('The register entry');
    const now = deps.clock();
    const balance = Number(stock.balance);
    const id = randomUUID();
    const row = {
      id,
      organization_id: orgId,
      stock_id: stockId,
      patient_id: patientId,
      kind: body.kind,
      note: body.note,
      recorded_by: ctx.actor.userId,
      at: now,
      expected: null as number | null,
      discrepancy: null as number | null,
      method: null as string | null,
      administration_id: null as string | null,
      witness_user_id: null as string | null,
    };
    let quantity: number;
    let after: number;
    switch (body.kind) {
      case 'received':
        quantity = body.quantity;
        after = balance + quantity;
        break;
      case 'administered':
        quantity = body.quantity;
        after = balance - quantity;
        if (after < 0)
          throw conflict('The register holds less than this. Count the stock and record the count first.');
        row.administration_id = body.administrationId;
        break;
      case 'count':
        quantity = body.counted;
        after = body.counted;
        row.expected = balance;
        row.discrepancy = body.counted - balance;
        break;
      case 'disposed': {
        quantity = body.quantity;
        after = balance - quantity;
        if (after < 0) throw conflict('The register holds less than this. Count the stock first.');
        if (body.witnessUserId === ctx.actor.userId)
          throw new DomainError('VALIDATION', 'Disposal needs a second person as witness.', {
            fields: [{ field: 'body.witnessUserId', message: 'must be someone else' }],
          });
        const witness = await repo.findActiveStaff(trx, orgId, body.witnessUserId);
        if (!witness || witness.role === 'family' || witness.role === 'volunteer')
          throw new DomainError('VALIDATION', 'The witness must be an active member of staff.', {
            fields: [{ field: 'body.witnessUserId', message: 'not active staff' }],
          });
        row.witness_user_id = witness.id;
        row.method = body.method;
        break;
      }
    }
    await repo.insertEntry(trx, { ...row, quantity, balance_after: after });
    await repo.setStockBalance(trx, orgId, stockId, after);
    if (row.discrepancy !== null && Math.abs(row.discrepancy) > 1e-9) {
      raised.push(
        await raiseMedicineAlert(trx, deps, orgId, patientId, {
          ruleId: 'controlled.count-discrepancy',
          title: `Controlled drug count differs: ${stock.name}`,
          body: `Counted ${quantity} ${stock.unit}, the register expected ${balance}. Difference ${row.discrepancy > 0 ? '+' : ''}${row.discrepancy}.`,
          facts: {
            stock: stock.name,
            unit: stock.unit,
            counted: quantity,
            expected: balance,
            discrepancy: row.discrepancy,
          },
          source: { type: 'controlled_entry', id },
          raisedBy: ctx.actor,
        }),
      );
    }
    await recordAudit(trx, deps, ctx, orgId, {
      action: `medicine.controlled.${body.kind}`,
      entityType: 'controlled_entry',
      entityId: id,
      patientId,
    });
    return (await assemble(trx, orgId, patientId)).find((s) => s.id === stockId)!;
  });
  await deps.events.publish({
    organizationId: orgId,
    type: 'medicines.updated',
    entityId: patientId,
    roles: ['physician', 'nurse'],
  });
  if (raised.length) await announceMedicineAlerts(deps, raised);
  return result;
}
