import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let nurse: Agent;
let social: Agent;
let psychologist: Agent;
let family: Agent;
let patientId: string;

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.login('nurse');
  social = await t.login('social_worker');
  psychologist = await t.login('psychologist');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

describe('support referrals', () => {
  it('a social work referral carries the routing checklist, worked item by item', async () => {
    const res = await nurse.post(`/api/v1/patients/${patientId}/support-referrals`, {
      discipline: 'social_worker',
      reason: 'Нужна помощь с оформлением инвалидности и транспортом',
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.routing.map((r: { item: string }) => r.item)).toEqual([
      'documents_paperwork',
      'disability_benefits',
      'equipment_other_sources',
      'transport',
      'home_help',
      'other_services',
    ]);
    const base = `/api/v1/patients/${patientId}/support-referrals/${res.body.id}`;
    // only the social worker works a social work referral
    expect((await psychologist.patch(`${base}/routing/transport`, { status: 'done' })).status).toBe(403);
    expect((await nurse.patch(`${base}/routing/transport`, { status: 'done' })).status).toBe(403);
    const item = await social.patch(`${base}/routing/disability_benefits`, {
      status: 'in_progress',
      note: 'Документы в МРЭК',
    });
    expect(item.status, item.raw).toBe(200);
    expect(item.body.routing[1]).toMatchObject({
      status: 'in_progress',
      note: 'Документы в МРЭК',
      updatedByName: 'Галина Макарова',
    });
    expect((await social.patch(`${base}/routing/nonsense`, { status: 'done' })).status).toBe(400);
    const note = await social.post(`${base}/notes`, { text: 'Позвонила дочери, договорились о визите' });
    expect(note.body.notes).toHaveLength(1);
    expect(note.body.status).toBe('open');
    expect((await social.patch(base, { status: 'closed' })).status).toBe(400);
    const closed = await social.patch(base, { status: 'closed', outcome: 'Оформлено' });
    expect(closed.body.status).toBe('closed');
    expect((await social.post(`${base}/notes`, { text: 'ещё' })).status).toBe(200);
    expect((await social.patch(base, { status: 'open' })).status).toBe(409);
  });

  it('lists the inbox by discipline; the family cannot see referrals', async () => {
    await nurse.post(`/api/v1/patients/${patientId}/support-referrals`, {
      discipline: 'chaplain',
      reason: 'Просит священника',
    });
    const chaplain = await t.login('chaplain');
    const inbox = await chaplain.get('/api/v1/support/referrals?discipline=chaplain');
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0].patientId).toBe(patientId);
    expect((await family.get(`/api/v1/patients/${patientId}/support-referrals`)).status).toBe(403);
    expect((await family.get('/api/v1/support/referrals')).status).toBe(403);
  });
});
