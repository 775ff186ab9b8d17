import { randomUUID } from 'node:crypto';
import {
  homeSafetyItems,
  iposCommunicationItems,
  iposEmotionalItems,
  iposSymptomItems,
  mcsiItemKeys,
  zbi12ItemNumbers,
} from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenIdempotencyKey } from '../../db/test-idempotency.ts';
import { type Agent, createTestApp, type Response, type TestApp } from '../../test/harness.ts';

// 2026-11-23T09:00Z is 12:00 in Minsk (the demo's zone)
let t: TestApp;
let coordinator: Agent;
let physician: Agent;
let nurse: Agent;
let family: Agent;
let admin: Agent;
let familyPatient: string;
let adult: string;
let child: string;

async function newPatient(dateOfBirth: string, lastName: string) {
  const res = await coordinator.post('/api/v1/patients', {
    firstName: 'Тест',
    lastName,
    dateOfBirth,
    address: 'Минск, ул. Тестовая, 1',
    area: 'Минск',
    coordinates: { lat: 53.9, lon: 27.56 },
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.id as string;
}

const send = (who: Agent, url: string, body: unknown, key: string, method: 'POST' | 'PUT' = 'POST') =>
  who.request(method, url, body, { 'idempotency-key': key });

/** Sends a write twice with one key: the second answer is the first one again, replayed. */
async function twice(who: Agent, url: string, body: unknown): Promise<Response> {
  const key = randomUUID();
  const first = await send(who, url, body, key);
  const second = await send(who, url, body, key);
  expect(second.status, second.raw).toBe(first.status);
  expect(second.raw).toBe(first.raw);
  expect(second.headers['idempotent-replayed']).toBe('true');
  expect(first.headers['idempotent-replayed']).toBeUndefined();
  return first;
}

async function scheduledVisit(patientId: string) {
  const req = await coordinator.post(`/api/v1/patients/${patientId}/visits`, {
    discipline: 'nurse',
    date: '2026-11-23',
    windowFrom: '13:00',
    windowTo: '16:00',
    reason: 'Перевязка',
  });
  expect(req.status, req.raw).toBe(201);
  const sch = await coordinator.post(`/api/v1/visits/${req.body.id}/schedule`, {
    staffId: nurse.userId,
    date: '2026-11-23',
    start: '14:00',
  });
  expect(sch.status, sch.raw).toBe(200);
  return req.body.id as string;
}

const prn = (startsAt: string) => ({
  medicineId: 'paracetamol',
  name: 'Paracetamol 500 mg tablet',
  form: 'tablet',
  route: 'oral',
  doseAmount: 500,
  doseUnit: 'mg',
  kind: 'prn',
  minIntervalMinutes: 240,
  maxDosesPer24h: 4,
  indication: 'Pain or fever',
  startsAt,
  acknowledgeWarnings: true,
});

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  physician = await t.login('physician');
  nurse = await t.login('nurse');
  family = await t.login('family');
  admin = await t.login('admin');
  familyPatient = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  adult = await newPatient('1950-03-03', 'Взрослый');
  child = await newPatient('2021-06-01', 'Ребёнок');
});
afterAll(async () => t.close());

