import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let manager: Agent;
let nurse: Agent;
let family: Agent;
let familyPatientId: string;
let otherPatientId: string;

const allMet = [
  'bed_both_sides',
  'supplies_within_reach',
  'pressure_mattress',
  'turning_schedule',
  'oxygen_ventilation',
  'oxygen_no_flame_smoking',
  'oxygen_tubes_cables',
  'lighting',
].map((key) => ({ key, answer: 'met' }));

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('equipment_manager');
  nurse = await t.login('nurse');
  family = await t.login('family');
  familyPatientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const list = await nurse.get('/api/v1/patients?status=active&limit=50');
  otherPatientId = list.body.items.find((p: { id: string }) => p.id !== familyPatientId).id;
});
afterAll(async () => t.close());

let serial = 0;
/** A fresh item of the kind, so the test does not depend on what the demo has lent out. */
const firstAvailable = async (kind: string) => {
  const res = await manager.post('/api/v1/equipment/items', {
    kind,
    name: `Test ${kind}`,
    serialNumber: `T-${kind}-${++serial}`,
  });
  expect(res.status, res.raw).toBe(201);
  return res.body;
};

describe('equipment store', () => {
  it('lists the demo store with serial numbers, condition and maintenance due', async () => {
    const res = await manager.get('/api/v1/equipment/items?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(20);
    expect(res.body.items[0]).toMatchObject({
      serialNumber: expect.any(String),
      condition: expect.any(String),
    });
    const board = await manager.get('/api/v1/equipment/overview');
    expect(board.status).toBe(200);
    expect(
      board.body.availability.find((a: { kind: string }) => a.kind === 'pressure_mattress').onLoan,
    ).toBeGreaterThan(0);
    expect(board.body.maintenanceDue.length).toBeGreaterThan(0);
    expect(board.body.openRequests.some((l: { kind: string }) => l.kind === 'oxygen_concentrator')).toBe(
      true,
    );
  });

  it('adds an item; a duplicate serial number is refused; only the equipment manager adds', async () => {
    const body = {
      kind: 'suction',
      name: 'Аспиратор новый',
      serialNumber: 'TEST-SUC-1',
      maintenanceDueOn: '2027-06-01',
    };
    const res = await manager.post('/api/v1/equipment/items', body);
    expect(res.status, res.raw).toBe(201);
    expect(res.body.status).toBe('available');
    expect((await manager.post('/api/v1/equipment/items', body)).status).toBe(409);
    expect((await nurse.post('/api/v1/equipment/items', { ...body, serialNumber: 'X-2' })).status).toBe(403);
    expect((await manager.post('/api/v1/equipment/items', { kind: 'spaceship', name: 'x' })).status).toBe(
      400,
    );
  });
});

describe('a loan', () => {
  it('goes requested → delivered → in use → collected → cleaned, and the item is available again', async () => {
    const item = await firstAvailable('wheelchair');
    const req = await nurse.post(`/api/v1/patients/${otherPatientId}/equipment-loans`, {
      kind: 'wheelchair',
      reason: 'Не может ходить по квартире',
    });
    expect(req.status, req.raw).toBe(201);
    expect(req.body.status).toBe('requested');
    const base = `/api/v1/patients/${otherPatientId}/equipment-loans/${req.body.id}`;
    // only the equipment manager records delivery
    expect(
      (
        await nurse.post(`${base}/deliver`, {
          itemId: item.id,
          deliveredOn: '2026-11-24',
          deliveredBy: 'Водитель',
        })
      ).status,
    ).toBe(403);
    const delivered = await manager.post(`${base}/deliver`, {
      itemId: item.id,
      deliveredOn: '2026-11-24',
      deliveredBy: 'Михаил Козлов',
    });
    expect(delivered.status, delivered.raw).toBe(200);
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      deliveredBy: 'Михаил Козлов',
      item: { id: item.id },
    });

    // a loan is never delivered twice
    const twice = await manager.post(`${base}/deliver`, {
      itemId: item.id,
      deliveredOn: '2026-11-24',
      deliveredBy: 'Михаил Козлов',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CONFLICT');

    expect((await nurse.post(`${base}/in-use`, {})).body.status).toBe('in_use');
    expect(
      (await manager.get('/api/v1/equipment/overview')).body.atHome.map((l: { id: string }) => l.id),
    ).toContain(req.body.id);
    const collected = await manager.post(`${base}/collect`, {
      collectedOn: '2026-12-20',
      collectedBy: 'Михаил Козлов',
      condition: 'good',
    });
    expect(collected.body.status).toBe('collected');
    const board = (await manager.get('/api/v1/equipment/overview')).body;
    expect(board.awaitingCleaning.map((l: { id: string }) => l.id)).toContain(req.body.id);
    expect(board.atHome.map((l: { id: string }) => l.id)).not.toContain(req.body.id);
    const items = await manager.get('/api/v1/equipment/items?kind=wheelchair&limit=200');
    expect(items.body.items.find((i: { id: string }) => i.id === item.id).status).toBe('cleaning');
    expect((await manager.post(`${base}/clean`, {})).body.status).toBe('cleaned');
    const after = await manager.get('/api/v1/equipment/items?kind=wheelchair&limit=200');
    expect(after.body.items.find((i: { id: string }) => i.id === item.id).status).toBe('available');
    expect((await manager.post(`${base}/clean`, {})).status).toBe(409);
  });

  it('refuses an item already out on another loan', async () => {
    const item = await firstAvailable('commode');
    const a = await nurse.post(`/api/v1/patients/${otherPatientId}/equipment-loans`, {
      kind: 'commode',
      itemId: item.id,
      reason: 'Слабость',
    });
    expect(a.status).toBe(201);
    const b = await nurse.post(`/api/v1/patients/${familyPatientId}/equipment-loans`, {
      kind: 'commode',
      itemId: item.id,
      reason: 'Слабость',
    });
    expect(b.status).toBe(409);
    // cancelling frees the reserved item
    expect(
      (await nurse.post(`/api/v1/patients/${otherPatientId}/equipment-loans/${a.body.id}/cancel`, {})).body
        .status,
    ).toBe('cancelled');
    const c = await nurse.post(`/api/v1/patients/${familyPatientId}/equipment-loans`, {
      kind: 'commode',
      itemId: item.id,
      reason: 'Слабость',
    });
    expect(c.status).toBe(201);
  });

  it('refuses to deliver an oxygen concentrator until the home oxygen safety check is complete', async () => {
    const item = await firstAvailable('oxygen_concentrator');
    const req = await nurse.post(`/api/v1/patients/${otherPatientId}/equipment-loans`, {
      kind: 'oxygen_concentrator',
      itemId: item.id,
      reason: 'Одышка в покое, SpO2 86%',
    });
    expect(req.status).toBe(201);
    const deliver = () =>
      manager.post(`/api/v1/patients/${otherPatientId}/equipment-loans/${req.body.id}/deliver`, {
        deliveredOn: '2026-11-24',
        deliveredBy: 'Михаил Козлов',
      });
    const refused = await deliver();
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.rule).toBe('oxygen-safety-check');

    // a check with an unmet oxygen item and an open action is not enough
    const unmet = await nurse.post(`/api/v1/patients/${otherPatientId}/home-safety/checks`, {
      occasion: 'change',
      checkedOn: '2026-11-23',
      items: allMet.map((i) =>
        i.key === 'oxygen_no_flame_smoking' ? { ...i, answer: 'unmet', note: 'курит сын' } : i,
      ),
      actions: [
        {
          itemKey: 'oxygen_no_flame_smoking',
          description: 'Договориться: не курить в квартире',
          ownerName: 'Сын пациента',
        },
      ],
    });
    expect(unmet.status, unmet.raw).toBe(201);
    expect(unmet.body.oxygenSafe).toBe(false);
    expect((await deliver()).status).toBe(409);

    const actionId = unmet.body.openActions.find(
      (a: { itemKey: string }) => a.itemKey === 'oxygen_no_flame_smoking',
    ).id;
    const done = await nurse.post(
      `/api/v1/patients/${otherPatientId}/home-safety/actions/${actionId}/done`,
      {},
    );
    expect(done.status).toBe(200);
    expect(done.body.oxygenSafe).toBe(true);

    const ok = await deliver();
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.oxygenSafetyCheckId).toBe(unmet.body.checks[0].id);
  });

  it('refuses a loan for a patient who has died or left the service', async () => {
    const coordinator = await t.login('coordinator');
    const list = await coordinator.get('/api/v1/patients?status=deceased&limit=5');
    const deceased = list.body.items[0];
    if (!deceased) throw new Error('the demo has deceased patients');
    const res = await nurse.post(`/api/v1/patients/${deceased.id}/equipment-loans`, {
      kind: 'wheelchair',
      reason: 'Тест',
    });
    expect(res.status).toBe(409);
  });

  it('shows the family what is in their home, and nothing of other patients', async () => {
    const res = await family.get(`/api/v1/patients/${familyPatientId}/equipment-loans`);
    expect(res.status).toBe(200);
    expect(
      res.body.filter((l: { status: string }) => l.status === 'in_use').map((l: { kind: string }) => l.kind),
    ).toEqual(expect.arrayContaining(['pressure_mattress', 'functional_bed']));
    expect((await family.get(`/api/v1/patients/${otherPatientId}/equipment-loans`)).status).toBe(404);
    expect((await family.get('/api/v1/equipment/items')).status).toBe(403);
    expect(
      (
        await family.post(`/api/v1/patients/${familyPatientId}/equipment-loans`, {
          kind: 'wheelchair',
          reason: 'Нужна',
        })
      ).status,
    ).toBe(403);
  });
});

