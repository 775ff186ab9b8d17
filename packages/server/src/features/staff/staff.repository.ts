import { type Role, roleSchema, type userStatusSchema } from '@hearth/domain';
import type { z } from 'zod';
import type { Conn } from '../../db/conn.ts';
import { parseStored } from '../../db/stored-json.ts';

/** A member of staff as the staff list shows them. */
export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  isLead: boolean;
  phone: string | null;
  status: z.infer<typeof userStatusSchema>;
  createdAt: Date;
}

/** Staff by name, then id (the cursor), without the portal's family and volunteers. */
export const listStaff = async (
  db: Conn,
  organizationId: string,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<StaffRecord[]> => {
  let q = db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'role', 'is_lead', 'phone', 'status', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('role', 'not in', ['family', 'volunteer']);
  if (after) {
    const { name, id } = after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return (await q.orderBy('name').orderBy('id').limit(limit).execute()).map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: parseStored(roleSchema, r.role, { table: 'app_user', column: 'role', id: r.id }),
    isLead: r.is_lead,
    phone: r.phone,
    status: r.status,
    createdAt: r.created_at,
  }));
};
