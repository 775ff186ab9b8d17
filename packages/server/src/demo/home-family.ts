import type { Conn } from '../db/conn.ts';
import * as caregivers from '../features/caregivers/caregivers.repository.ts';
import { scheduleDueBack, scheduleMaintenance } from '../features/equipment/equipment.jobs.ts';
import * as equipment from '../features/equipment/equipment.repository.ts';
import * as safety from '../features/home-safety/home-safety.repository.ts';
import { localDate } from '../platform/time.ts';
import type { Random } from './random.ts';

export interface HomeFamilySeed {
  orgId: string;
  rnd: Random;
  now: Date;
  userIds: Partial<Record<string, string>>;
  /** patientIds[0] is the patient the demo family member is linked to. */
  patientIds: string[];
}

const store: { kind: string; name: string; count: number }[] = [
  { kind: 'pressure_mattress', name: 'Противопролежневый матрас (ячеистый)', count: 8 },
  { kind: 'pressure_cushion', name: 'Противопролежневая подушка', count: 5 },
  { kind: 'functional_bed', name: 'Функциональная кровать', count: 6 },
  { kind: 'oxygen_concentrator', name: 'Кислородный концентратор 5 л/мин', count: 4 },
  { kind: 'enteral_pump', name: 'Помпа для энтерального питания', count: 2 },
  { kind: 'suction', name: 'Аспиратор', count: 3 },
  { kind: 'wheelchair', name: 'Кресло-коляска', count: 4 },
  { kind: 'commode', name: 'Кресло-туалет', count: 3 },
];

