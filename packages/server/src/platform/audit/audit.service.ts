import { type Actor, auditGenesisHash } from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import type { Conn } from '../../db/conn.ts';
import * as repo from './audit.repository.ts';
import { type AuditAnchor, readAnchors, writeAnchors } from './audit-anchor.ts';
import { type ChainCheck, type ChainRow, checkChain, hashAuditRecord } from './audit-chain.ts';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  outcome?: 'success' | 'denied' | 'failed';
}

/** Who caused an event: a logged-in caller, an anonymous public request, or the system (null). */
export type AuditCaller = { actor?: Pick<Actor, 'userId' | 'role'>; requestId?: string } | null;

/**
 * Appends one event. Call it inside the transaction that reads or writes the data, so the event
 * exists exactly when the change does. It is a plain insert into the pending table: no lock and
 * no read of the chain, so requests of one organization never queue behind each other; the
 * sealer chains it moments later (`sealOrganization`).
 */
export async function recordAudit(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: AuditCaller,
  orgId: string,
  input: AuditInput,
) {
  await repo.insertPendingAudit(trx, pendingRow(deps.clock(), ctx, orgId, input));
}

/**
 * Appends several events of one action in one statement (a published plan touches a hundred
 * patients; each still gets its own event, so every patient's access history stays complete).
 */
export async function recordAudits(
  trx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  ctx: AuditCaller,
  orgId: string,
  inputs: AuditInput[],
) {
  const at = deps.clock();
  await repo.insertPendingAudits(
    trx,
    inputs.map((input) => pendingRow(at, ctx, orgId, input)),
  );
}

const pendingRow = (at: Date, ctx: AuditCaller, orgId: string, input: AuditInput) => ({
  organization_id: orgId,
  at,
  actor_id: ctx?.actor?.userId ?? null,
  actor_role: ctx?.actor?.role ?? null,
  action: input.action,
  entity_type: input.entityType,
  entity_id: input.entityId ?? null,
  patient_id: input.patientId ?? null,
  request_id: ctx?.requestId ?? null,
  outcome: input.outcome ?? 'success',
});

/** Records a refused attempt in its own transaction (the refused request's work is rolled back). */
export async function recordDenied(deps: AppDeps, ctx: RequestContext, input: Omit<AuditInput, 'outcome'>) {
  await deps.db
    .transaction()
    .execute((trx) => recordAudit(trx, deps, ctx, ctx.actor.organizationId, { ...input, outcome: 'denied' }));
}

const sealBatch = 1000;

/**
 * Chains an organization's pending events onto its sealed chain, oldest first, a batch per short
 * transaction; returns how many were sealed. Only committed events are visible here, so an event
 * whose request is still open is sealed by a later pass.
 */
export async function sealOrganization(db: Conn, organizationId: string): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await repo.lockSealing(trx, organizationId);
      const pending = await repo.takePending(trx, organizationId, sealBatch);
      if (!pending.length) return 0;
      const last = await repo.lastAuditEvent(trx, organizationId);
      let seq = Number(last?.seq ?? 0);
      let prevHash = last?.hash ?? auditGenesisHash;
      const rows: ChainRow[] = pending.map((p) => {
        seq += 1;
        const record = { ...p, seq };
        const hash = hashAuditRecord(prevHash, record);
        const row = { ...record, prevHash, hash };
        prevHash = hash;
        return row;
      });
      await repo.insertAuditEvents(trx, rows);
      return rows.length;
    });
    sealed += n;
    if (n < sealBatch) return sealed;
  }
}

/** Seals every organization that has pending events. */
export async function sealAll(db: Conn): Promise<number> {
  let sealed = 0;
  for (const orgId of await repo.organizationsWithPending(db)) sealed += await sealOrganization(db, orgId);
  return sealed;
}

/** The current head of every organization's sealed chain (organizations with no events are left out). */
export async function chainHeads(db: Conn, at: Date): Promise<Record<string, AuditAnchor>> {
  const heads: Record<string, AuditAnchor> = {};
  for (const orgId of await repo.organizationIdsWithAudit(db)) {
    const last = await repo.lastAuditEvent(db, orgId);
    if (last) heads[orgId] = { seq: Number(last.seq), hash: last.hash, at: at.toISOString() };
  }
  return heads;
}

/**
 * Seals, reads the last anchor, verifies, and, when the chain holds, anchors its current head:
 * what both the admin screen and `npm run audit:verify` run for one organization.
 */
export async function sealAndVerify(db: Conn, organizationId: string, anchorFile: string, now: Date) {
  await sealOrganization(db, organizationId);
  const result = await verifyOrganizationChain(
    db,
    organizationId,
    readAnchors(anchorFile)[organizationId] ?? null,
  );
  const head = await repo.lastAuditEvent(db, organizationId);
  if (result.ok && head)
    writeAnchors(anchorFile, {
      [organizationId]: { seq: Number(head.seq), hash: head.hash, at: now.toISOString() },
    });
  return result;
}

export interface AuditVerification extends ChainCheck {
  /** Events appended but not yet chained: not covered by this check. */
  unsealed: number;
  /** The sequence number of the anchor compared against, when there is one. */
  anchoredSeq: number | null;
}

/**
 * Re-computes one organization's sealed chain from the first event, then compares its end with
 * the last anchor recorded outside the database: a chain that now ends before the anchor, or
 * holds a different event at the anchored position, lost or rewrote events.
 */
export async function verifyOrganizationChain(
  db: Conn,
  organizationId: string,
  anchor: AuditAnchor | null = null,
): Promise<AuditVerification> {
  const chain = await walkChain(db, organizationId);
  const extra = { unsealed: await repo.pendingCount(db, organizationId), anchoredSeq: anchor?.seq ?? null };
  if (!chain.ok || !anchor) return { ...chain, ...extra };
  const lastSeq = chain.lastSeq;
  if (lastSeq < anchor.seq)
    return {
      ...broken(
        chain.checked,
        lastSeq + 1,
        `the chain ends at event ${lastSeq} but reached event ${anchor.seq} on ${anchor.at}: events were removed`,
      ),
      ...extra,
    };
  const anchored = await repo.auditEventAt(db, organizationId, anchor.seq);
  if (anchored?.hash !== anchor.hash)
    return {
      ...broken(
        chain.checked,
        anchor.seq,
        `event ${anchor.seq} is not the one anchored on ${anchor.at}: the chain was rewritten`,
      ),
      ...extra,
    };
  return { ...chain, ...extra };
}

const broken = (checked: number, seq: number, problem: string): ChainCheck => ({
  ok: false,
  checked,
  firstBrokenSeq: seq,
  problem,
});

async function walkChain(db: Conn, organizationId: string): Promise<ChainCheck & { lastSeq: number }> {
  const pageSize = 1000;
  let state = { prevHash: auditGenesisHash, prevSeq: 0, checked: 0 };
  for (;;) {
    const rows = await repo.auditChainPage(db, organizationId, state.prevSeq, pageSize);
    const { result, state: next } = checkChain(rows, state);
    if (result) return { ...result, lastSeq: state.prevSeq };
    state = next;
    if (rows.length < pageSize)
      return {
        ok: true,
        checked: state.checked,
        firstBrokenSeq: null,
        problem: null,
        lastSeq: state.prevSeq,
      };
  }
}

export const allOrganizationIds = (db: Conn) => repo.organizationIdsWithAudit(db);
