import type { Conn } from '../../db/conn.ts';

export const plansOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('advance_care_plan as a')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .selectAll('a')
    .select('u.name as recorded_by_name')
    .where('a.organization_id', '=', orgId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.version', 'desc')
    .limit(100)
    .execute();

export const insertPlan = (
  db: Conn,
  row: {
    id: string;
    organization_id: string;
    patient_id: string;
    version: number;
    plan: Record<string, unknown>;
    change_reason: string;
    recorded_by: string;
    recorded_at: Date;
  },
) =>
  db
    .insertInto('advance_care_plan')
    .values({ ...row, plan: JSON.stringify(row.plan) })
    .execute();

export const insertMove = (
  db: Conn,
  row: {
    id: string;
    organization_id: string;
    patient_id: string;
    from_setting: string;
    to_setting: string;
    moved_on: string;
    reason: string;
    summary: unknown;
    recorded_by: string;
    recorded_at: Date;
  },
) =>
  db
    .insertInto('care_level_move')
    .values({ ...row, summary: JSON.stringify(row.summary) })
    .execute();

export const movesOf = (db: Conn, orgId: string, patientId: string) =>
  db
    .selectFrom('care_level_move as m')
    .innerJoin('app_user as u', 'u.id', 'm.recorded_by')
    .selectAll('m')
    .select('u.name as recorded_by_name')
    .where('m.organization_id', '=', orgId)
    .where('m.patient_id', '=', patientId)
    .orderBy('m.recorded_at', 'desc')
    .limit(100)
    .execute();