const isoDay = (d: Date, plusDays = 0) =>
  new Date(d.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo equipment store and loans, and a home safety check for the family's patient, so the
 * equipment board and the family portal have something to show. Deterministic from `rnd`.
 */
export async function seedHomeFamily(trx: Conn, s: HomeFamilySeed) {
  const { orgId, rnd, now, userIds, patientIds } = s;
  const items: { id: string; kind: string }[] = [];
  let serial = 1000;
  for (const group of store) {
    for (let i = 0; i < group.count; i++) {
      const id = rnd.uuid();
      items.push({ id, kind: group.kind });
      // drawn in the same order as before, so the demo data stays the same
      const condition = rnd.pick(['new', 'good', 'good', 'fair'] as const);
      const maintenanceDueOn = i === 0 ? isoDay(now, -3) : isoDay(now, rnd.int(20, 300));
      await equipment.insertItem(trx, {
        id,
        organization_id: orgId,
        kind: group.kind,
        name: group.name,
        serial_number: `HE-${group.kind.slice(0, 3).toUpperCase()}-${serial++}`,
        condition,
        status: 'available',
        maintenance_due_on: maintenanceDueOn,
        notes: null,
        created_at: now,
        updated_at: now,
      });
      await scheduleMaintenance(trx, orgId, id, maintenanceDueOn, now);
    }
  }
  const nurse = userIds.nurse!;
  const manager = userIds['equipment-manager']!;
  const lend = async (
    patientId: string,
    kind: string,
    status: 'requested' | 'in_use',
    daysAgo: number,
    /** Lent for a month: the older loans are due back, so the store's board and reminders show some. */
    forAMonth = false,
  ) => {
    const item = items.find((i) => i.kind === kind && !lent.has(i.id))!;
    if (status !== 'requested') lent.add(item.id);
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    const loanId = rnd.uuid();
    const expectedReturnOn = forAMonth ? isoDay(at, 30) : null;
    await equipment.insertLoan(trx, {
      id: loanId,
      organization_id: orgId,
      patient_id: patientId,
      kind,
      item_id: status === 'requested' ? null : item.id,
      status,
      reason: 'Лежачий пациент, риск пролежней',
      requested_by: nurse,
      requested_at: at,
      expected_return_on: expectedReturnOn,
      delivered_on: status === 'requested' ? null : isoDay(at, 1),
      delivered_by: status === 'requested' ? null : 'Михаил Козлов',
      delivery_recorded_by: status === 'requested' ? null : manager,
      oxygen_safety_check_id: null,
      in_use_at: status === 'in_use' ? new Date(at.getTime() + 86_400_000) : null,
      collected_on: null,
      collected_by: null,
      cleaned_at: null,
      cleaned_by: null,
      updated_at: now,
    });
    if (status !== 'requested')
      await equipment.updateItem(trx, orgId, item.id, { status: 'on_loan', updated_at: now });
    if (expectedReturnOn) await scheduleDueBack(trx, orgId, loanId, expectedReturnOn, now);
  };
  const lent = new Set<string>();
  const familyPatient = patientIds[0]!;
  await lend(familyPatient, 'pressure_mattress', 'in_use', 20);
  await lend(familyPatient, 'functional_bed', 'in_use', 20);
  // two of each kind on loan, so the store always has some of each left to lend
  const lentKinds = ['pressure_mattress', 'wheelchair', 'commode'];
  for (const [i, p] of patientIds.slice(10, 16).entries())
    await lend(p, lentKinds[i % lentKinds.length]!, 'in_use', rnd.int(3, 60), true);
  await lend(patientIds[2]!, 'oxygen_concentrator', 'requested', 1);

  const checkId = rnd.uuid();
  await safety.insertCheck(trx, orgId, {
    id: checkId,
    patientId: familyPatient,
    occasion: 'first_visit',
    checkedOn: isoDay(now, -20),
    checkedBy: nurse,
    items: [
      { key: 'bed_both_sides', answer: 'met', note: null },
      { key: 'supplies_within_reach', answer: 'met', note: null },
      { key: 'medicines_stored_safely', answer: 'met', note: null },
      { key: 'pressure_mattress', answer: 'met', note: null },
      { key: 'turning_schedule', answer: 'met', note: 'каждые 2 часа днём' },
      { key: 'lighting', answer: 'unmet', note: 'нет ночника' },
      { key: 'falls_floor_clear', answer: 'unmet', note: 'ковёр у кровати' },
      { key: 'falls_bathroom', answer: 'met', note: null },
    ],
    createdAt: new Date(now.getTime() - 20 * 86_400_000),
  });
  await safety.insertActions(trx, orgId, [
    {
      id: rnd.uuid(),
      patientId: familyPatient,
      checkId: checkId,
      itemKey: 'lighting',
      description: 'Поставить ночник у кровати',
      ownerName: 'Анна Ковалёва',
      ownerUserId: userIds.family ?? null,
      dueOn: isoDay(now, 2),
      status: 'open',
      doneAt: null,
      doneBy: null,
      createdAt: now,
    },
    {
      id: rnd.uuid(),
      patientId: familyPatient,
      checkId: checkId,
      itemKey: 'falls_floor_clear',
      description: 'Убрать ковёр у кровати',
      ownerName: 'Анна Ковалёва',
      ownerUserId: userIds.family ?? null,
      dueOn: isoDay(now, -10),
      status: 'done',
      doneAt: new Date(now.getTime() - 15 * 86_400_000),
      doneBy: userIds.family ?? null,
      createdAt: now,
    },
  ]);

  // the family's duty roster: today and tomorrow (the demo service is in Europe/Minsk)
  const today = localDate(now, 'Europe/Minsk');
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const shifts = [
    {
      date: today,
      slot: 'day' as const,
      person: 'Анна Ковалёва',
      tasks: 'обед, лекарства в 14:00, повернуть каждые 2 часа',
    },
    { date: today, slot: 'night' as const, person: 'Сергей Ковалёв', tasks: null },
    { date: tomorrow, slot: 'all_day' as const, person: 'Ольга Ковалёва', tasks: null },
  ];
  for (const sh of shifts)
    await caregivers.insertShift(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      patient_id: familyPatient,
      date: sh.date,
      slot: sh.slot,
      person_name: sh.person,
      family_user_id: sh.person === 'Анна Ковалёва' ? (userIds.family ?? null) : null,
      tasks: sh.tasks,
      created_by: userIds.family ?? nurse,
      created_at: now,
      cancelled_at: null,
      cancelled_by: null,
    });
}
