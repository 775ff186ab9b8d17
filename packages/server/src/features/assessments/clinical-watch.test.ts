import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

/** Issue 12, "Clinical watch that follows the patient" and "Children", one example each. */
let t: TestApp;
let familyPatient: string;
let others: string[];
beforeAll(async () => {
  t = await createTestApp();
  const family = await t.login('family');
  familyPatient = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const physician = await t.login('physician');
  others = (await physician.get('/api/v1/patients?limit=200')).body.items
    .filter(
      (p: { id: string; status: string; isChild: boolean }) =>
        p.status === 'active' && p.id !== familyPatient && !p.isChild,
    )
    .map((p: { id: string }) => p.id);
});
afterAll(async () => t.close());

const hour = 3600_000;
const adultBraden = {
  sensoryPerception: 3,
  moisture: 3,
  activity: 2,
  mobility: 2,
  nutrition: 3,
  frictionShear: 2,
};
type Alert = {
  id: string;
  ruleId: string;
  status: string;
  severity: string;
  sourceId: string;
  facts: Record<string, unknown>;
  factLines: { key: string; params: Record<string, unknown> }[];
  alsoRuleIds: string[];
  timeline: { kind: string }[];
  ownerId: string;
};

async function alertsOf(patientId: string, status = 'active'): Promise<Alert[]> {
  const physician = await t.login('physician');
  const res = await physician.get(`/api/v1/patients/${patientId}/alerts?status=${status}`);
  expect(res.status, res.raw).toBe(200);
  return res.body.items;
}

async function newPatient(dateOfBirth: string, lastName: string) {
  const coordinator = await t.login('coordinator');
  const res = await coordinator.post('/api/v1/patients', {
    firstName: 'Тест',
    lastName,
    dateOfBirth,
    address: 'Минск, ул. Тестовая, 1',
    area: 'Минск',
    coordinates: { lat: 53.9, lon: 27.56 },
    diagnoses: [{ icd10: 'G71.0', description: 'Тестовый диагноз', primary: true }],
  });
  expect(res.status, res.raw).toBe(201);
  return res.body.id as string;
}

describe('an acknowledged alert whose readings get worse', () => {
  it('escalates again: re-opened, its owner told, facts showing the latest values, then up the chain', async () => {
    const family = await t.login('family');
    const physician = await t.login('physician');
    const first = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 7, breathlessness: 3 },
    });
    expect(first.status, first.raw).toBe(201);
    const [alert] = await alertsOf(familyPatient);
    expect(alert).toMatchObject({ ruleId: 'symptom.severe', severity: 'urgent', ownerId: physician.userId });
    const ack = await physician.post(`/api/v1/alerts/${alert!.id}/acknowledge`);
    expect(ack.body.status).toBe('acknowledged');
    const notesBefore = (await physician.get('/api/v1/notifications')).body.items.length;

    t.advance(2 * hour);
    const worse = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 10, breathlessness: 9 },
    });
    expect(worse.body.response).toMatchObject({ status: 'waiting', severity: 'urgent' });
    const active = await alertsOf(familyPatient);
    expect(active).toHaveLength(1);
    const again = active[0]!;
    expect(again.id).toBe(alert!.id);
    expect(again.status).toBe('open');
    expect(again.timeline.map((e) => e.kind)).toContain('worsened');
    expect(again.factLines).toContainEqual({
      key: 'severe',
      params: { item: 'pain', value: 10, scale: 'esas_r', threshold: 7 },
    });
    expect(again.factLines).toContainEqual({
      key: 'severe',
      params: { item: 'breathlessness', value: 9, scale: 'esas_r', threshold: 7 },
    });
    const notes = (await physician.get('/api/v1/notifications')).body.items;
    expect(notes.length).toBe(notesBefore + 1);
    expect(notes.find((n: { entityId: string }) => n.entityId === alert!.id)).toMatchObject({
      kind: 'alert.worse',
      params: { ruleId: 'symptom.severe' },
    });

    // the same values again are a repeat, not a new escalation
    await physician.post(`/api/v1/alerts/${alert!.id}/acknowledge`);
    await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 10, breathlessness: 9 },
    });
    const repeated = (await alertsOf(familyPatient))[0]!;
    expect(repeated.status).toBe('acknowledged');
    expect(repeated.timeline.at(-1)?.kind).toBe('repeated');

    // worse again and nobody answers: the deadline passes it to the next on the chain
    await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 10, breathlessness: 10 },
    });
    t.advance(61 * 60_000);
    await t.hearth.jobs.runDue();
    const escalated = (await alertsOf(familyPatient))[0]!;
    expect(escalated.timeline.map((e) => e.kind)).toContain('escalated');
    expect(escalated.ownerId).not.toBe(physician.userId);
    await physician.post(`/api/v1/alerts/${alert!.id}/resolve`, {
      outcome: 'urgent_visit_requested',
    });
  });
});

