import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../../platform/audit/audit.service.ts';
import { validNewPatient } from '../../test/fixtures.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coordinator: Agent;
let patientId: string;
beforeAll(async () => {
  t = await createTestApp(); // the clock stands at 2026-11-23
  coordinator = await t.login('coordinator');
  const created = await coordinator.post('/api/v1/patients', {
    ...validNewPatient,
    firstName: 'Артем',
    lastName: 'Ковалев',
    dateOfBirth: '1962-03-01',
    sex: 'unknown',
  });
  expect(created.status, created.raw).toBe(201);
  patientId = created.body.id;
});
afterAll(async () => t.close());

const count = async () => (await coordinator.get('/api/v1/patients?limit=200')).body.items.length;

describe('a date of birth that cannot be right is refused on every path that sets one', () => {
  it('creating a patient: a future date and an age over 120', async () => {
    const before = await count();
    for (const dateOfBirth of ['2030-05-01', '2026-11-24', '1900-01-01']) {
      const res = await coordinator.post('/api/v1/patients', { ...validNewPatient, dateOfBirth });
      expect(res.status, dateOfBirth).toBe(400);
      expect(res.body.error.details.fields).toEqual([
        { field: 'body.dateOfBirth', message: expect.stringMatching(/future|over 120/) },
      ]);
    }
    expect(await count()).toBe(before);
    // a child born today is a real patient
    const newborn = await coordinator.post('/api/v1/patients', {
      ...validNewPatient,
      dateOfBirth: '2026-11-23',
    });
    expect(newborn.status, newborn.raw).toBe(201);
    expect(newborn.body).toMatchObject({ ageYears: 0, isChild: true });
  });

  it('intake: a request referred to the commission with a new patient', async () => {
    const before = await count();
    const res = await coordinator.post('/api/v1/commission/cases', {
      patient: { ...validNewPatient, dateOfBirth: '2030-01-01' },
      icd10: 'C34.1',
      diagnosis: 'Рак лёгкого',
      performance: { scale: 'ecog', score: 3 },
      reason: 'Боли, прикована к постели',
    });
    expect(res.status, res.raw).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('body.patient.dateOfBirth');
    expect(await count()).toBe(before);
  });

  it('editing the details cannot change the identity: that is a correction with a reason', async () => {
    const res = await coordinator.patch(`/api/v1/patients/${patientId}`, { dateOfBirth: '1963-03-01' });
    expect(res.status).toBe(400);
    expect(res.raw).toMatch(/identity correction/);
    expect((await coordinator.get(`/api/v1/patients/${patientId}`)).body.dateOfBirth).toBe('1962-03-01');
  });
});

describe('an identity correction', () => {
  it('changes name, date of birth and sex with a reason, keeps the history and is audited', async () => {
    const res = await coordinator.post(`/api/v1/patients/${patientId}/identity-corrections`, {
      firstName: 'Артём',
      lastName: 'Ковалёв',
      dateOfBirth: '1962-03-10',
      sex: 'male',
      reason: 'Паспорт: ё в имени и фамилии, 10 марта',
    });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Артём', lastName: 'Ковалёв', dateOfBirth: '1962-03-10' });
    const history = res.body.identityCorrections;
    expect(history.map((h: { field: string }) => h.field).sort()).toEqual([
      'dateOfBirth',
      'firstName',
      'lastName',
      'sex',
    ]);
    expect(history.find((h: { field: string }) => h.field === 'dateOfBirth')).toMatchObject({
      from: '1962-03-01',
      to: '1962-03-10',
      reason: 'Паспорт: ё в имени и фамилии, 10 марта',
      byName: expect.any(String),
    });
    await sealAll(t.database.db);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', patientId)
      .execute();
    expect(audited.map((a) => a.action)).toContain('patient.correct-identity');
  });

  it('refuses a bad date, a correction that changes nothing, no reason, and staff without the right', async () => {
    const url = `/api/v1/patients/${patientId}/identity-corrections`;
    const future = await coordinator.post(url, { dateOfBirth: '2027-01-01', reason: 'опечатка в годе' });
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields[0].field).toBe('body.dateOfBirth');
    const old = await coordinator.post(url, { dateOfBirth: '1880-01-01', reason: 'опечатка в годе' });
    expect(old.status).toBe(400);
    expect((await coordinator.post(url, { firstName: 'Артём', reason: 'ещё раз' })).status).toBe(400);
    expect((await coordinator.post(url, { firstName: 'Артемий' })).status).toBe(400);
    expect((await coordinator.post(url, { reason: 'ничего не указано' })).status).toBe(400);
    for (const role of ['nurse', 'social_worker', 'volunteer_coordinator'] as const) {
      const who = await t.login(role);
      expect((await who.post(url, { firstName: 'Артемий', reason: 'по просьбе семьи' })).status, role).toBe(
        403,
      );
    }
    const physician = await t.login('physician');
    const fixed = await physician.post(url, { middleName: 'Петрович', reason: 'Отчество по паспорту' });
    expect(fixed.status, fixed.raw).toBe(200);
    const record = await coordinator.get(`/api/v1/patients/${patientId}`);
    expect(record.body.dateOfBirth).toBe('1962-03-10');
    expect(record.body.identityCorrections).toHaveLength(5);
  });
});
