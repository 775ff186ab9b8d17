import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

/**
 * Every path that changes a patient's status or level of care goes through the episode service:
 * the level-of-care move, the bare status change, the death record and the commission. Each case
 * checks what the change did to visits, reminders, loans, notifications and the portal.
 */
let t: TestApp;
let coordinator: Agent;
let nurse: Agent;
let physician: Agent;
let family: Agent;
let familyPatient: string;
let others: string[];

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  nurse = await t.login('nurse');
  physician = await t.login('physician');
  family = await t.login('family');
  familyPatient = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const list = await coordinator.get('/api/v1/patients?status=active&limit=20');
  others = list.body.items.map((p: { id: string }) => p.id).filter((id: string) => id !== familyPatient);
});
afterAll(async () => t.close());

/** A visit two days ahead, scheduled with the nurse; returns its id. */
async function futureVisit(patientId: string, date = '2026-11-25') {
  const req = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
    discipline: 'nurse',
    date,
    reason: 'Перевязка',
  });
  expect(req.status, req.raw).toBe(201);
  const sch = await coordinator.post(`/api/v1/visits/${req.body.id}/schedule`, {
    staffId: nurse.userId,
    date,
    start: '10:00',
  });
  expect(sch.status, sch.raw).toBe(200);
  return req.body.id as string;
}

const statusOf = async (visitId: string) => (await coordinator.get(`/api/v1/visits/${visitId}`)).body.status;
const episode = async (who: Agent, patientId: string) => {
  const res = await who.get(`/api/v1/patients/${patientId}/episode`);
  expect(res.status, res.raw).toBe(200);
  return res.body;
};
const kinds = async (who: Agent) =>
  (await who.get('/api/v1/notifications?limit=100')).body.items.map((n: { kind: string }) => n.kind);

const pendingJobs = async (patientId: string, kind: string) =>
  (
    await t.database.db
      .selectFrom('job')
      .select('payload')
      .where('status', '=', 'pending')
      .where('kind', '=', kind)
      .execute()
  ).filter((j) => (j.payload as { patientId?: unknown }).patientId === patientId).length;