describe('rules compare each item with its own last value', () => {
  it('catches a pain rise when the previous diary entry had no pain item', async () => {
    const p = others[0]!;
    const nurse = await t.login('nurse');
    const rec = (answers: Record<string, number>) =>
      nurse.post(`/api/v1/patients/${p}/assessments`, { instrument: 'esas_r', answers });
    await rec({ pain: 3, tiredness: 2 });
    t.advance(hour);
    expect((await rec({ tiredness: 4 })).body.alertIds).toEqual([]);
    t.advance(hour);
    const rising = await rec({ pain: 6 });
    expect(rising.body.alertIds).toHaveLength(1);
    const [alert] = await alertsOf(p);
    expect(alert).toMatchObject({ ruleId: 'pain.rising', severity: 'review' });
    expect(alert!.factLines).toEqual([
      {
        key: 'painRose',
        params: expect.objectContaining({ item: 'pain', value: 6, previous: 3, previousScale: 'esas_r' }),
      },
    ]);
  });

  it('catches a gradual PPS fall, 70 → 60 → 50, against the best value in the window', async () => {
    const p = others[1]!;
    const physician = await t.login('physician');
    const rec = (level: number) =>
      physician.post(`/api/v1/patients/${p}/assessments`, { instrument: 'pps', answers: { level } });
    expect((await rec(70)).body.alertIds).toEqual([]);
    t.advance(5 * 24 * hour);
    const p2 = await t.login('physician');
    expect(
      (await p2.post(`/api/v1/patients/${p}/assessments`, { instrument: 'pps', answers: { level: 60 } })).body
        .alertIds,
    ).toEqual([]);
    t.advance(5 * 24 * hour);
    const p3 = await t.login('physician');
    const fifty = await p3.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'pps',
      answers: { level: 50 },
    });
    expect(fifty.body.alertIds).toHaveLength(1);
    const [alert] = await alertsOf(p);
    expect(alert!.factLines).toEqual([{ key: 'ppsFell', params: { value: 50, best: 70, days: 30 } }]);
  });

  it('compares a first FLACC with the FACES of two days earlier by band, never "from 0"', async () => {
    const child = await newPatient('2022-03-10', 'Ребёнок');
    const nurse = await t.login('nurse');
    const rec = (body: object) => nurse.post(`/api/v1/patients/${child}/assessments`, body);
    expect((await rec({ instrument: 'faces', answers: { score: 4 } })).status).toBe(201);
    t.advance(48 * hour);
    const n2 = await t.login('nurse');
    const same = await n2.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'flacc',
      answers: { face: 1, legs: 1, activity: 1, cry: 1, consolability: 0 },
    });
    expect(same.body.alertIds).toEqual([]);
    t.advance(hour);
    const worse = await n2.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'flacc',
      answers: { face: 2, legs: 2, activity: 1, cry: 1, consolability: 1 },
    });
    expect(worse.body.alertIds).toHaveLength(1);
    const [alert] = await alertsOf(child);
    expect(alert!.ruleId).toBe('symptom.severe');
    expect(alert!.alsoRuleIds).toEqual(['pain.rising']);
    const rose = alert!.factLines.find((l) => l.key === 'painBandRose');
    // compared with the last pain value (FLACC 4, an hour ago) by score would be "up 3": the
    // band comparison is used only across scales, so here the FLACC 4 is the baseline
    expect(rose ?? alert!.factLines.find((l) => l.key === 'painRose')).toBeTruthy();
    expect(JSON.stringify(alert!.factLines)).not.toContain('"previous":0');
  });

  it('a FLACC of 8 after FACES 4 rises a band, with FACES 4 as the earlier value', async () => {
    const child = await newPatient('2022-04-11', 'Ребёнок-второй');
    const nurse = await t.login('nurse');
    await nurse.post(`/api/v1/patients/${child}/assessments`, { instrument: 'faces', answers: { score: 4 } });
    t.advance(48 * hour);
    const n2 = await t.login('nurse');
    await n2.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'flacc',
      answers: { face: 2, legs: 2, activity: 2, cry: 1, consolability: 1 },
    });
    const [alert] = await alertsOf(child);
    expect(alert!.factLines).toContainEqual({
      key: 'painBandRose',
      params: expect.objectContaining({ value: 8, scale: 'flacc', previous: 4, previousScale: 'faces' }),
    });
  });
});

describe('one observation, one alert, in plain words', () => {
  it('raises only the most severe finding and lists the others in its facts', async () => {
    const p = others[2]!;
    const nurse = await t.login('nurse');
    await nurse.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 2, breathlessness: 1 },
    });
    t.advance(hour);
    const obs = await nurse.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 9, breathlessness: 5 },
      flags: { newConfusion: true, breathingSuddenlyWorse: false },
    });
    expect(obs.body.alertIds).toHaveLength(1);
    const alerts = await alertsOf(p);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      ruleId: 'symptom.severe',
      severity: 'urgent',
      alsoRuleIds: ['breathlessness.new-or-worse', 'confusion.new', 'pain.rising'],
    });
    const keys = alerts[0]!.factLines.map((l) => l.key);
    expect(keys).toEqual(
      expect.arrayContaining(['severe', 'painRose', 'breathlessnessWorse', 'reportedNewConfusion']),
    );
    // every parameter is a code or a number to put in words; none of the old raw keys
    const text = JSON.stringify(alerts[0]!.factLines);
    for (const raw of ['risenBy', 'previousPain', 'severeAt', 'symptom.severe'])
      expect(text).not.toContain(raw);
  });
});

