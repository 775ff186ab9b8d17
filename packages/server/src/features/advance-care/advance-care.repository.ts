import {
  type AcpPlanFields,
  acpPlanFieldsSchema,
  type CareSetting,
  careSettings,
  type TransferSummary,
  transferSummarySchema,
} from '@hearth/domain';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored, storedJson } from '../../db/stored-json.ts';
import type { AdvanceCarePlanTable, CareLevelMoveTable } from './advance-care.table.ts';

/** One version of the advance care plan: its fields, why it changed, who recorded it and when. */
export interface AcpVersionRecord {
  id: string;
  version: number;
  plan: AcpPlanFields;
  changeReason: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A move between levels of care, with the transfer summary as it stood that day. */
export interface CareLevelMoveRecord {
  id: string;
  from: CareSetting;
  to: CareSetting;
  movedOn: string;
  reason: string;
  summary: TransferSummary;
  recordedByName: string;
  recordedAt: Date;
}

const settingSchema = z.enum(careSettings);

const toVersion = (r: Selectable<AdvanceCarePlanTable> & { recorded_by_name: string }): AcpVersionRecord => ({
  id: r.id,
  version: r.version,
  plan: parseStored(acpPlanFieldsSchema, r.plan, { table: 'advance_care_plan', column: 'plan', id: r.id }),
  changeReason: r.change_reason,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

const toMove = (r: Selectable<CareLevelMoveTable> & { recorded_by_name: string }): CareLevelMoveRecord => {
  const at = (column: string) => ({ table: 'care_level_move', column, id: r.id });
  return {
    id: r.id,
    from: parseStored(settingSchema, r.from_setting, at('from_setting')),
    to: parseStored(settingSchema, r.to_setting, at('to_setting')),
    movedOn: r.moved_on,
    reason: r.reason,
    summary: parseStored(transferSummarySchema, r.summary, at('summary')),
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  };
};

/** Every version of the plan, newest first. */
export const plansOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('advance_care_plan as a')
      .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
      .selectAll('a')
      .select('u.name as recorded_by_name')
      .where('a.organization_id', '=', orgId)
      .where('a.patient_id', '=', patientId)
      .orderBy('a.version', 'desc')
      .limit(100)
      .execute()
  ).map(toVersion);

export const insertPlan = (
  db: Conn,
  organizationId: string,
  patientId: string,
  v: Omit<AcpVersionRecord, 'recordedByName'>,
) =>
  db
    .insertInto('advance_care_plan')
    .values({
      id: v.id,
      organization_id: organizationId,
      patient_id: patientId,
      version: v.version,
      plan: storedJson(v.plan),
      change_reason: v.changeReason,
      recorded_by: v.recordedBy,
      recorded_at: v.recordedAt,
    })
    .execute();

export const insertMove = (
  db: Conn,
  organizationId: string,
  patientId: string,
  m: Omit<CareLevelMoveRecord, 'recordedByName'> & { recordedBy: string },
) =>
  db
    .insertInto('care_level_move')
    .values({
      id: m.id,
      organization_id: organizationId,
      patient_id: patientId,
      from_setting: m.from,
      to_setting: m.to,
      moved_on: m.movedOn,
      reason: m.reason,
      summary: storedJson(m.summary),
      recorded_by: m.recordedBy,
      recorded_at: m.recordedAt,
    })
    .execute();

/** The moves between levels of care, newest first. */
export const movesOf = async (db: Conn, orgId: string, patientId: string) =>
  (
    await db
      .selectFrom('care_level_move as m')
      .innerJoin('app_user as u', 'u.id', 'm.recorded_by')
      .selectAll('m')
      .select('u.name as recorded_by_name')
      .where('m.organization_id', '=', orgId)
      .where('m.patient_id', '=', patientId)
      .orderBy('m.recorded_at', 'desc')
      .limit(100)
      .execute()
  ).map(toMove);
