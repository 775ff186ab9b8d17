import { mcsiItemKeys } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Caregiver burden screening with the free MCSI, the default instrument (instrument-licences.md):
 * stored as an assessment linked to the relative, a high score opens a psychologist referral with
 * respite offered, and a durable job reminds the team when four weeks have passed.
 */
let t: TestApp;
let nurse: Agent;
let family: Agent;
let patientId: string;
const name = 'Анна Ковалёва';
/** `count` items answered 2 ("regularly"), the rest 0. */
const mcsi = (count: number) => Object.fromEntries(mcsiItemKeys.map((k, i) => [k, i < count ? 2 : 0]));

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.login('nurse');
  family = await t.login('family');
  patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
});
afterAll(async () => t.close());

describe('caregiver burden with the MCSI (default)', () => {
  it('offers the MCSI by default and refuses ZBI-12 until the organization chooses it', async () => {
    const view = await family.get(`/api/v1/patients/${patientId}/caregiver-burden`);
    expect(view.body).toMatchObject({ instrument: 'mcsi', due: true });
    const zbi = await nurse.post(`/api/v1/patients/${patientId}/assessments`, {
      instrument: 'zbi12',
      answers: {
        items: Object.fromEntries([2, 3, 5, 6, 9, 10, 11, 12, 17, 19, 20, 21].map((n) => [`q${n}`, 1])),
      },
    });
    expect(zbi.status).toBe(409);
  });

  it('a low score is stored as an assessment linked to the relative, without a referral', async () => {
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'mcsi',
      caregiverName: name,
      answers: mcsi(4),
    });
    expect(res.status, res.raw).toBe(201);
    const first = res.body.assessments[0];
    expect(first).toMatchObject({
      kind: 'mcsi',
      total: 8,
      max: 26,
      threshold: 10,
      high: false,
      referralId: null,
      familyUserId: family.userId,
    });
    expect(res.body.due).toBe(false);
    const list = await nurse.get(`/api/v1/patients/${patientId}/assessments?instrument=mcsi`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: first.assessmentId,
      source: 'family',
      scores: { total: 8, max: 26, atOrAboveThreshold: false },
    });
  });

  it('refuses an item scored 3 and stores nothing', async () => {
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'mcsi',
      caregiverName: name,
      answers: { ...mcsi(0), q1: 3 },
    });
    expect(res.status).toBe(400);
    const view = await family.get(`/api/v1/patients/${patientId}/caregiver-burden`);
    expect(view.body.assessments).toHaveLength(1);
  });

  it('a score at the threshold opens a psychologist referral with respite, also when a nurse records it on the patient page', async () => {
    const psychologist = await t.login('psychologist');
    const res = await family.post(`/api/v1/patients/${patientId}/caregiver-burden`, {
      kind: 'mcsi',
      caregiverName: name,
      answers: mcsi(5),
      onRequest: true,
    });
    expect(res.status).toBe(201);
    const latest = res.body.assessments[0];
    expect(latest).toMatchObject({ total: 10, high: true, respiteOffered: true });
    const referrals = await psychologist.get('/api/v1/support/referrals?discipline=psychologist');
    const referral = referrals.body.items.find((r: { id: string }) => r.id === latest.referralId);
    expect(referral).toMatchObject({ source: 'caregiver_burden', respiteOffered: true, forWhom: name });
    const alerts = await psychologist.get(`/api/v1/alerts?patientId=${patientId}`);
    expect(alerts.body.items.some((a: { ruleId: string }) => a.ruleId === 'mcsi.at-threshold')).toBe(true);

    // the same rule through the staff assessment screen joins the open referral
    t.advance(60_000);
    const staff = await nurse.post(`/api/v1/patients/${patientId}/assessments`, {
      instrument: 'mcsi',
      answers: { items: mcsi(13), caregiverName: 'Пётр' },
    });
    expect(staff.status).toBe(201);
    const after = await psychologist.get('/api/v1/support/referrals?discipline=psychologist');
    expect(
      after.body.items.filter(
        (r: { patientId: string; status: string }) => r.patientId === patientId && r.status !== 'closed',
      ),
    ).toHaveLength(1);
  });

  it('reminds the family and the nurses once, four weeks after the last screening', async () => {
    t.advance(27 * 86_400_000);
    await t.hearth.jobs.runDue();
    nurse = await t.login('nurse');
    const due = (n: { kind: string }) => n.kind === 'caregiver-burden.due';
    expect((await nurse.get('/api/v1/notifications')).body.items.filter(due)).toHaveLength(0);
    t.advance(2 * 86_400_000);
    await t.hearth.jobs.runDue();
    nurse = await t.login('nurse');
    family = await t.login('family');
    // three screenings were recorded, but only the job after the last one reminds
    expect((await nurse.get('/api/v1/notifications')).body.items.filter(due)).toHaveLength(1);
    expect((await family.get('/api/v1/notifications')).body.items.filter(due)).toHaveLength(1);
    expect((await family.get(`/api/v1/patients/${patientId}/caregiver-burden`)).body.due).toBe(true);
  });
});
