import { triageRuleSetVersion } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNurseVisit } from '../../test/family-visits.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let baseUrl: string;
let familyPatient: string;
let others: string[];
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.hearth.app.listen({ port: 0, host: '127.0.0.1' });
  const family = await t.login('family');
  familyPatient = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  const physician = await t.login('physician');
  others = (await physician.get('/api/v1/patients?limit=200')).body.items
    .filter((p: { id: string; status: string }) => p.status === 'active' && p.id !== familyPatient)
    .map((p: { id: string }) => p.id);
});
afterAll(async () => t.close());

const hour = 3600_000;

async function waitForEvent(res: Response, type: string, ms = 5000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
      if (text.includes(`event: ${type}`)) return text;
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

describe('staff assessments', () => {
  it('records an ESAS-r with its bands, and a quiet record raises nothing', async () => {
    const nurse = await t.login('nurse');
    const res = await nurse.post(`/api/v1/patients/${others[0]}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 3, tiredness: 5, breathlessness: 0 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      instrument: 'esas_r',
      version: 1,
      source: 'staff',
      recordedByRole: 'nurse',
      scores: {
        bands: { pain: 'mild', tiredness: 'moderate', breathlessness: 'none' },
        highestBand: 'moderate',
      },
      alertIds: [],
    });
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const nurse = await t.login('nurse');
    const before = (await nurse.get(`/api/v1/patients/${others[0]}/assessments`)).body.items.length;
    const bad = await nurse.post(`/api/v1/patients/${others[0]}/assessments`, {
      instrument: 'braden',
      answers: {
        sensoryPerception: 5,
        moisture: 1,
        activity: 1,
        mobility: 1,
        nutrition: 1,
        frictionShear: 4,
      },
    });
    expect(bad.status).toBe(400);
    expect((await nurse.get(`/api/v1/patients/${others[0]}/assessments`)).body.items.length).toBe(before);
    const family = await t.login('family');
    const byFamily = await family.post(`/api/v1/patients/${familyPatient}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 2 },
    });
    expect(byFamily.status).toBe(403);
  });

  it('keeps the original when a record is corrected, with who, when and why', async () => {
    const nurse = await t.login('nurse');
    const braden = {
      sensoryPerception: 2,
      moisture: 2,
      activity: 1,
      mobility: 2,
      nutrition: 2,
      frictionShear: 1,
    };
    const first = await nurse.post(`/api/v1/patients/${others[1]}/assessments`, {
      instrument: 'braden',
      answers: braden,
    });
    expect(first.body.scores).toEqual({ total: 10, risk: 'high' });
    t.advance(10 * 60_000);
    const noReason = await nurse.post(
      `/api/v1/patients/${others[1]}/assessments/${first.body.id}/corrections`,
      {
        instrument: 'braden',
        answers: braden,
      },
    );
    expect(noReason.status).toBe(400);
    // issue 13: only the author or a physician corrects an assessment
    const psychologist = await t.login('psychologist');
    const notAuthor = await psychologist.post(
      `/api/v1/patients/${others[1]}/assessments/${first.body.id}/corrections`,
      { instrument: 'braden', answers: braden, reason: 'Thought it was wrong' },
    );
    expect(notAuthor.status).toBe(403);
    const fixed = await nurse.post(`/api/v1/patients/${others[1]}/assessments/${first.body.id}/corrections`, {
      instrument: 'braden',
      answers: { ...braden, activity: 2, mobility: 3 },
      reason: 'Activity and mobility entered in the wrong rows',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      id: first.body.id,
      version: 2,
      scores: { total: 12, risk: 'high' },
      correctionReason: 'Activity and mobility entered in the wrong rows',
      takenAt: first.body.takenAt,
    });
    expect(fixed.body.history).toHaveLength(1);
    expect(fixed.body.history[0]).toMatchObject({ version: 1, scores: { total: 10 } });
    const list = (await nurse.get(`/api/v1/patients/${others[1]}/assessments?instrument=braden`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0].version).toBe(2);
  });

  it('raises "pain rising" against the previous record and a PPS drop of 20', async () => {
    const physician = await t.login('physician');
    const p = others[2];
    await physician.post(`/api/v1/patients/${p}/assessments`, { instrument: 'esas_r', answers: { pain: 2 } });
    t.advance(hour);
    const rising = await physician.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 5 },
    });
    expect(rising.body.alertIds).toHaveLength(1);
    const alert = (await physician.get(`/api/v1/alerts/${rising.body.alertIds[0]}`)).body;
    expect(alert).toMatchObject({
      ruleSet: 'triage',
      ruleSetVersion: triageRuleSetVersion,
      ruleId: 'pain.rising',
      severity: 'review',
      facts: { readings: [{ item: 'pain', value: 5, previous: 2, previousScale: 'esas_r' }] },
    });
    await physician.post(`/api/v1/patients/${p}/assessments`, { instrument: 'pps', answers: { level: 60 } });
    t.advance(hour);
    const drop = await physician.post(`/api/v1/patients/${p}/assessments`, {
      instrument: 'pps',
      answers: { level: 40 },
    });
    expect(drop.body.scores).toEqual({ level: 40 });
    expect(drop.body.alertIds).toHaveLength(1);
  });
});

