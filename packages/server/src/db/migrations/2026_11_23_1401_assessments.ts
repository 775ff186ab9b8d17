import { type Kysely, sql } from 'kysely';

/**
 * Clinical watch, part 2: versioned assessment records (staff assessments and the family
 * symptom diary share one table; a correction is a new version of the same record), and the
 * clinical tasks that follow from alerts (48 h symptom follow-up, urgent visit requests).
 */
const up_statements = [
  `create table assessment (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    record_id uuid not null,
    version integer not null,
    is_current boolean not null,
    patient_id uuid not null references patient(id),
    instrument text not null,
    answers jsonb not null,
    scores jsonb not null,
    flags jsonb,
    coping text check (coping in ('coping','struggling','cannot_cope')),
    note text,
    source text not null check (source in ('staff','family')),
    visit_id uuid,
    taken_at timestamptz not null,
    recorded_at timestamptz not null,
    recorded_by uuid not null references app_user(id),
    correction_reason text
  )`,
  `create unique index assessment_org_record_version_idx on assessment (organization_id, record_id, version)`,
  `create index assessment_org_patient_idx on assessment (organization_id, patient_id, instrument, taken_at)
    where is_current`,
  `create table clinical_task (
    id uuid primary key,
    organization_id uuid not null references organization(id),
    patient_id uuid not null references patient(id),
    kind text not null check (kind in ('symptom_follow_up','urgent_visit')),
    alert_id uuid references alert(id),
    reason text not null,
    due_at timestamptz not null,
    created_at timestamptz not null,
    status text not null check (status in ('open','done')),
    done_at timestamptz,
    done_by uuid references app_user(id),
    done_by_assessment_id uuid
  )`,
  `create index clinical_task_org_status_due_idx on clinical_task (organization_id, status, due_at)`,
  `create index clinical_task_org_patient_idx on clinical_task (organization_id, patient_id, status)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['clinical_task', 'assessment']) await sql.raw(`drop table if exists ${t}`).execute(db);
}
