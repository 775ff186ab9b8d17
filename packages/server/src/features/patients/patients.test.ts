import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('patients', () => {
  it('lists the demo patients, children and adults, with filters', async () => {
    const coordinator = await t.login('coordinator');
    const all = await coordinator.get('/api/v1/patients?limit=200');
    expect(all.status, all.raw).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(30);
    const children = await coordinator.get('/api/v1/patients?ageGroup=child&limit=200');
    expect(children.body.items.length).toBeGreaterThan(0);
    expect(children.body.items.every((p: { isChild: boolean }) => p.isChild)).toBe(true);
  });
});

describe('a patient record', () => {
  it('is created with a service-area check, derived child/adult and full history', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.post('/api/v1/patients', {
      firstName: 'Ева',
      lastName: 'Тестовая',
      dateOfBirth: '2019-06-01',
      address: 'Брэст, вул. Савецкая, 1',
      area: 'Брэст',
      coordinates: { lat: 52.0976, lon: 23.7341 },
      diagnoses: [{ icd10: 'G71.0', description: 'Мышечная дистрофия Дюшенна', primary: true }],
      allergies: [{ substance: 'Пенициллин', severity: 'severe' }],
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.isChild).toBe(true);
    expect(res.body.serviceArea.inside).toBe(false);
    expect(res.body.serviceArea.distanceKm).toBeGreaterThan(300);
    expect(res.body.diagnoses[0].category).toBe('neurological');
    expect(res.body.allergies[0].substance).toBe('Пенициллин');

    const found = await coordinator.get('/api/v1/patients?q=Тестов');
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    const byArea = await coordinator.get(`/api/v1/patients?area=${encodeURIComponent('Брэст')}`);
    expect(byArea.body.items).toHaveLength(1);
  });

  it('refuses a bad record with field errors and stores nothing', async () => {
    const coordinator = await t.login('coordinator');
    const before = (await coordinator.get('/api/v1/patients?limit=200')).body.items.length;
    const res = await coordinator.post('/api/v1/patients', {
      firstName: '',
      lastName: 'X',
      dateOfBirth: '31.12.1950',
      address: 'a',
      area: 'b',
      diagnoses: [{ icd10: 'XYZ', description: 'x' }],
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.firstName', 'body.dateOfBirth', 'body.diagnoses.0.icd10']),
    );
    expect((await coordinator.get('/api/v1/patients?limit=200')).body.items.length).toBe(before);
  });

  it('moves through the lifecycle only along allowed steps, keeping the reasons', async () => {
    const physician = await t.login('physician');
    const list = await physician.get('/api/v1/patients?status=active&limit=1');
    const id = list.body.items[0].id;
    const inpatient = await physician.post(`/api/v1/patients/${id}/status`, {
      status: 'inpatient',
      reason: 'Госпитализирован в хоспис',
    });
    expect(inpatient.status).toBe(200);
    expect(inpatient.body.statusHistory.at(-1)).toMatchObject({
      from: 'active',
      to: 'inpatient',
      reason: 'Госпитализирован в хоспис',
    });
    const dead = await physician.post(`/api/v1/patients/${id}/status`, {
      status: 'deceased',
      reason: 'Умер в хосписе',
    });
    expect(dead.status).toBe(200);
    const back = await physician.post(`/api/v1/patients/${id}/status`, {
      status: 'active',
      reason: 'ошибка',
    });
    expect(back.status).toBe(409);
    const nurse = await t.login('nurse');
    expect(
      (await nurse.post(`/api/v1/patients/${id}/status`, { status: 'discharged', reason: 'x y z' })).status,
    ).toBe(403);
  });

  it('adds diagnoses, allergies and contacts one at a time', async () => {
    const nurse = await t.login('nurse');
    const coordinator = await t.login('coordinator');
    const id = (await coordinator.get('/api/v1/patients?status=active&limit=1')).body.items[0].id;
    const res = await nurse.post(`/api/v1/patients/${id}/contacts`, {
      name: 'Соседка Валя',
      relationship: 'соседка',
      phone: '+375 29 111-22-33',
    });
    expect(res.status).toBe(200);
    expect(res.body.contacts.map((c: { name: string }) => c.name)).toContain('Соседка Валя');
  });

  it('pages through the list without repeats, and filters by team member', async () => {
    const coordinator = await t.login('coordinator');
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await coordinator.get(`/api/v1/patients?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      for (const p of res.body.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(30);
    const nurse = await t.login('nurse');
    const mine = await coordinator.get(`/api/v1/patients?teamMemberId=${nurse.userId}&limit=200`);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.length).toBeLessThan(seen.size);
  });
});
