import { randomUUID } from 'node:crypto';
import {
  because,
  type ControlledEntryBody,
  can,
  conflict,
  conflictReason,
  type controlledStockBodySchema,
  DomainError,
  forbidden,
  invalidField,
  notFound,
  wholeStockUnits,
} from '@hearth/domain';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import { loadPatientFor } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { inEnvelope } from '../../platform/envelope.ts';
import type { RaisedAlert } from '../alerts/alerts.service.ts';
import { confirmWitness } from '../auth/witness.service.ts';
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
    prescriptionId: s.prescriptionId,
    dosePerUnit: s.dosePerUnit,
    balance: s.balance,
    entries: entries
      .filter((e) => e.stockId === s.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        quantity: e.quantity,
        balanceAfter: e.balanceAfter,
        expected: e.expected,
        discrepancy: e.discrepancy,
        note: e.note,
        method: e.method,
        recordedByName: e.recordedByName,
        witnessName: e.witnessName,
        administrationId: e.administrationId,
        at: e.at.toISOString(),
      })),
  }));
}

export async function listRegister(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const read = {
    patient: { id: patientId, action: 'medicine:mar' },
    audit: { action: 'medicine.controlled.read', entityType: 'controlled_stock' },
  } as const;
  return inEnvelope(deps, ctx, read, ({ trx, organizationId }) => assemble(trx, organizationId, patientId));
}