describe('the family symptom diary', () => {
  it('family pain 8 → the on-call physician sees it live → "therapy adjusted" → the family sees the answer', async () => {
    const family = await t.login('family');
    const physician = await t.login('physician');
    const view = await family.get(`/api/v1/patients/${familyPatient}/diary`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      scale: 'esas_r',
      urgentMinutes: 60,
      servicePhone: '+375 17 000-12-34',
    });

    const stream = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: physician.cookie! } });
    const seen = waitForEvent(stream, 'alert.raised');
    const entry = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 8, tiredness: 6, breathlessness: 2 },
      coping: 'struggling',
      note: 'Не спал ночью из-за боли',
    });
    expect(entry.status).toBe(201);
    expect(entry.body.response).toMatchObject({ status: 'waiting', severity: 'urgent' });
    expect(new Date(entry.body.response.respondBy).getTime() - t.now().getTime()).toBe(hour);
    expect(await seen).toContain('event: alert.raised');

    const inbox = (await physician.get('/api/v1/alerts?mine=true')).body.items;
    const alert = inbox.find((a: { sourceId: string }) => a.sourceId === entry.body.id);
    expect(alert).toMatchObject({
      ruleId: 'symptom.severe',
      severity: 'urgent',
      facts: { readings: [{ item: 'pain', value: 8, scale: 'esas_r' }], threshold: 7 },
    });
    const tasks = (await physician.get(`/api/v1/patients/${familyPatient}/tasks`)).body.items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'symptom_follow_up', alertId: alert.id });
    expect(new Date(tasks[0].dueAt).getTime() - new Date(entry.body.takenAt).getTime()).toBe(48 * hour);

    const familyStream = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: family.cookie! } });
    const familySeen = waitForEvent(familyStream, 'alert.answered');
    const resolved = await physician.post(`/api/v1/alerts/${alert.id}/resolve`, {
      outcome: 'therapy_adjusted',
      note: 'Staff-only: breakthrough dose changed',
      familyMessage: 'Доктор изменил обезболивание. Медсестра приедет завтра.',
    });
    expect(resolved.status).toBe(200);
    expect(await familySeen).toContain('event: alert.answered');
    const after = (await family.get(`/api/v1/patients/${familyPatient}/diary`)).body;
    const answered = after.entries.find((e: { id: string }) => e.id === entry.body.id);
    expect(answered.response).toMatchObject({
      status: 'answered',
      outcome: 'therapy_adjusted',
      familyMessage: 'Доктор изменил обезболивание. Медсестра приедет завтра.',
      answeredByName: 'Сергей Лебедев',
    });
    expect(JSON.stringify(after)).not.toContain('Staff-only');
  });

  it('closes the 48 h follow-up task only with a later staff assessment', async () => {
    const family = await t.login('family');
    let nurse = await t.login('nurse');
    // another family entry does not close it
    await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 5 },
      coping: 'coping',
    });
    let tasks = (await nurse.get(`/api/v1/patients/${familyPatient}/tasks`)).body.items;
    expect(tasks).toHaveLength(1);
    t.advance(20 * hour);
    nurse = await t.login('nurse'); // sessions last 12 hours
    await nurse.post(`/api/v1/patients/${familyPatient}/assessments`, {
      instrument: 'esas_r',
      answers: { pain: 4 },
    });
    tasks = (await nurse.get(`/api/v1/patients/${familyPatient}/tasks`)).body.items;
    expect(tasks).toHaveLength(0);
    const doneRes = await nurse.get(`/api/v1/patients/${familyPatient}/tasks?status=done`);
    const done = doneRes.body.items;
    expect(doneRes.status, doneRes.raw).toBe(200);
    expect(done[0]).toMatchObject({ kind: 'symptom_follow_up', overdue: false });
  });

  it('sends "cannot cope" to the psychologist and coordinators, and an urgent visit to the dispatch tasks', async () => {
    const family = await t.login('family');
    const entry = await family.post(`/api/v1/patients/${familyPatient}/diary`, {
      instrument: 'esas_r',
      answers: { pain: 3 },
      coping: 'cannot_cope',
      flags: { newConfusion: true, breathingSuddenlyWorse: false },
    });
    expect(entry.body.response.severity).toBe('urgent');
    const physician = await t.login('physician');
    // one observation, one alert: the urgent confusion, with "cannot cope" folded into it
    const confusion = (await physician.get('/api/v1/alerts')).body.items.find(
      (a: { sourceId: string }) => a.sourceId === entry.body.id,
    );
    expect(confusion).toMatchObject({ ruleId: 'confusion.new', alsoRuleIds: ['family.cannot-cope'] });
    // ... and the psychologist and the coordinators' lead are told about it
    for (const role of ['psychologist', 'coordinator']) {
      const notes = (await (await t.login(role)).get('/api/v1/notifications')).body.items;
      expect(notes.some((n: { entityId: string }) => n.entityId === confusion.id)).toBe(true);
    }
    const visit = await physician.post(`/api/v1/alerts/${confusion.id}/resolve`, {
      outcome: 'urgent_visit_requested',
    });
    expect(visit.status).toBe(200);
    const tasks = (await physician.get('/api/v1/tasks')).body.items;
    expect(
      tasks.some(
        (x: { kind: string; alertId: string }) => x.kind === 'urgent_visit' && x.alertId === confusion.id,
      ),
    ).toBe(true);
  });

  it('gives the child’s scale to a child’s family and refuses a face score that does not exist', async () => {
    const nurse = await t.login('nurse');
    const patients = (await nurse.get('/api/v1/patients?limit=200')).body.items;
    const child = patients.find((p: { isChild: boolean }) => p.isChild);
    expect(child).toBeTruthy();
    const view = await nurse.get(`/api/v1/patients/${child.id}/diary`);
    expect(view.body.scale).toBe('faces');
    const bad = await nurse.post(`/api/v1/patients/${child.id}/diary`, {
      instrument: 'faces',
      answers: { score: 7 },
      coping: 'coping',
    });
    expect(bad.status).toBe(400);
  });
});

