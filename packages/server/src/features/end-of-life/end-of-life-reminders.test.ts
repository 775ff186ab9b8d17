import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let nurse: Agent;
let patientId: string;
const dayMs = 86_400_000;

/** Runs the due jobs and returns the psychologist's unread bereavement reminders. */
async function overdueReminders(who = 'psychologist') {
  await t.hearth.jobs.runDue();
  const agent = await t.login(who);
  const list = await agent.get('/api/v1/notifications?limit=100');
  return (list.body.items as { kind: string; body: string }[]).filter(
    (n) => n.kind === 'bereavement.overdue',
  );
}

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.login('nurse');
  const physician = await t.login('physician');
  const family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  await physician.post(`/api/v1/patients/${patientId}/advance-care-plan`, {
    preferredPlaceOfCare: 'home',
    preferredPlaceOfDeath: 'home',
    resuscitation: { decision: 'not_discussed' },
    patientKnowsPrognosis: 'yes',
    familyKnowsPrognosis: 'yes',
    consentToShare: true,
    changeReason: 'Первичная беседа',
  });
  t.advance(3_600_000); // the plan was made before the death
  const base = `/api/v1/patients/${patientId}/death`;
  const death = await nurse.post(base, {
    diedAt: '2026-11-23T12:40:00+03:00',
    place: 'home',
    verifiedBy: 'Мария Соколова, медсестра',
    verifiedAt: '2026-11-23T12:55:00+03:00',
  });
  expect(death.status, death.raw).toBe(201);
  await physician.patch(`${base}/checklist/certification`, { status: 'done' });
  for (const item of ['family_guidance', 'equipment_collection', 'notify_team'])
    await nurse.patch(`${base}/checklist/${item}`, { status: 'done' });
  await nurse.patch(`${base}/checklist/controlled_drug_disposal`, { status: 'not_needed' });
  expect((await nurse.post(`${base}/close`, {})).status).toBe(200);
});
afterAll(async () => t.close());

describe('overdue bereavement contacts', () => {
  it('remind the owner once the due day has passed, and survive a restart', async () => {
    // first contact is due on 30 November (within a week of the death)
    t.advance(6 * dayMs);
    expect(await overdueReminders()).toHaveLength(0);
    await t.restart();
    t.advance(2 * dayMs); // 1 December, 13:00 in Minsk
    const reminders = await overdueReminders();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('2026-11-30');
    // running again the same day sends nothing new
    expect(await overdueReminders()).toHaveLength(1);
  });

  it('a contact recorded in time stops its reminders; a still-open one reminds weekly, then the coordinators', async () => {
    const psychologist = await t.login('psychologist');
    const tasks = (await psychologist.get(`/api/v1/patients/${patientId}/bereavement`)).body as {
      id: string;
      kind: string;
    }[];
    const first = tasks.find((x) => x.kind === 'first_contact')!;
    const done = await psychologist.post(`/api/v1/patients/${patientId}/bereavement/${first.id}/complete`, {
      outcome: 'Позвонила дочери, договорились о встрече',
      completedOn: '2026-12-01',
    });
    expect(done.status, done.raw).toBe(200);
    // 8 December: the risk assessment (due 7 December) is now overdue; first contact is done
    t.advance(7 * dayMs);
    const reminders = await overdueReminders();
    expect(reminders).toHaveLength(2);
    expect(reminders.filter((r) => r.body.includes('2026-12-07'))).toHaveLength(1);
    const coordinatorBefore = await overdueReminders('coordinator');
    expect(coordinatorBefore).toHaveLength(0);
    // a week later the risk assessment is still open: the owner again, and the coordinators' lead
    t.advance(7 * dayMs);
    expect((await overdueReminders()).filter((r) => r.body.includes('2026-12-07'))).toHaveLength(2);
    expect((await overdueReminders('coordinator')).length).toBeGreaterThan(0);
  });

  it('follow the contact to its new owner after a reassignment', async () => {
    const coordinator = await t.login('coordinator');
    const social = await t.login('social_worker');
    const tasks = (await coordinator.get(`/api/v1/patients/${patientId}/bereavement`)).body as {
      id: string;
      kind: string;
    }[];
    const sixWeeks = tasks.find((x) => x.kind === 'contact_6_weeks')!; // due 4 January
    const res = await coordinator.patch(`/api/v1/patients/${patientId}/bereavement/${sixWeeks.id}`, {
      ownerId: social.userId,
    });
    expect(res.status, res.raw).toBe(200);
    t.advance(21 * dayMs); // 5 January
    const due = (r: { body: string }) => r.body.includes('2027-01-04');
    expect((await overdueReminders('social_worker')).filter(due)).toHaveLength(1);
    expect((await overdueReminders('psychologist')).filter(due)).toHaveLength(0);
  });
});

describe('end-of-life measures', () => {
  it('count deaths in the preferred place and with a plan before death', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.get('/api/v1/end-of-life/measures?from=2026-11-01&to=2026-11-30');
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({
      deaths: 1,
      preferredPlaceKnown: 1,
      inPreferredPlace: 1,
      withPlanBeforeDeath: 1,
    });
    expect(res.body.overdueBereavementTasks).toBeGreaterThan(0);
    const before = await coordinator.get('/api/v1/end-of-life/measures?from=2026-10-01&to=2026-10-31');
    expect(before.body.deaths).toBe(0);
    expect((await coordinator.get('/api/v1/end-of-life/measures?from=2026-12-01&to=2026-11-01')).status).toBe(
      400,
    );
    const family = await t.login('family');
    expect((await family.get('/api/v1/end-of-life/measures')).status).toBe(403);
  });
});

describe('demo data', () => {
  it('holds past deaths with their bereavement contacts recorded up to today', async () => {
    const coordinator = await t.login('coordinator');
    const year = await coordinator.get('/api/v1/end-of-life/measures?from=2025-10-01&to=2026-10-31');
    expect(year.body.deaths).toBeGreaterThan(0);
    expect(year.body.withPlanBeforeDeath).toBe(year.body.deaths);
    const done = await coordinator.get('/api/v1/bereavement/tasks?status=done&limit=200');
    expect(done.body.items.length).toBeGreaterThan(0);
  });
});
