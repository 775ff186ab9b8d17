import type { AuditHashInput } from '@hearth/domain';
import { type Selectable, sql } from 'kysely';
import type { Conn } from '../../db/conn.ts';
import type { AuditEventTable, AuditPendingTable } from './audit.table.ts';
import type { ChainRow } from './audit-chain.ts';

/** An event as a request wrote it, before the sealer numbers and chains it. */
export type PendingAuditRecord = Omit<AuditHashInput, 'seq'>;

const toPending = (r: Omit<Selectable<AuditPendingTable>, 'id'>): PendingAuditRecord => ({
  organizationId: r.organization_id,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  patientId: r.patient_id,
  requestId: r.request_id,
  outcome: r.outcome,
});

/** A sealed event: exactly the fields its hash covers, plus its links. */
const toChainRow = (r: Selectable<AuditEventTable>): ChainRow => ({
  ...toPending(r),
  seq: Number(r.seq),
  prevHash: r.prev_hash,
  hash: r.hash,
});

const fromChainRow = (r: ChainRow): AuditEventTable => ({
  organization_id: r.organizationId,
  seq: r.seq,
  at: new Date(r.at),
  actor_id: r.actorId,
  actor_role: r.actorRole,
  action: r.action,
  entity_type: r.entityType,
  entity_id: r.entityId,
  patient_id: r.patientId,
  request_id: r.requestId,
  outcome: r.outcome,
  prev_hash: r.prevHash,
  hash: r.hash,
});

type NewPending = Omit<AuditPendingTable, 'id'>;

/** A plain insert: nothing is read or locked, so concurrent requests never wait on each other. */
export async function insertPendingAudit(db: Conn, row: NewPending): Promise<void> {
  await db.insertInto('audit_pending').values(row).execute();
}

export async function insertPendingAudits(db: Conn, rows: NewPending[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('audit_pending').values(rows).execute();
}

/**
 * Serialises sealers of one organization (in this and other processes) for the sealing
 * transaction only: a few milliseconds per batch, never across a request.
 */
export async function lockSealing(db: Conn, organizationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${organizationId}`}))`.execute(db);
}

/**
 * Removes up to `limit` of the oldest pending events of an organization and returns them in
 * insertion order. The transaction-local setting is what the table's guard lets through.
 */
export async function takePending(db: Conn, organizationId: string, limit: number) {
  await sql`select set_config('hearth.audit_sealing', 'on', true)`.execute(db);
  const rows = await db
    .deleteFrom('audit_pending')
    .where(
      'id',
      'in',
      db
        .selectFrom('audit_pending')
        .select('id')
        .where('organization_id', '=', organizationId)
        .orderBy('id')
        .limit(limit),
    )
    .returningAll()
    .execute();
  await sql`select set_config('hearth.audit_sealing', 'off', true)`.execute(db);
  return rows.sort((a, b) => Number(a.id) - Number(b.id)).map(toPending);
}

export const organizationsWithPending = async (db: Conn) =>
  (await db.selectFrom('audit_pending').select('organization_id').distinct().execute()).map(
    (r) => r.organization_id,
  );

export async function pendingCount(db: Conn, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function lastAuditEvent(db: Conn, organizationId: string) {
  return db
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('organization_id', '=', organizationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function auditEventAt(db: Conn, organizationId: string, seq: number) {
  return db
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('organization_id', '=', organizationId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export async function insertAuditEvents(db: Conn, events: ChainRow[]): Promise<void> {
  if (events.length) await db.insertInto('audit_event').values(events.map(fromChainRow)).execute();
}

/** Reads the chain in order, a page at a time, for verification. */
export async function auditChainPage(db: Conn, organizationId: string, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toChainRow);
}

export async function organizationIdsWithAudit(db: Conn): Promise<string[]> {
  const rows = await db.selectFrom('organization').select('id').execute();
  return rows.map((r) => r.id);
}