describe('every write a phone makes, sent twice with one Idempotency-Key, is done once', () => {
  it('visit check-in steps, completion with documentation and a later note', async () => {
    const id = await scheduledVisit(adult);
    expect((await twice(nurse, `/api/v1/visits/${id}/transition`, { to: 'on_the_way' })).status).toBe(200);
    const inn = await twice(nurse, `/api/v1/visits/${id}/transition`, {
      to: 'checked_in',
      location: { lat: 53.9, lon: 27.56 },
    });
    expect(inn.body.status).toBe('checked_in');
    const documentation = { done: 'Перевязка', notes: 'Ключ у соседки, кв. 12' };
    const done = await twice(nurse, `/api/v1/visits/${id}/complete`, { documentation });
    expect(done.status, done.raw).toBe(200);
    const note = await twice(nurse, `/api/v1/visits/${id}/notes`, {
      documentation: { done: 'Дополнение: звонок дочери' },
    });
    expect(note.status, note.raw).toBe(200);
    const visit = (await nurse.get(`/api/v1/visits/${id}`)).body;
    expect(visit.history.map((h: { to: string }) => h.to)).toEqual([
      'requested',
      'scheduled',
      'on_the_way',
      'checked_in',
      'completed',
    ]);
    expect(visit.notes).toHaveLength(2);
  });

  it('every assessment instrument', async () => {
    const fill = (keys: readonly string[], value: number) => Object.fromEntries(keys.map((k) => [k, value]));
    const bodies: [string, string, Record<string, unknown>][] = [
      [adult, 'esas_r', { pain: 3, tiredness: 4 }],
      [adult, 'ipos', fill([...iposSymptomItems, ...iposEmotionalItems, ...iposCommunicationItems], 1)],
      [adult, 'pps', { level: 50 }],
      [adult, 'braden', fill(['sensoryPerception', 'moisture', 'activity', 'mobility', 'nutrition'], 3)],
      [adult, 'mcsi', { items: fill(mcsiItemKeys, 1) }],
      [adult, 'phase', { phase: 'stable' }],
      [child, 'flacc', fill(['face', 'legs', 'activity', 'cry', 'consolability'], 1)],
      [child, 'r_flacc', fill(['face', 'legs', 'activity', 'cry', 'consolability'], 0)],
      [child, 'faces', { score: 4 }],
      [
        child,
        'braden_q',
        fill(
          [
            'mobility',
            'activity',
            'sensoryPerception',
            'moisture',
            'frictionShear',
            'nutrition',
            'tissuePerfusion',
          ],
          3,
        ),
      ],
    ];
    bodies[3]![2].frictionShear = 2;
    for (const [patientId, instrument, answers] of bodies) {
      const res = await twice(nurse, `/api/v1/patients/${patientId}/assessments`, { instrument, answers });
      expect(res.status, `${instrument}: ${res.raw}`).toBe(201);
      const list = await nurse.get(`/api/v1/patients/${patientId}/assessments?instrument=${instrument}`);
      expect(list.body.items, instrument).toHaveLength(1);
    }
    // ZBI-12 is recorded only where the organization chose it
    const settings = (await admin.get('/api/v1/settings')).body;
    await admin.patch('/api/v1/settings', { triage: { ...settings.triage, caregiverInstrument: 'zbi12' } });
    const zbi = await twice(nurse, `/api/v1/patients/${adult}/assessments`, {
      instrument: 'zbi12',
      answers: {
        items: fill(
          zbi12ItemNumbers.map((n) => `q${n}`),
          1,
        ),
      },
    });
    expect(zbi.status, zbi.raw).toBe(201);
    expect(
      (await nurse.get(`/api/v1/patients/${adult}/assessments?instrument=zbi12`)).body.items,
    ).toHaveLength(1);
    await admin.patch('/api/v1/settings', { triage: settings.triage });
  });

  it('a correction of an assessment (a new version, made once)', async () => {
    const first = await nurse.post(`/api/v1/patients/${adult}/assessments`, {
      instrument: 'pps',
      answers: { level: 60 },
    });
    expect(first.status, first.raw).toBe(201);
    const url = `/api/v1/patients/${adult}/assessments/${first.body.id}/corrections`;
    const fixed = await twice(nurse, url, {
      instrument: 'pps',
      answers: { level: 40 },
      reason: 'Wrong line of the scale ticked',
    });
    expect(fixed.status, fixed.raw).toBe(200);
    expect(fixed.body.version).toBe(2);
    const record = (await nurse.get(`/api/v1/patients/${adult}/assessments/${first.body.id}`)).body;
    expect(record.version).toBe(2);
    expect(record.history).toHaveLength(1);
  });

  it("a nurse's dose and the family's “I gave this dose”", async () => {
    expect(
      (
        await physician.post(`/api/v1/patients/${familyPatient}/weights`, {
          kg: 40,
          measuredOn: '2026-11-20',
        })
      ).status,
    ).toBe(200);
    const rx = await physician.post(
      `/api/v1/patients/${familyPatient}/prescriptions`,
      prn(new Date(t.now().getTime() - 12 * 3_600_000).toISOString()),
    );
    expect(rx.status, rx.raw).toBe(201);
    const url = `/api/v1/patients/${familyPatient}/administrations`;
    const byNurse = await twice(nurse, url, {
      prescriptionId: rx.body.id,
      doseAmount: 500,
      doseUnit: 'mg',
      givenAt: new Date(t.now().getTime() - 6 * 3_600_000).toISOString(),
    });
    expect(byNurse.body.status, byNurse.raw).toBe('given');
    const byFamily = await twice(family, url, {
      prescriptionId: rx.body.id,
      doseAmount: 500,
      doseUnit: 'mg',
    });
    expect(byFamily.body.status, byFamily.raw).toBe('given');
    const chart = await nurse.get(`/api/v1/patients/${familyPatient}/medicine-chart`);
    const entries = chart.body.entries.filter(
      (e: { prescriptionId: string }) => e.prescriptionId === rx.body.id,
    );
    // two doses, each once; had the replay run again it would have been stored as a refusal
    expect(entries.map((e: { status: string }) => e.status)).toEqual(['given', 'given']);
  });

  it('a home safety check and its action marked done', async () => {
    const url = `/api/v1/patients/${adult}/home-safety`;
    const items = homeSafetyItems.map((i) => ({ key: i.key, answer: 'met' }));
    items[0] = { key: homeSafetyItems[0].key, answer: 'unmet' };
    const check = await twice(nurse, `${url}/checks`, {
      occasion: 'first_visit',
      checkedOn: '2026-11-23',
      items,
      actions: [
        { itemKey: homeSafetyItems[0].key, description: 'Отодвинуть кровать от стены', ownerName: 'Сын' },
      ],
    });
    expect(check.status, check.raw).toBe(201);
    expect((await nurse.get(url)).body.checks).toHaveLength(1);
    const actionId = check.body.openActions[0].id;
    const done = await twice(nurse, `${url}/actions/${actionId}/done`, {});
    expect(done.status, done.raw).toBe(200);
    expect((await nurse.get(url)).body.openActions).toEqual([]);
  });

  it('a caregiver skill sign-off', async () => {
    const url = `/api/v1/patients/${familyPatient}/caregiver-skills`;
    const res = await twice(nurse, url, {
      caregiverName: 'Анна Ковалёва',
      skill: 'mouth_care',
      level: 'shown',
      signedOn: '2026-11-23',
    });
    expect(res.status, res.raw).toBe(201);
    const history = (await nurse.get(url)).body.history.filter(
      (h: { caregiverName: string; skill: string }) =>
        h.caregiverName === 'Анна Ковалёва' && h.skill === 'mouth_care',
    );
    expect(history).toHaveLength(1);
  });

  it("the family's diary entry", async () => {
    const url = `/api/v1/patients/${familyPatient}/diary`;
    const before = (await family.get(url)).body.entries.length;
    const res = await twice(family, url, { instrument: 'esas_r', answers: { pain: 2 } });
    expect(res.status, res.raw).toBe(201);
    expect((await family.get(url)).body.entries).toHaveLength(before + 1);
  });
});

