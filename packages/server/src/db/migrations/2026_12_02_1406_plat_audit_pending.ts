import { type Kysely, sql } from 'kysely';

/**
 * Audit without an organization-wide lock (issue 16): a request appends its audit events to
 * `audit_pending` with a plain INSERT; a sealer moves them, in order and in batches, into the
 * hash-chained `audit_event`. Both tables refuse UPDATE and TRUNCATE; pending rows may be
 * removed only by the sealer's transaction, which marks itself with a transaction-local setting.
 */
const up_statements = [
  // the same columns as an audit event, without the chain's (seq, prev_hash, hash)
  `create table audit_pending (like audit_event)`,
  `alter table audit_pending drop column seq, drop column prev_hash, drop column hash`,
  `alter table audit_pending add column id bigint generated always as identity primary key`,
  `alter table audit_pending add foreign key (organization_id) references organization(id)`,
  `create index audit_pending_org_id_idx on audit_pending (organization_id, id)`,
  `create function audit_pending_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('hearth.audit_sealing', true) = 'on' then
        return old;
      end if;
      raise exception 'audit_pending is append-only (only the sealer moves rows out)';
    end;
  $$`,
  `create trigger audit_pending_no_change before update or delete on audit_pending
    for each row execute function audit_pending_guard()`,
  `create trigger audit_pending_no_truncate before truncate on audit_pending
    for each statement execute function audit_pending_guard()`,
  `create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_event_no_truncate on audit_event`.execute(db);
  await sql`drop table if exists audit_pending`.execute(db);
  await sql`drop function if exists audit_pending_guard()`.execute(db);
}
