import type { Conn } from '../../db/conn.ts';

export const listStaff = (
  db: Conn,
  organizationId: string,
  after: { name: string; id: string } | undefined,
  limit: number,
) => {
  let q = db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'role', 'is_lead', 'phone', 'status', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('role', 'not in', ['family', 'volunteer']);
  if (after) {
    const { name, id } = after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return q.orderBy('name').orderBy('id').limit(limit).execute();
};