describe('a key is bound to its request', () => {
  it('the same key with another body is refused with 422 and changes nothing', async () => {
    const url = `/api/v1/patients/${adult}/assessments`;
    const key = randomUUID();
    const first = await send(nurse, url, { instrument: 'pps', answers: { level: 40 } }, key);
    expect(first.status).toBe(201);
    const other = await send(nurse, url, { instrument: 'pps', answers: { level: 30 } }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: 'UNPROCESSABLE',
      details: { reason: 'idempotency-key-reused' },
    });
    expect(other.body.error.message).toContain('different request');
    const elsewhere = await send(
      nurse,
      `/api/v1/patients/${child}/assessments`,
      { instrument: 'pps', answers: { level: 40 } },
      key,
    );
    expect(elsewhere.status).toBe(422);
    const levels = (await nurse.get(`${url}?instrument=pps`)).body.items.map(
      (a: { answers: { level: number } }) => a.answers.level,
    );
    expect(levels.filter((l: number) => l === 30)).toEqual([]);
  });

  it('keys are per user: another user with the same key makes their own record', async () => {
    const url = `/api/v1/patients/${familyPatient}/diary`;
    const key = randomUUID();
    const before = (await family.get(url)).body.entries.length;
    expect((await send(family, url, { instrument: 'esas_r', answers: { pain: 1 } }, key)).status).toBe(201);
    const family2 = await t.login('family');
    // the same person on another device (another session) gets the replay
    const again = await send(family2, url, { instrument: 'esas_r', answers: { pain: 1 } }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await send(nurse, url, { instrument: 'esas_r', answers: { pain: 1 } }, key)).status).not.toBe(
      422,
    );
    expect((await family.get(url)).body.entries.length).toBeGreaterThanOrEqual(before + 1);
  });

  it('a refusal is kept and replayed too (the outcome of the first attempt, not a second try)', async () => {
    const url = `/api/v1/patients/${familyPatient}/caregiver-skills`;
    const body = {
      caregiverName: 'Пётр Ковалёв',
      skill: 'oxygen',
      level: 'confident',
      signedOn: '2026-11-23',
    };
    const res = await twice(nurse, url, body);
    expect(res.status).toBe(409);
  });

  it('a malformed key is a 400', async () => {
    const res = await send(
      nurse,
      `/api/v1/patients/${adult}/assessments`,
      { instrument: 'pps', answers: { level: 40 } },
      'no spaces allowed',
    );
    expect(res.status).toBe(400);
  });
});

