import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, demoPassword, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let nurse: Agent;
let registerUrl: string;
let listUrl: string;
let stockId: string;

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.login('nurse');
  const family = await t.login('family');
  const patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const stock = await nurse.post(`/api/v1/patients/${patientId}/controlled-drugs`, {
    name: 'Morphine 10 mg/ml ampoule',
    unit: 'ampoule',
  });
  stockId = stock.body.id;
  listUrl = `/api/v1/patients/${patientId}/controlled-drugs`;
  registerUrl = `${listUrl}/${stockId}/entries`;
  await nurse.post(registerUrl, { kind: 'received', quantity: 10 });
});
afterAll(() => t?.close());

const countWith = (password: string) =>
  nurse.post(registerUrl, {
    kind: 'count',
    counted: 9,
    reason: 'One ampoule broken',
    witness: { email: 'nurse2@demo.hearth.local', password },
  });

describe("a witness's password", () => {
  it('is throttled like a login: five wrong guesses lock the witness field and the login form alike', async () => {
    for (let i = 0; i < 5; i++) expect((await countWith(`guess-${i}`)).status).toBe(400);

    // the right password no longer helps from this address until the block ends
    const sixth = await countWith(demoPassword);
    expect(sixth.status, sixth.raw).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();
    const login = await t.anonymous().post('/api/v1/auth/login', {
      email: 'nurse2@demo.hearth.local',
      password: demoPassword,
    });
    expect(login.status).toBe(429);

    // nothing was written while refused
    const balance = async () =>
      (await nurse.get(listUrl)).body.find((x: { id: string }) => x.id === stockId).balance;
    expect(await balance()).toBe(10);

    // after the window the witness confirms and the count is recorded
    t.advance(16 * 60_000);
    nurse = await t.login('nurse');
    const ok = await countWith(demoPassword);
    expect(ok.status, ok.raw).toBe(200);
    expect(await balance()).toBe(9);
  });
});