describe('assessments recorded at a visit', () => {
  it('keep the visit id, and refuse a visit of another patient without storing anything', async () => {
    const coordinator = await t.login('coordinator');
    const nurse = await t.login('nurse');
    const [patient, other] = [others[2]!, others[3]!];
    const requestVisit = (patientId: string) =>
      requestNurseVisit(coordinator, patientId, { date: '2026-12-01', reason: 'Symptom review' });
    const visitId = await requestVisit(patient);
    const pps = { instrument: 'pps', answers: { level: 50 } };
    const atVisit = await nurse.post(`/api/v1/patients/${patient}/assessments`, { ...pps, visitId });
    expect(atVisit.status, atVisit.raw).toBe(201);
    expect(atVisit.body.visitId).toBe(visitId);
    const listed = await nurse.get(`/api/v1/patients/${patient}/assessments`);
    expect(listed.body.items.find((a: { id: string }) => a.id === atVisit.body.id).visitId).toBe(visitId);
    // a correction stays with the visit
    const corrected = await nurse.post(
      `/api/v1/patients/${patient}/assessments/${atVisit.body.id}/corrections`,
      {
        ...pps,
        answers: { level: 40 },
        reason: 'Wrong level chosen',
      },
    );
    expect(corrected.status, corrected.raw).toBe(200);
    expect(corrected.body.visitId).toBe(visitId);

    const otherVisit = await requestVisit(other);
    const before = (await nurse.get(`/api/v1/patients/${patient}/assessments`)).body.items.length;
    const wrong = await nurse.post(`/api/v1/patients/${patient}/assessments`, {
      ...pps,
      visitId: otherVisit,
    });
    expect([400, 404]).toContain(wrong.status);
    expect((await nurse.get(`/api/v1/patients/${patient}/assessments`)).body.items.length).toBe(before);
    const unknown = await nurse.post(`/api/v1/patients/${patient}/assessments`, {
      ...pps,
      visitId: '00000000-0000-4000-8000-000000000000',
    });
    expect([400, 404]).toContain(unknown.status);
  });
});

describe('the assessments list', () => {
  it('comes a page at a time, newest first, each record once, until no cursor is left', async () => {
    const nurse = await t.login('nurse');
    const patient = others[4]!;
    for (let i = 0; i < 5; i++) {
      t.advance(hour);
      const res = await nurse.post(`/api/v1/patients/${patient}/assessments`, {
        instrument: 'pps',
        answers: { level: 70 - i * 10 },
      });
      expect(res.status, res.raw).toBe(201);
    }
    const all = (await nurse.get(`/api/v1/patients/${patient}/assessments?limit=200`)).body;
    expect(all.nextCursor).toBeNull();
    const seen: { id: string; takenAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await nurse.get(`/api/v1/patients/${patient}/assessments?limit=2${query}`);
      expect(page.status, page.raw).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.map((a) => a.id)).toEqual(all.items.map((a: { id: string }) => a.id));
    const times = seen.map((a) => a.takenAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await nurse.get(`/api/v1/patients/${patient}/assessments?limit=201`)).status).toBe(400);
  });
});
