import type { Conn } from '../db/conn.ts';
import * as repo from '../features/programmes/programmes.repository.ts';
import type { DemoContext } from './clinical-watch.ts';
import type { Random } from './random.ts';

const day = 24 * 3600_000;

/**
 * The children's programmes' past, for the Reports measures (the rest of the demo holds only the
 * coming sessions): last summer's two camp shifts, full, with children left on the waiting list;
 * a friends' club meeting a month for five months with some of the service's children; and
 * clown-doctor visits done. Clown visits only in a stable or deteriorating phase: never in the
 * terminal phase (the programmes rule). Titles avoid "Смена N", which names the coming shifts.
 */
export async function seedProgrammeHistory(trx: Conn, rnd: Random, ctx: DemoContext, children: string[]) {
  const { orgId, now } = ctx;
  const by = ctx.userIds['volunteer-coordinator']!;
  const programmeOf = async (kind: 'summer_camp' | 'friends_club') =>
    (
      await trx
        .selectFrom('programme')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow()
    ).id;
  const session = async (
    programmeId: string,
    title: string,
    starts: Date,
    hours: number,
    place: string,
    capacity: number,
  ) => {
    const id = rnd.uuid();
    await repo.insertSession(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      title,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + hours * 3600_000),
      place,
      capacity,
      family_capacity: capacity + 2,
      created_at: new Date(starts.getTime() - 60 * day),
    });
    return id;
  };

  const camp = await programmeOf('summer_camp');
  for (const [s, title] of ['Июльский заезд', 'Августовский заезд'].entries()) {
    const starts = new Date(now.getTime() - (150 - s * 30) * day);
    const id = await session(camp, title, starts, 24 * 9, 'Нарочь, оздоровительный центр', 4);
    // four places taken, the next two children wait (queue 5 and 6)
    for (const [q, patientId] of children.slice(s, s + 6).entries())
      await repo.insertApplication(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        session_id: id,
        patient_id: patientId,
        family_members: rnd.int(1, 2),
        queue_no: q + 1,
        status: q < 4 ? 'accepted' : 'waitlisted',
        notes: null,
        applied_by: by,
        applied_at: new Date(starts.getTime() - (40 - q) * day),
        updated_at: new Date(starts.getTime() - 20 * day),
      });
  }

  const names = await trx
    .selectFrom('patient')
    .select(['id', 'first_name', 'last_name'])
    .where('organization_id', '=', orgId)
    .where('id', 'in', children)
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, `${n.first_name} ${n.last_name}`]));
  const club = await programmeOf('friends_club');
  for (let m = 5; m >= 1; m--) {
    const starts = new Date(now.getTime() - m * 30 * day);
    starts.setUTCHours(14, 0, 0, 0);
    const id = await session(club, 'Встреча клуба', starts, 2, 'Минск, ул. Нахимова, д. 4', 12);
    for (const patientId of children.filter(() => rnd.next() < 0.5))
      await repo.insertParticipant(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        session_id: id,
        patient_id: patientId,
        name: nameOf.get(patientId) ?? '',
        added_by: by,
        added_at: starts,
      });
  }

  for (let v = 0; v < 8; v++) {
    const at = new Date(now.getTime() - (12 + v * 17) * day);
    at.setUTCHours(8, 0, 0, 0);
    await repo.insertClownVisit(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      patient_id: children[v % children.length]!,
      scheduled_at: at,
      family_wish: 'welcome',
      phase: v % 4 === 3 ? 'deteriorating' : 'stable',
      phase_source: 'assessment',
      status: 'done',
      notes: null,
      created_by: by,
      created_at: new Date(at.getTime() - 7 * day),
      outcome: 'Мыльные пузыри и песни; ребёнок смеялся',
      closed_at: new Date(at.getTime() + 2 * 3600_000),
      closed_by: by,
    });
  }
}
