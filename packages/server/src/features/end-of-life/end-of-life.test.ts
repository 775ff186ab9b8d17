import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let physician: Agent;
let nurse: Agent;
let psychologist: Agent;
let coordinator: Agent;
let patientId: string;

beforeAll(async () => {
  t = await createTestApp();
  physician = await t.login('physician');
  nurse = await t.login('nurse');
  psychologist = await t.login('psychologist');
  coordinator = await t.login('coordinator');
  const family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  await physician.post(`/api/v1/patients/${patientId}/advance-care-plan`, {
    preferredPlaceOfCare: 'home',
    preferredPlaceOfDeath: 'home',
    resuscitation: { decision: 'do_not_attempt_cpr', decidedOn: '2026-11-01', formLocation: 'У кровати' },
    patientKnowsPrognosis: 'yes',
    familyKnowsPrognosis: 'yes',
    consentToShare: true,
    changeReason: 'Первичная беседа',
  });
});
afterAll(async () => t.close());

const death = {
  diedAt: '2026-11-23T03:40:00+03:00',
  place: 'home',
  verifiedBy: 'Мария Соколова, медсестра',
  verifiedAt: '2026-11-23T05:10:00+03:00',
};

describe('death record', () => {
  it('refuses a death for a discharged patient', async () => {
    const list = await coordinator.get('/api/v1/patients?status=active&limit=10');
    const other = list.body.items.find((p: { id: string }) => p.id !== patientId);
    const res = await coordinator.post(`/api/v1/patients/${other.id}/status`, {
      status: 'discharged',
      reason: 'Выписан по просьбе семьи',
    });
    expect(res.status, res.raw).toBe(200);
    const refused = await physician.post(`/api/v1/patients/${other.id}/death`, death);
    expect(refused.status).toBe(409);
    expect((await physician.get(`/api/v1/patients/${other.id}`)).body.status).toBe('discharged');
  });

  it('records time, place, preferred place and verifier; the patient becomes deceased', async () => {
    expect(
      (
        await physician.post(`/api/v1/patients/${patientId}/death`, {
          ...death,
          diedAt: '2027-01-01T00:00:00Z',
        })
      ).status,
    ).toBe(400);
    const res = await nurse.post(`/api/v1/patients/${patientId}/death`, death);
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({
      place: 'home',
      preferredPlace: 'home',
      inPreferredPlace: true,
      verifiedBy: death.verifiedBy,
    });
    expect(res.body.checklist.map((c: { item: string }) => c.item)).toEqual([
      'certification',
      'family_guidance',
      'equipment_collection',
      'controlled_drug_disposal',
      'notify_team',
    ]);
    expect((await physician.get(`/api/v1/patients/${patientId}`)).body.status).toBe('deceased');
    expect((await physician.post(`/api/v1/patients/${patientId}/death`, death)).status).toBe(409);
    // the family's equipment is now due back on the manager's board
    const manager = await t.login('equipment_manager');
    const board = await manager.get('/api/v1/equipment/overview');
    expect(board.body.dueBack.some((l: { patientId: string }) => l.patientId === patientId)).toBe(true);
  });

  it('needs the checklist done before closing; certification by a physician; disposal confirmed by two staff accounts', async () => {
    const base = `/api/v1/patients/${patientId}/death`;
    expect((await nurse.post(`${base}/close`, {})).status).toBe(409);
    // issue 13: a nurse (or a psychologist) cannot tick the death certification; the physician does
    expect((await nurse.patch(`${base}/checklist/certification`, { status: 'done' })).status).toBe(403);
    expect((await psychologist.patch(`${base}/checklist/certification`, { status: 'done' })).status).toBe(
      403,
    );
    expect((await physician.patch(`${base}/checklist/certification`, { status: 'done' })).status).toBe(200);
    for (const item of ['family_guidance', 'equipment_collection', 'notify_team'])
      expect((await nurse.patch(`${base}/checklist/${item}`, { status: 'done' })).status).toBe(200);
    // typed names are no witness; a psychologist does not dispose of controlled drugs
    const typed = await nurse.patch(`${base}/checklist/controlled_drug_disposal`, {
      status: 'done',
      witnesses: ['Мария Соколова', 'Анна Ковалёва'],
    });
    expect(typed.status).toBe(400);
    const witness = { email: 'physician@demo.hearth.local', password: demoPassword };
    expect(
      (await psychologist.patch(`${base}/checklist/controlled_drug_disposal`, { status: 'done', witness }))
        .status,
    ).toBe(403);
    const self = await nurse.patch(`${base}/checklist/controlled_drug_disposal`, {
      status: 'done',
      witness: { email: 'nurse@demo.hearth.local', password: demoPassword },
    });
    expect(self.status).toBe(400);
    const wrong = await nurse.patch(`${base}/checklist/controlled_drug_disposal`, {
      status: 'done',
      witness: { ...witness, password: 'wrong-password' },
    });
    expect(wrong.status).toBe(400);
    const two = await nurse.patch(`${base}/checklist/controlled_drug_disposal`, {
      status: 'done',
      witness,
      note: 'Морфин 10 мг — 6 ампул уничтожены',
    });
    expect(two.status, two.raw).toBe(200);
    expect(two.body.checklist[3].status).toBe('done');
    expect(two.body.checklist[3].witnesses).toHaveLength(2);

    const closed = await nurse.post(`${base}/close`, {});
    expect(closed.status, closed.raw).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    expect((await nurse.post(`${base}/close`, {})).status).toBe(409);
  });

  it('opens the bereavement programme: first contact within a week, risk, 6 weeks, 3, 6 and 13 months', async () => {
    const tasks = await psychologist.get(`/api/v1/patients/${patientId}/bereavement`);
    expect(tasks.body.map((x: { kind: string; dueOn: string }) => [x.kind, x.dueOn])).toEqual([
      ['first_contact', '2026-11-30'],
      ['risk_assessment', '2026-12-07'],
      ['contact_6_weeks', '2027-01-04'],
      ['contact_3_months', '2027-02-23'],
      ['contact_6_months', '2027-05-23'],
      ['contact_13_months', '2027-12-23'],
    ]);
    expect(tasks.body[0].ownerName).toBe('Татьяна Павлова');
    const view = await psychologist.get('/api/v1/bereavement/tasks?dueBy=2026-12-31');
    expect(view.body.items.map((x: { kind: string }) => x.kind)).toEqual([
      'first_contact',
      'risk_assessment',
    ]);
    expect(view.body.items[0].familyContacts.length).toBeGreaterThan(0);

    const risk = tasks.body[1];
    const url = `/api/v1/patients/${patientId}/bereavement/${risk.id}/complete`;
    expect(
      (await psychologist.post(url, { outcome: 'Беседа с дочерью', completedOn: '2026-12-01' })).status,
    ).toBe(400);
    const done = await psychologist.post(url, {
      outcome: 'Беседа с дочерью',
      completedOn: '2026-12-01',
      riskLevel: 'high',
    });
    expect(done.status, done.raw).toBe(200);
    expect(done.body[1]).toMatchObject({ status: 'done', riskLevel: 'high' });
    const referrals = await psychologist.get('/api/v1/support/referrals?discipline=psychologist');
    expect(
      referrals.body.items.some(
        (r: { source: string; patientId: string }) => r.source === 'bereavement' && r.patientId === patientId,
      ),
    ).toBe(true);
    expect(
      (await psychologist.post(url, { outcome: 'x y', completedOn: '2026-12-01', riskLevel: 'low' })).status,
    ).toBe(409);

    t.advance(10 * 86_400_000);
    psychologist = await t.login('psychologist');
    const later = await psychologist.get('/api/v1/bereavement/tasks?mine=true');
    expect(later.body.items[0]).toMatchObject({ kind: 'first_contact', overdue: true });
  });

  it('hands one contact to another member of the support team, audited; refuses strangers', async () => {
    const tasks = (await psychologist.get(`/api/v1/patients/${patientId}/bereavement`)).body;
    const task = tasks.find((x: { kind: string }) => x.kind === 'contact_6_weeks');
    const url = `/api/v1/patients/${patientId}/bereavement/${task.id}`;
    coordinator = await t.login('coordinator'); // sessions lapsed over the ten days above
    physician = await t.login('physician');
    const social = await t.login('social_worker');
    const family = await t.login('family');
    // unknown user, a physician (not the support team), a family member as owner: refused, nothing changes
    for (const ownerId of ['00000000-0000-4000-8000-000000000000', physician.userId, family.userId])
      expect((await coordinator.patch(url, { ownerId })).status).toBe(400);
    // the family and a role without bereavement work may not reassign
    expect([403, 404]).toContain((await family.patch(url, { ownerId: social.userId })).status);
    const manager = await t.login('equipment_manager');
    expect([403, 404]).toContain((await manager.patch(url, { ownerId: social.userId })).status);
    // an unknown task of this patient
    expect(
      (
        await coordinator.patch(
          `/api/v1/patients/${patientId}/bereavement/00000000-0000-4000-8000-000000000000`,
          {
            ownerId: social.userId,
          },
        )
      ).status,
    ).toBe(404);
    const unchanged = (await psychologist.get(`/api/v1/patients/${patientId}/bereavement`)).body;
    expect(unchanged.find((x: { id: string }) => x.id === task.id).ownerName).toBe('Татьяна Павлова');

    const res = await coordinator.patch(url, { ownerId: social.userId });
    expect(res.status, res.raw).toBe(200);
    const moved = res.body.find((x: { id: string }) => x.id === task.id);
    expect(moved.ownerId).toBe(social.userId);
    // the others stay with the psychologist
    expect(res.body.filter((x: { ownerId: string }) => x.ownerId === social.userId)).toHaveLength(1);
    const mine = await social.get('/api/v1/bereavement/tasks?mine=true');
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(task.id);
    const notes = await social.get('/api/v1/notifications?limit=50');
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'bereavement.reassigned')).toBe(true);
    const admin = await t.login('admin');
    const audit = await admin.get('/api/v1/audit?action=bereavement.reassign');
    expect(audit.status, audit.raw).toBe(200);
    expect(audit.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([task.id]);
    // a recorded contact cannot be handed on
    const risk = tasks.find((x: { kind: string }) => x.kind === 'risk_assessment');
    expect(
      (
        await coordinator.patch(`/api/v1/patients/${patientId}/bereavement/${risk.id}`, {
          ownerId: social.userId,
        })
      ).status,
    ).toBe(409);
  });
});