describe('the family diary with a single answer', () => {
  it('"breathing is suddenly much worse" alone is sent, and is urgent', async () => {
    const family = await t.login('family');
    const physician = await t.login('physician');
    const before = (await alertsOf(familyPatient)).length;
    const entry = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: {},
      flags: { breathingSuddenlyWorse: true },
    });
    expect(entry.status, entry.raw).toBe(201);
    expect(entry.body.response).toMatchObject({ status: 'waiting', severity: 'urgent' });
    expect(new Date(entry.body.response.respondBy).getTime() - t.now().getTime()).toBe(hour);
    const alerts = await alertsOf(familyPatient);
    expect(alerts).toHaveLength(before + 1);
    const alert = alerts.find((a) => a.sourceId === entry.body.id)!;
    expect(alert).toMatchObject({ ruleId: 'breathlessness.new-or-worse', severity: 'urgent' });
    expect(alert.factLines).toEqual([{ key: 'reportedBreathingWorse', params: {} }]);
    const notes = (await physician.get('/api/v1/notifications')).body.items;
    expect(notes.find((n: { entityId: string }) => n.entityId === alert.id)).toMatchObject({
      kind: 'alert.urgent',
      params: { ruleId: 'breathlessness.new-or-worse' },
    });
    await physician.post(`/api/v1/alerts/${alert.id}/resolve`, { outcome: 'urgent_visit_requested' });
  });

  it('sends "how are you coping" alone; refuses an entry with no answer at all and stores nothing', async () => {
    const family = await t.login('family');
    const coping = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: {},
      coping: 'coping',
    });
    expect(coping.status, coping.raw).toBe(201);
    expect(coping.body.response.status).toBe('none');
    const count = (await family.get(`/api/v1/patients/${familyPatient}/diary`)).body.entries.length;
    const empty = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: {},
      flags: { breathingSuddenlyWorse: false, newConfusion: false },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION');
    expect((await family.get(`/api/v1/patients/${familyPatient}/diary`)).body.entries.length).toBe(count);
  });
});

describe('resolving an alert', () => {
  it('without the required note answers a field error on the note, and changes nothing', async () => {
    const nurse = await t.login('nurse');
    const p = others[3]!;
    const rec = await nurse.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'esas_r',
      answers: { nausea: 8 },
    });
    const physician = await t.login('physician');
    const id = rec.body.alertIds[0];
    const res = await physician.post(`/api/v1/alerts/${id}/resolve`, { outcome: 'advice_by_phone' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([expect.objectContaining({ field: 'body.note' })]);
    expect((await physician.get(`/api/v1/alerts/${id}`)).body.status).toBe('open');
  });
});

describe('children: Braden Q', () => {
  it('a 5-year-old is scored with Braden Q; the adult Braden is refused for them, and Braden Q for an adult', async () => {
    const child = await newPatient('2021-06-01', 'Пятилетний');
    const nurse = await t.login('nurse');
    const refused = await nurse.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'braden',
      answers: adultBraden,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: { expected: 'braden_q' } });
    const q = await nurse.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'braden_q',
      answers: {
        mobility: 2,
        activity: 2,
        sensoryPerception: 3,
        moisture: 3,
        frictionShear: 2,
        nutrition: 2,
        tissuePerfusion: 2,
      },
    });
    expect(q.status, q.raw).toBe(201);
    expect(q.body.scores).toEqual({ total: 16, atRisk: true, cutoff: 16 });
    const adult = await nurse.post(`/api/v1/patients/${others[4]}/assessments`, {
      instrument: 'braden_q',
      answers: q.body.answers,
    });
    expect(adult.status).toBe(409);
  });

  it('the age comes from the settings', async () => {
    const admin = await t.login('admin');
    const settings = (await admin.get('/api/v1/settings')).body;
    const patched = await admin.patch('/api/v1/settings', {
      triage: { ...settings.triage, bradenQUnderYears: 4 },
    });
    expect(patched.status, patched.raw).toBe(200);
    const child = await newPatient('2021-05-01', 'Пятилетний-второй');
    const nurse = await t.login('nurse');
    const braden = await nurse.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'braden',
      answers: adultBraden,
    });
    expect(braden.status, braden.raw).toBe(201);
    await admin.patch('/api/v1/settings', { triage: settings.triage });
  });

  it('records r-FLACC with the parents’ own descriptions of the child’s pain behaviour', async () => {
    const child = await newPatient('2020-02-02', 'Р-ФЛАКК');
    const nurse = await t.login('nurse');
    const res = await nurse.post(`/api/v1/patients/${child}/assessments`, {
      instrument: 'r_flacc',
      answers: {
        face: 1,
        legs: 0,
        activity: 1,
        cry: 0,
        consolability: 1,
        individual: { face: 'скрипит зубами', activity: 'раскачивается' },
      },
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.scores).toEqual({ total: 3, band: 'mild' });
    expect(res.body.answers.individual.face).toBe('скрипит зубами');
  });
});
