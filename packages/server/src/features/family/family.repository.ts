import type { userStatusSchema } from '@hearth/domain';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import type { FamilyLinkTable } from './family.table.ts';

/** A relative who uses the family portal for a patient, as the care team sees them. */
export interface FamilyMemberRecord {
  userId: string;
  name: string;
  email: string;
  relationship: string;
  designated: boolean;
  status: z.infer<typeof userStatusSchema>;
}

/** The link between a patient and a family user. */
export interface FamilyLinkRecord {
  patientId: string;
  userId: string;
  relationship: string;
  designated: boolean;
  invitedBy: string | null;
  createdAt: Date;
  removedAt: Date | null;
}

const toLink = (r: Selectable<FamilyLinkTable>): FamilyLinkRecord => ({
  patientId: r.patient_id,
  userId: r.user_id,
  relationship: r.relationship,
  designated: r.is_designated,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  removedAt: r.removed_at,
});

/** The patient's current family, the designated member first. */
export const familyOf = async (
  db: Conn,
  organizationId: string,
  patientId: string,
): Promise<FamilyMemberRecord[]> =>
  (
    await db
      .selectFrom('family_link as f')
      .innerJoin('app_user as u', 'u.id', 'f.user_id')
      .select(['u.id as user_id', 'u.name', 'u.email', 'u.status', 'f.relationship', 'f.is_designated'])
      .where('f.organization_id', '=', organizationId)
      .where('f.patient_id', '=', patientId)
      .where('f.removed_at', 'is', null)
      .orderBy('f.is_designated', 'desc')
      .orderBy('u.name')
      .execute()
  ).map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    relationship: r.relationship,
    designated: r.is_designated,
    status: r.status,
  }));

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

export const findFamilyLink = async (
  db: Conn,
  organizationId: string,
  patientId: string,
  userId: string,
): Promise<FamilyLinkRecord | undefined> => {
  const row = await db
    .selectFrom('family_link')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row && toLink(row);
};

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