describe('home safety check', () => {
  it('needs an action with an owner for each unmet item, and changes nothing otherwise', async () => {
    const before = await nurse.get(`/api/v1/patients/${otherPatientId}/home-safety`);
    const res = await nurse.post(`/api/v1/patients/${otherPatientId}/home-safety/checks`, {
      occasion: 'first_visit',
      checkedOn: '2026-11-23',
      items: [
        { key: 'bed_both_sides', answer: 'unmet' },
        { key: 'lighting', answer: 'met' },
      ],
      actions: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe('body.actions.bed_both_sides');
    const after = await nurse.get(`/api/v1/patients/${otherPatientId}/home-safety`);
    expect(after.body.checks.length).toBe(before.body.checks.length);
  });

  it('lets the family read the check and mark their own action done', async () => {
    const res = await family.get(`/api/v1/patients/${familyPatientId}/home-safety`);
    expect(res.status).toBe(200);
    const mine = res.body.openActions[0];
    expect(mine.ownerName).toBe('Анна Ковалёва');
    const done = await family.post(
      `/api/v1/patients/${familyPatientId}/home-safety/actions/${mine.id}/done`,
      {},
    );
    expect(done.status, done.raw).toBe(200);
    expect(
      (
        await family.post(`/api/v1/patients/${familyPatientId}/home-safety/checks`, {
          occasion: 'change',
          checkedOn: '2026-11-23',
          items: allMet,
        })
      ).status,
    ).toBe(403);
  });
});