export async function addStock(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: z.infer<typeof controlledStockBodySchema>,
) {
  const gate = { patient: { id: patientId, action: 'medicine:controlled' } } as const;
  const id = randomUUID();
  return inEnvelope(deps, ctx, gate, async ({ trx, organizationId: orgId, audit }) => {
    if (body.prescriptionId) {
      const rx = await repo.findCurrent(trx, orgId, patientId, body.prescriptionId);
      if (!rx) throw notFound('prescription');
      // each dose of this prescription will be taken off the stock: the units must convert
      if (body.unit !== rx.doseUnit && body.dosePerUnit === null)
        throw new DomainError(
          'VALIDATION',
          `Say how many ${rx.doseUnit} one ${body.unit} holds, so each dose is taken off the register.`,
          { fields: [{ field: 'body.dosePerUnit', message: 'required when the units differ' }] },
          because('medicines.dosePerUnitRequired', { doseUnit: rx.doseUnit, unit: body.unit }),
        );
    }
    await repo.insertStock(trx, {
      id,
      organization_id: orgId,
      patient_id: patientId,
      name: body.name,
      unit: body.unit,
      prescription_id: body.prescriptionId,
      dose_per_unit: body.prescriptionId ? body.dosePerUnit : null,
      balance: 0,
      created_by: ctx.actor.userId,
      created_at: deps.clock(),
    });
    await audit({ action: 'medicine.controlled.add-stock', entityType: 'controlled_stock', entityId: id });
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
  // The gate and the witness come before the envelope on purpose: the witness confirms in its own
  // transaction, so a failed witness attempt stays counted when this entry is refused.
  const witness =
    body.kind === 'disposed' || (body.kind === 'count' && body.witness)
      ? await confirmWitness(deps, ctx, body.witness, 'body.witness')
      : null;
  const result = await inEnvelope(deps, ctx, {}, async ({ trx, audit, publish }) => {
    const stock = await repo.lockStock(trx, orgId, patientId, stockId);
    if (!stock) throw notFound('registerEntry');
    const now = deps.clock();
    const balance = stock.balance;
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
          throw conflict(
            'The register holds less than this. Count the stock and record the count first.',
            conflictReason('register-short', { balance, quantity, unit: stock.unit }),
            because('medicines.registerShort', { balance, quantity, unit: stock.unit }),
          );
        row.administration_id = body.administrationId;
        break;
      case 'count':
        quantity = body.counted;
        after = body.counted;
        row.expected = balance;
        row.discrepancy = body.counted - balance;
        if (Math.abs(row.discrepancy) > 1e-9) {
          // a count that differs (8 against 10) needs a reason and a second person (issue 13)
          if (!body.reason)
            throw invalidField(
              because('medicines.countDiffersReason'),
              'The count differs from the register: say why.',
              'body.reason',
              'required when the count differs',
            );
          if (!witness) await confirmWitness(deps, ctx, undefined, 'body.witness');
          row.note = body.note ? `${body.reason} — ${body.note}` : body.reason;
        }
        row.witness_user_id = witness?.id ?? null;
        break;
      case 'disposed': {
        quantity = body.quantity;
        after = balance - quantity;
        if (after < 0)
          throw conflict(
            'The register holds less than this. Count the stock first.',
            conflictReason('register-short', { balance, quantity, unit: stock.unit }),
            because('medicines.registerShort', { balance, quantity, unit: stock.unit }),
          );
        row.witness_user_id = witness?.id ?? null;
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
    await audit({
      action: `medicine.controlled.${body.kind}`,
      entityType: 'controlled_entry',
      entityId: id,
      patientId,
    });
    publish({ type: 'medicines.updated', entityId: patientId, roles: ['physician', 'nurse'] });
    return (await assemble(trx, orgId, patientId)).find((s) => s.id === stockId)!;
  });
  if (raised.length) await announceMedicineAlerts(deps, raised);
  return result;
}

/** Stock units a dose takes, or null when the stock's units do not convert from the dose's. */
function unitsOf(
  stock: Pick<repo.ControlledStockRecord, 'unit' | 'dosePerUnit'>,
  doseAmount: number,
  doseUnit: string,
) {
  const exact =
    stock.dosePerUnit !== null ? doseAmount / stock.dosePerUnit : stock.unit === doseUnit ? doseAmount : null;
  if (exact === null) return null;
  // an opened ampoule (vial, capsule, patch) is used up whole; the rest is discarded
  return wholeStockUnits.includes(stock.unit) ? Math.ceil(exact - 1e-9) : Math.round(exact * 1000) / 1000;
}

/**
 * A dose recorded as given from a prescription that has controlled stock in the home is taken
 * off the register in the same transaction (issue 6: "stock received, each dose, counts").
 * The dose is never refused for the register's sake: it was given. A balance that would go
 * below zero is recorded as it is and flagged to the physician as a discrepancy.
 */
export async function drawDownForDose(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: RequestContext,
  orgId: string,
  patientId: string,
  dose: { administrationId: string; prescriptionId: string; doseAmount: number; doseUnit: string },
): Promise<RaisedAlert | null> {
  const stocks = (await repo.lockStocksOfPrescription(trx, orgId, patientId, dose.prescriptionId))
    .map((s) => ({ stock: s, units: unitsOf(s, dose.doseAmount, dose.doseUnit) }))
    .filter((x): x is { stock: (typeof x)['stock']; units: number } => x.units !== null);
  // the oldest stock that still holds enough, else the newest
  const pick = stocks.find((x) => x.stock.balance >= x.units) ?? stocks.at(-1);
  if (!pick) return null;
  const { stock, units } = pick;
  const before = stock.balance;
  const after = Math.round((before - units) * 1000) / 1000;
  const id = randomUUID();
  await repo.insertEntry(trx, {
    id,
    organization_id: orgId,
    stock_id: stock.id,
    patient_id: patientId,
    kind: 'administered',
    quantity: units,
    balance_after: after,
    expected: null,
    discrepancy: after < 0 ? after : null,
    note: null,
    method: null,
    administration_id: dose.administrationId,
    recorded_by: ctx.actor.userId,
    witness_user_id: null,
    at: deps.clock(),
  });
  await repo.setStockBalance(trx, orgId, stock.id, after);
  await recordAudit(trx, deps, ctx, orgId, {
    action: 'medicine.controlled.administered',
    entityType: 'controlled_entry',
    entityId: id,
    patientId,
  });
  if (after >= 0) return null;
  return raiseMedicineAlert(trx, deps, orgId, patientId, {
    ruleId: 'controlled.count-discrepancy',
    title: `Controlled drug register below zero: ${stock.name}`,
    body: `A dose was recorded but the register held ${before} ${stock.unit}; the balance is now ${after}. Count the stock.`,
    facts: { stock: stock.name, unit: stock.unit, before, taken: units, balance: after },
    source: { type: 'controlled_entry', id },
    raisedBy: ctx.actor,
  });
}