describe('concurrency and crashes', () => {
  it('two requests with one key at the same moment write once; the loser is told it is in progress', async () => {
    const url = `/api/v1/patients/${adult}/assessments`;
    const before = (await nurse.get(`${url}?instrument=phase`)).body.items.length;
    const key = randomUUID();
    const body = { instrument: 'phase', answers: { phase: 'unstable' } };
    const answers = await Promise.all([send(nurse, url, body, key), send(nurse, url, body, key)]);
    expect((await nurse.get(`${url}?instrument=phase`)).body.items).toHaveLength(before + 1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) {
      if (a.status === 201) expect(a.raw).toBe(created[0]!.raw);
      else
        expect(a.body.error).toMatchObject({
          code: 'CONFLICT',
          details: { reason: 'idempotency-in-progress' },
        });
    }
  });

  it('a request that died after its write, before its answer was kept, is never run a second time', async () => {
    const url = `/api/v1/patients/${adult}/assessments`;
    const count = async () => (await nurse.get(`${url}?instrument=pps`)).body.items.length;
    const key = randomUUID();
    const body = { instrument: 'pps', answers: { level: 20 } };
    expect((await send(nurse, url, body, key)).status).toBe(201);
    const written = await count();
    // just now: the first request may still be running
    await reopenIdempotencyKey(t.database.db, key, t.now());
    const busy = await send(nurse, url, body, key);
    expect(busy.status).toBe(409);
    expect(busy.body.error.details.reason).toBe('idempotency-in-progress');
    // minutes ago: it died; nobody can say whether it wrote, so the nurse is asked to check
    await reopenIdempotencyKey(t.database.db, key, new Date(t.now().getTime() - 10 * 60_000));
    const dead = await send(nurse, url, body, key);
    expect(dead.status).toBe(409);
    expect(dead.body.error.details.reason).toBe('idempotency-unfinished');
    expect(dead.body.error.message).toContain('Check whether it was recorded');
    expect(await count()).toBe(written);
  });

  it('a 401 (session expired) keeps nothing: after logging in again the same key does the write once', async () => {
    const url = `/api/v1/patients/${familyPatient}/diary`;
    const before = (await family.get(url)).body.entries.length;
    const key = randomUUID();
    const expired = await t.anonymous().request(
      'POST',
      url,
      { instrument: 'esas_r', answers: { pain: 5 } },
      {
        'idempotency-key': key,
      },
    );
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
    const again = await send(family, url, { instrument: 'esas_r', answers: { pain: 5 } }, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect((await send(family, url, { instrument: 'esas_r', answers: { pain: 5 } }, key)).raw).toBe(
      again.raw,
    );
    expect((await family.get(url)).body.entries).toHaveLength(before + 1);
  });

  it('keys expire after seven days', async () => {
    const url = `/api/v1/patients/${adult}/assessments`;
    const key = randomUUID();
    const body = { instrument: 'phase', answers: { phase: 'stable' } };
    const first = await send(nurse, url, body, key);
    expect(first.status).toBe(201);
    t.advance(7 * 86_400_000 + 60_000);
    const nurseAgain = await t.login('nurse');
    const later = await send(nurseAgain, url, body, key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});
