import { zbi12ItemNumbers } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let nurse: Agent;
let family: Agent;
let psychologist: Agent;
let patientId: string;

const answers = (score: number) => Object.fromEntries(zbi12ItemNumbers.map((n) => [`q${n}`, score]));

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.login('nurse');
  family = await t.login('family');
  psychologist = await t.login('psychologist');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  // this organization holds a ZBI licence; the default is the free MCSI (caregiver-screening.test.ts)
  const admin = await t.login('admin');
  expect((await admin.patch('/api/v1/settings', { triage: { caregiverInstrument: 'zbi12' } })).status).toBe(
    200,
  );
});
afterAll(async () => t.close());

describe('caregiver skills', () => {
  it('a nurse signs shown → practised → confident with date and name; out of order is refused', async () => {
    const url = `/api/v1/patients/${patientId}/caregiver-skills`;
    const sign = (level: string, who: Agent = nurse) =>
      who.post(url, {
        caregiverName: 'Анна Ковалёва',
        familyUserId: family.userId,
        skill: 'mouth_care',
        level,
        signedOn: '2026-11-23',
      });
    expect((await sign('practised')).status).toBe(409);
    expect((await sign('shown', family)).status).toBe(403);
    expect((await sign('shown')).status).toBe(201);
    expect((await sign('shown')).status).toBe(409);
    expect((await sign('practised')).status).toBe(201);
    const done = await sign('confident');
    expect(done.status).toBe(201);
    const anna = done.body.caregivers.find(
      (c: { caregiverName: string }) => c.caregiverName === 'Анна Ковалёва',
    );
    expect(anna.skills.find((s: { skill: string }) => s.skill === 'mouth_care')).toMatchObject({
      level: 'confident',
      signedOn: '2026-11-23',
      nurseName: 'Мария Соколова',
    });
    const mine = await family.get(url);
    expect(mine.status).toBe(200);
    expect(mine.body.history).toHaveLength(3);
  });

  it('refuses a family account that is not linked to the patient', async () => {
    const res = await nurse.post(`/api/v1/patients/${patientId}/caregiver-skills`, {
      caregiverName: 'Кто-то',
      familyUserId: nurse.userId,
      skill: 'oxygen',
      level: 'shown',
      signedOn: '2026-11-23',
    });
    expect(res.status).toBe(400);
  });
});

describe('family duty roster', () => {
  it('relatives divide days and nights; the portal shows who is on today', async () => {
    const url = `/api/v1/patients/${patientId}/duty-roster`;
    const today = '2026-11-23';
    const a = await family.post(url, {
      date: today,
      slot: 'day',
      personName: 'Анна',
      tasks: 'обед, лекарства в 14:00',
    });
    expect(a.status, a.raw).toBe(201);
    await family.post(url, { date: today, slot: 'night', personName: 'Сергей' });
    await family.post(url, { date: '2026-11-24', slot: 'all_day', personName: 'Сергей' });
    expect((await family.post(url, { date: today, slot: 'day', personName: 'Анна' })).status).toBe(409);
    expect((await family.post(url, { date: '2026-11-01', slot: 'day', personName: 'Анна' })).status).toBe(
      400,
    );
    const roster = await family.get(url);
    expect(roster.body.today).toBe(today);
    // the demo already has Анна Ковалёва (day) and Сергей Ковалёв (night) on today
    expect(roster.body.onToday.map((s: { personName: string }) => s.personName)).toEqual(
      expect.arrayContaining(['Анна', 'Сергей', 'Анна Ковалёва']),
    );
    const mine = roster.body.shifts.filter((s: { personName: string }) =>
      ['Анна', 'Сергей'].includes(s.personName),
    );
    expect(mine).toHaveLength(3);
    const total = roster.body.shifts.length;
    const cancel = await family.delete(`${url}/${mine[2].id}`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.shifts).toHaveLength(total - 1);
  });
});

describe('caregiver burden (ZBI-12)', () => {
  it('a low score records and sets the next screening four weeks on; no referral', async () => {
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'zbi12',
      caregiverName: 'Анна Ковалёва',
      answers: answers(1),
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.assessments[0]).toMatchObject({ total: 12, max: 48, high: false, referralId: null });
    expect(res.body.nextDueOn).toBe('2026-12-21');
    expect(res.body.due).toBe(false);
  });

  it('refuses an incomplete questionnaire', async () => {
    const { q21: _, ...eleven } = answers(2);
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'zbi12',
      caregiverName: 'Анна Ковалёва',
      answers: eleven,
    });
    expect(res.status).toBe(400);
  });

  it('a high score opens a psychologist referral and offers respite; the psychologist sees it', async () => {
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'zbi12',
      caregiverName: 'Анна Ковалёва',
      answers: answers(3),
      onRequest: true,
    });
    expect(res.status).toBe(201);
    const latest = res.body.assessments[0];
    expect(latest).toMatchObject({ total: 36, high: true, respiteOffered: true });
    expect(latest.referralId).toBeTruthy();
    const inbox = await psychologist.get('/api/v1/support/referrals?discipline=psychologist');
    const referral = inbox.body.items.find((r: { id: string }) => r.id === latest.referralId);
    expect(referral).toMatchObject({
      source: 'caregiver_burden',
      respiteOffered: true,
      forWhom: 'Анна Ковалёва',
    });
    const notes = await psychologist.get('/api/v1/notifications');
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'support.referral')).toBe(true);
    const coordinator = await t.login('coordinator');
    expect(
      (await coordinator.get('/api/v1/notifications')).body.items.some(
        (n: { kind: string }) => n.kind === 'support.respite',
      ),
    ).toBe(true);

    // "cannot cope" joins the open referral rather than opening another
    const cope = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'cannot_cope',
      caregiverName: 'Анна Ковалёва',
    });
    expect(cope.status).toBe(201);
    expect(cope.body.assessments[0].referralId).toBe(latest.referralId);
  });

  it('reminds the family and nurse four weeks after the last screening', async () => {
    t.advance(29 * 86_400_000);
    await t.hearth.jobs.runDue();
    // sessions last 12 hours: log in again after the four weeks
    family = await t.login('family');
    nurse = await t.login('nurse');
    const notes = await family.get('/api/v1/notifications');
    expect(notes.body.items.filter((n: { kind: string }) => n.kind === 'caregiver-burden.due')).toHaveLength(
      1,
    );
    expect((await family.get(`/api/v1/patients/${patientId}/caregiver-burden`)).body.due).toBe(true);
  });

  it('shows licensed item wording only when the organization loads it', async () => {
    expect((await family.get(`/api/v1/patients/${patientId}/caregiver-burden`)).body.wording).toBeNull();
    const admin = await t.login('admin');
    const items = Object.fromEntries(
      zbi12ItemNumbers.map((n) => [String(n), `Licensed wording of item ${n}`]),
    );
    expect(
      (
        await nurse.request('PUT', '/api/v1/instruments/zbi12/wording', {
          locale: 'en',
          items,
          licenceNote: 'no licence',
        })
      ).status,
    ).toBe(403);
    const put = await admin.request('PUT', '/api/v1/instruments/zbi12/wording', {
      locale: 'en',
      items,
      licenceNote: 'Mapi licence 123',
    });
    expect(put.status, put.raw).toBe(200);
    const view = await family.get(`/api/v1/patients/${patientId}/caregiver-burden`);
    expect(view.body.wording.en['21']).toBe('Licensed wording of item 21');
  });
});