describe('away from home and back', () => {
  it('a move to hospital holds future home visits with the reason, tells staff and family, and the board shows them apart', async () => {
    const visit = await futureVisit(familyPatient);
    const move = await coordinator.post(`/api/v1/patients/${familyPatient}/care-level`, {
      to: 'hospital',
      movedOn: '2026-11-23',
      reason: 'Госпитализация: пневмония',
    });
    expect(move.status).toBe(201);
    expect(await statusOf(visit)).toBe('on_hold');
    const ep = await episode(coordinator, familyPatient);
    expect(ep).toMatchObject({
      status: 'inpatient',
      careSetting: 'hospital',
      awayFromHome: true,
      restoreOffered: false,
    });
    expect(ep.lastEffects).toEqual(['hold_home_visits', 'notify_team', 'notify_family']);
    expect(ep.heldVisits.find((v: { id: string }) => v.id === visit)).toMatchObject({
      date: '2026-11-25',
      reason: 'Госпитализация: пневмония',
    });
    expect(await kinds(nurse)).toContain('episode.away');
    expect(await kinds(family)).toContain('episode.family-away');
    const board = await coordinator.get('/api/v1/dispatch/board?date=2026-11-25');
    expect(board.status, board.raw).toBe(200);
    expect(board.body.held.map((h: { visitId: string }) => h.visitId)).toContain(visit);
    const onRoutes = board.body.routes.flatMap((r: { stops: { visitId: string }[] }) =>
      r.stops.map((s) => s.visitId),
    );
    expect(onRoutes).not.toContain(visit);
    // the family sees the same held visit through its own gate
    expect((await episode(family, familyPatient)).heldVisits).toHaveLength(ep.heldVisits.length);
  });

  it('restoring is refused while the patient is away, then offered back home and brings the chosen visits back', async () => {
    const held = (await episode(coordinator, familyPatient)).heldVisits.map((v: { id: string }) => v.id);
    const early = await coordinator.post(`/api/v1/patients/${familyPatient}/episode/restore-visits`, {
      visitIds: held,
    });
    expect(early.status).toBe(409);
    const home = await coordinator.post(`/api/v1/patients/${familyPatient}/care-level`, {
      to: 'home',
      movedOn: '2026-11-24',
      reason: 'Выписана домой',
    });
    expect(home.status).toBe(201);
    const ep = await episode(coordinator, familyPatient);
    expect(ep).toMatchObject({ status: 'active', careSetting: 'home', restoreOffered: true });
    expect(ep.lastEffects).toEqual(['offer_restore_visits', 'notify_team', 'notify_family']);
    // only the care team's coordinator restores; a stranger id is refused and changes nothing
    expect(
      (await family.post(`/api/v1/patients/${familyPatient}/episode/restore-visits`, { visitIds: held }))
        .status,
    ).toBe(403);
    const bad = await coordinator.post(`/api/v1/patients/${familyPatient}/episode/restore-visits`, {
      visitIds: [...held, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(await statusOf(held[0])).toBe('on_hold');
    const [keep, ...drop] = held;
    const done = await coordinator.post(`/api/v1/patients/${familyPatient}/episode/restore-visits`, {
      visitIds: [keep],
    });
    expect(done.status, done.raw).toBe(200);
    expect(done.body).toMatchObject({ heldVisits: [], restoreOffered: false });
    expect(await statusOf(keep)).toBe('scheduled');
    for (const id of drop) expect(await statusOf(id)).toBe('cancelled');
  });

  it('a bare status change to inpatient and back takes the same path (hospital, then home)', async () => {
    const patientId = others[0]!;
    const visit = await futureVisit(patientId);
    const res = await coordinator.post(`/api/v1/patients/${patientId}/status`, {
      status: 'inpatient',
      reason: 'Скорая увезла',
    });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ status: 'inpatient', careSetting: 'hospital' });
    expect(await statusOf(visit)).toBe('on_hold');
    const back = await coordinator.post(`/api/v1/patients/${patientId}/status`, {
      status: 'active',
      reason: 'Вернулся',
    });
    expect(back.body).toMatchObject({ status: 'active', careSetting: 'home' });
    expect((await episode(coordinator, patientId)).restoreOffered).toBe(true);
  });

  it('respite holds visits too, though the patient stays in active care', async () => {
    const patientId = others[1]!;
    const visit = await futureVisit(patientId);
    await coordinator.post(`/api/v1/patients/${patientId}/care-level`, {
      to: 'respite',
      movedOn: '2026-11-23',
      reason: 'Передышка для семьи на неделю',
    });
    expect(await statusOf(visit)).toBe('on_hold');
    expect(await episode(coordinator, patientId)).toMatchObject({ status: 'active', awayFromHome: true });
  });
});

describe('discharge', () => {
  it('cancels visits, stops medicine and screening reminders, and marks loans for collection', async () => {
    const patientId = others[2]!;
    const visit = await futureVisit(patientId);
    const loan = await coordinator.post(`/api/v1/patients/${patientId}/equipment-loans`, {
      kind: 'commode',
      reason: 'Не может дойти до туалета',
    });
    expect(loan.status, loan.raw).toBe(201);
    const res = await coordinator.post(`/api/v1/patients/${patientId}/status`, {
      status: 'discharged',
      reason: 'Переезд к родственникам в другой город',
    });
    expect(res.status, res.raw).toBe(200);
    expect(await statusOf(visit)).toBe('cancelled');
    expect(await pendingJobs(patientId, 'medicines.dose-due')).toBe(0);
    expect(await pendingJobs(patientId, 'caregivers.burden-due')).toBe(0);
    // a loan not yet delivered is cancelled rather than collected
    const loans = (await coordinator.get(`/api/v1/patients/${patientId}/equipment-loans`)).body;
    expect(loans.find((l: { id: string }) => l.id === loan.body.id).status).toBe('cancelled');
    expect((await episode(coordinator, patientId)).lastEffects).toContain('mark_loans_for_collection');
  });
});

describe('death', () => {
  const death = {
    diedAt: '2026-11-23T03:40:00+03:00',
    verifiedBy: 'Мария Соколова, медсестра',
    verifiedAt: '2026-11-23T05:10:00+03:00',
  };

  it('at home: visits cancelled, reminders stopped, loans to collect, the portal turns to bereavement and its controls close', async () => {
    const visit = await futureVisit(familyPatient, '2026-11-26');
    expect(await pendingJobs(familyPatient, 'medicines.dose-due')).toBeGreaterThanOrEqual(0);
    const res = await nurse.post(`/api/v1/patients/${familyPatient}/death`, {
      ...death,
      place: 'home',
      familyMessage: 'Мы рядом. Позвоните нам в любое время.',
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.checklist.map((c: { item: string }) => c.item)).toContain('family_guidance');
    expect(await statusOf(visit)).toBe('cancelled');
    expect(await pendingJobs(familyPatient, 'medicines.dose-due')).toBe(0);
    const loans = (await coordinator.get(`/api/v1/patients/${familyPatient}/equipment-loans`)).body as {
      status: string;
      collectionRequestedAt: string | null;
    }[];
    const atHome = loans.filter((l) => l.status === 'delivered' || l.status === 'in_use');
    expect(atHome.length).toBeGreaterThan(0);
    for (const l of atHome) expect(l.collectionRequestedAt).not.toBeNull();
    expect(await kinds(await t.login('equipment_manager'))).toContain('episode.collect-equipment');
    const ep = await episode(family, familyPatient);
    expect(ep.bereavement).toEqual({
      diedOn: '2026-11-23',
      place: 'home',
      teamMessage: 'Мы рядом. Позвоните нам в любое время.',
    });
    expect(ep.lastEffects).toEqual(expect.arrayContaining(['stop_diary_prompts', 'bereavement_view']));
    const diary = await family.post(`/api/v1/patients/${familyPatient}/diary`, { pain: 2 });
    expect([400, 409]).toContain(diary.status);
    const rx = (await physician.get(`/api/v1/patients/${familyPatient}/prescriptions`)).body[0];
    if (rx) {
      const dose = await family.post(`/api/v1/patients/${familyPatient}/administrations`, {
        prescriptionId: rx.id,
        dose: rx.dose,
        givenAt: '2026-11-23T08:00:00Z',
      });
      expect([400, 409]).toContain(dose.status);
    }
  });

  it('in the hospice: no "at home after the death" checklist; that item cannot be ticked', async () => {
    const patientId = others[3]!;
    await coordinator.post(`/api/v1/patients/${patientId}/care-level`, {
      to: 'inpatient_hospice',
      movedOn: '2026-11-20',
      reason: 'Неконтролируемая боль',
    });
    const res = await physician.post(`/api/v1/patients/${patientId}/death`, {
      ...death,
      place: 'inpatient_hospice',
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.checklist.map((c: { item: string }) => c.item)).toEqual([
      'equipment_collection',
      'controlled_drug_disposal',
      'notify_team',
    ]);
    const tick = await physician.patch(`/api/v1/patients/${patientId}/death/checklist/family_guidance`, {
      status: 'done',
    });
    expect(tick.status).toBe(409);
  });
});

describe('bereavement list filters', () => {
  it('filters by owner, due period and status, and refuses a period that ends before it starts', async () => {
    const psychologist = await t.login('psychologist');
    for (const patientId of [familyPatient, others[3]!]) {
      const death = (await physician.get(`/api/v1/patients/${patientId}/death`)).body;
      for (const c of death.checklist)
        await physician.patch(`/api/v1/patients/${patientId}/death/checklist/${c.item}`, {
          status: 'done',
          // disposal is witnessed by a second member of staff confirming with their own account
          ...(c.item === 'controlled_drug_disposal'
            ? { witness: { email: 'nurse@demo.hearth.local', password: demoPassword } }
            : {}),
        });
      const closed = await physician.post(`/api/v1/patients/${patientId}/death/close`, {});
      expect(closed.status, closed.raw).toBe(200);
    }
    type Task = {
      id: string;
      patientId: string;
      kind: string;
      dueOn: string;
      ownerId: string;
      status: string;
    };
    const all: Task[] = (await psychologist.get('/api/v1/bereavement/tasks?status=all&limit=200')).body.items;
    const ids = (xs: Task[]) => xs.map((x) => x.id).sort();
    expect(all.filter((x) => x.patientId === familyPatient)).toHaveLength(6);
    const week: Task[] = (
      await psychologist.get('/api/v1/bereavement/tasks?dueFrom=2026-11-23&dueBy=2026-11-30')
    ).body.items;
    expect(ids(week)).toEqual(
      ids(all.filter((x) => x.status === 'open' && x.dueOn >= '2026-11-23' && x.dueOn <= '2026-11-30')),
    );
    expect(week.filter((x) => x.patientId === familyPatient).map((x) => x.kind)).toEqual(['first_contact']);
    const owner = all.find((x) => x.patientId === familyPatient)!.ownerId;
    const theirs: Task[] = (
      await psychologist.get(`/api/v1/bereavement/tasks?ownerId=${owner}&status=all&limit=200`)
    ).body.items;
    expect(ids(theirs)).toEqual(ids(all.filter((x) => x.ownerId === owner)));
    const done: Task[] = (await psychologist.get('/api/v1/bereavement/tasks?status=done&limit=200')).body
      .items;
    expect(ids(done)).toEqual(ids(all.filter((x) => x.status === 'done')));
    const bad = await psychologist.get('/api/v1/bereavement/tasks?dueFrom=2027-01-01&dueBy=2026-12-01');
    expect(bad.status).toBe(400);
  });
});
