import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

const day = 24 * 60 * 60_000;

let t: TestApp;
let patientId: string;

beforeAll(async () => {
  // 09:00 UTC on 23 November 2026 (12:00 in Minsk, the demo organization's zone)
  t = await createTestApp();
  const nurse = await t.login('nurse');
  const list = await nurse.get('/api/v1/patients?status=active&limit=50');
  patientId = list.body.items[3].id;
});
afterAll(async () => t.close());

/** Sessions expire over the simulated weeks, so each look logs in afresh. */
const as = (role: string): Promise<Agent> => t.login(role);

async function managerNotices(kind: string) {
  const manager = await as('equipment_manager');
  const res = await manager.get('/api/v1/notifications?limit=200');
  expect(res.status).toBe(200);
  // the demo store has its own reminders; these tests look only at their own items (serials REM-…)
  return (res.body.items as { kind: string; title: string; body: string }[]).filter(
    (n) => n.kind === kind && n.title.includes('REM-'),
  );
}

describe('equipment reminders (durable jobs)', () => {
  it('reminds the equipment manager a week before maintenance, on the day, and not for a re-dated item', async () => {
    const manager = await as('equipment_manager');
    const kept = await manager.post('/api/v1/equipment/items', {
      kind: 'suction',
      name: 'Аспиратор ТО',
      serialNumber: 'REM-SUC-1',
      maintenanceDueOn: '2026-12-10',
    });
    expect(kept.status, kept.raw).toBe(201);
    const moved = await manager.post('/api/v1/equipment/items', {
      kind: 'suction',
      name: 'Аспиратор перенесён',
      serialNumber: 'REM-SUC-2',
      maintenanceDueOn: '2026-12-10',
    });
    expect(moved.status).toBe(201);
    // the service was done early: the next date is in a year
    const patched = await manager.patch(`/api/v1/equipment/items/${moved.body.id}`, {
      maintenanceDueOn: '2027-12-10',
    });
    expect(patched.status, patched.raw).toBe(200);

    // the job survives a restart: it is a row, not a timer
    await t.restart();
    t.advance(5 * day); // 28 November: too early
    await t.hearth.jobs.runDue();
    expect(await managerNotices('equipment.maintenance-due')).toEqual([]);

    t.advance(5 * day); // 3 December, 12:00 Minsk: a week before
    await t.hearth.jobs.runDue();
    const first = await managerNotices('equipment.maintenance-due');
    expect(first.map((n) => n.title)).toEqual(['Maintenance due 2026-12-10: Аспиратор ТО (REM-SUC-1)']);

    t.advance(7 * day); // 10 December: the day itself
    await t.hearth.jobs.runDue();
    expect((await managerNotices('equipment.maintenance-due')).length).toBe(2);

    // recording the next maintenance date stops the reminders for the old one
    await (await as('equipment_manager')).patch(`/api/v1/equipment/items/${kept.body.id}`, {
      maintenanceDueOn: '2027-12-10',
    });
    t.advance(7 * day);
    await t.hearth.jobs.runDue();
    expect((await managerNotices('equipment.maintenance-due')).length).toBe(2);
  });

  it('reminds when a loan is due back, weekly while it stays at home, and not once collected', async () => {
    const manager = await as('equipment_manager');
    const nurse = await as('nurse');
    const today = t.now().toISOString().slice(0, 10);
    const plus = (n: number) => new Date(t.now().getTime() + n * day).toISOString().slice(0, 10);
    const lend = async (serialNumber: string, expectedReturnOn: string) => {
      const item = await manager.post('/api/v1/equipment/items', {
        kind: 'walker',
        name: 'Ходунки',
        serialNumber,
      });
      expect(item.status).toBe(201);
      const loan = await nurse.post(`/api/v1/patients/${patientId}/equipment-loans`, {
        kind: 'walker',
        itemId: item.body.id,
        reason: 'Неустойчивая походка',
        expectedReturnOn,
      });
      expect(loan.status, loan.raw).toBe(201);
      const delivered = await manager.post(
        `/api/v1/patients/${patientId}/equipment-loans/${loan.body.id}/deliver`,
        { deliveredOn: today, deliveredBy: 'Михаил Козлов' },
      );
      expect(delivered.status, delivered.raw).toBe(200);
      return loan.body.id as string;
    };
    await lend('REM-WLK-1', plus(3));
    const returned = await lend('REM-WLK-2', plus(3));
    // the return day agreed at delivery replaces the one at the request
    const item4 = await manager.post('/api/v1/equipment/items', {
      kind: 'walker',
      name: 'Ходунки',
      serialNumber: 'REM-WLK-4',
    });
    const late = await nurse.post(`/api/v1/patients/${patientId}/equipment-loans`, {
      kind: 'walker',
      itemId: item4.body.id,
      reason: 'Неустойчивая походка',
      expectedReturnOn: plus(3),
    });
    const redeliver = await manager.post(
      `/api/v1/patients/${patientId}/equipment-loans/${late.body.id}/deliver`,
      { deliveredOn: today, deliveredBy: 'Михаил Козлов', expectedReturnOn: plus(30) },
    );
    expect(redeliver.body.expectedReturnOn).toBe(plus(30));

    await manager.post(`/api/v1/patients/${patientId}/equipment-loans/${returned}/collect`, {
      collectedOn: today,
      collectedBy: 'Михаил Козлов',
    });

    t.advance(4 * day);
    await t.hearth.jobs.runDue();
    const notices = await managerNotices('equipment.due-back');
    const titles = notices.map((n) => n.title);
    expect(titles.filter((x) => x.includes('REM-WLK-1'))).toHaveLength(1);
    expect(titles.some((x) => x.includes('REM-WLK-2'))).toBe(false);
    expect(titles.some((x) => x.includes('REM-WLK-4'))).toBe(false);
    expect(notices[0]!.body).toContain('Arrange collection');

    // the board lists them as due back too
    const board = await (await as('equipment_manager')).get('/api/v1/equipment/overview');
    const dueSerials = board.body.dueBack.map((l: { item: { serialNumber: string } }) => l.item.serialNumber);
    expect(dueSerials).toEqual(expect.arrayContaining(['REM-WLK-1']));
    expect(dueSerials).not.toContain('REM-WLK-4');

    t.advance(7 * day);
    await t.hearth.jobs.runDue();
    expect(
      (await managerNotices('equipment.due-back')).filter((n) => n.title.includes('REM-WLK-1')),
    ).toHaveLength(2);
  });
});
