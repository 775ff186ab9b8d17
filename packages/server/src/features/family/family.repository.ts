import type { Conn } from '../../db/conn.ts';
import type { FamilyLinkTable } from './family.table.ts';

export const familyOf = (db: Conn, organizationId: string, patientId: string) =>
  db
    .selectFrom('family_link as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select(['u.id as user_id', 'u.name', 'u.email', 'u.status', 'f.relationship', 'f.is_designated'])
    .where('f.organization_id', '=', organizationId)
    .where('f.patient_id', '=', patientId)
    .where('f.removed_at', 'is', null)
    .orderBy('f.is_designated', 'desc')
    .orderBy('u.name')
    .execute();

export const insertFamilyLink = (db: Conn, row: FamilyLinkTable) =>
  db
    .insertInto('family_link')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'patient_id', 'user_id']).doUpdateSet({
        removed_at: null,
        relationship: row.relationship,
        is_designated: row.is_designated,
      }),
    )
    .execute();

export const findFamilyLink = (db: Conn, organizationId: string, patientId: string, userId: string) =>
  db
    .selectFrom('family_link')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();

export const removeFamilyLink = (
  db: Conn,
  organizationId: string,
  patientId: string,
  userId: string,
  at: Date,
) =>
  db
    .updateTable('family_link')
    .set({ removed_at: at, is_designated: false })
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('user_id', '=', userId)
    .execute();

export const clearDesignated = (db: Conn, organizationId: string, patientId: string) =>
  db
    .updateTable('family_link')
    .set({ is_designated: false })
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .execute();
