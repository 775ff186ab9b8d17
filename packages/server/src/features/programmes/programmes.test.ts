import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let vc: Agent;
let children: { id: string; firstName: string }[];
let adultId: string;

const session = (over: Record<string, unknown> = {}) => ({
  title: 'Встреча',
  startsAt: '2026-12-01T14:00:00.000Z',
  endsAt: '2026-12-01T16:00:00.000Z',
  place: 'Минск, ул. Нахимова, д. 4',
  capacity: 2,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  vc = await t.login('volunteer_coordinator');
  const patients = (await vc.get('/api/v1/patients?limit=200')).body.items;
  children = patients.filter((p: { isChild: boolean; status: string }) => p.isChild && p.status === 'active');
  adultId = patients.find(
    (p: { isChild: boolean; status: string }) => !p.isChild && p.status === 'active',
  ).id;
});
afterAll(async () => t.close());

async function programme(kind: string, name = 'Программа') {
  const res = await vc.post('/api/v1/programmes', { kind, name });
  expect(res.status, res.raw).toBe(201);
  return res.body.id as string;
}

describe('programmes, sessions and rosters', () => {
  it('lists the demo programmes of every kind', async () => {
    const list = await vc.get('/api/v1/programmes');
    expect(list.status).toBe(200);
    expect(new Set(list.body.items.map((p: { kind: string }) => p.kind))).toEqual(
      new Set(['friends_club', 'clown_doctors', 'summer_camp', 'training_course']),
    );
    const nurse = await t.login('nurse');
    expect((await nurse.get('/api/v1/programmes')).status).toBe(200);
    expect((await nurse.post('/api/v1/programmes', { kind: 'friends_club', name: 'X клуб' })).status).toBe(
      403,
    );
    const family = await t.login('family');
    expect((await family.get('/api/v1/programmes')).status).toBe(403);
  });

  it('refuses a participant over capacity and someone over the friends’ club age limit', async () => {
    const club = await programme('friends_club', 'Клуб друзей — тест');
    const detail = await vc.post(`/api/v1/programmes/${club}/sessions`, session());
    expect(detail.status, detail.raw).toBe(200);
    expect(detail.body.maxAgeYears).toBe(24);
    const sessionId = detail.body.sessions[0].id;
    for (const name of ['Артём', 'Вика'])
      expect(
        (
          await vc.post(`/api/v1/programme-sessions/${sessionId}/participants`, {
            name,
            dateOfBirth: '2005-03-01',
          })
        ).status,
      ).toBe(200);
    const full = await vc.post(`/api/v1/programme-sessions/${sessionId}/participants`, {
      name: 'Третий',
      dateOfBirth: '2008-01-01',
    });
    expect(full.status).toBe(409);
    expect(full.body.error.details.capacity).toBe(2);
    expect(full.body.error).toMatchObject({ reason: 'programmes.sessionFull', params: { capacity: 2 } });
    const club2 = await vc.post(
      `/api/v1/programmes/${club}/sessions`,
      session({
        title: 'Вторая встреча',
        startsAt: '2026-12-08T14:00:00.000Z',
        endsAt: '2026-12-08T16:00:00.000Z',
      }),
    );
    const secondSession = club2.body.sessions.find((x: { title: string }) => x.title === 'Вторая встреча');
    const second = secondSession.id;
    const old = await vc.post(`/api/v1/programme-sessions/${second}/participants`, {
      name: 'Взрослый',
      dateOfBirth: '1990-01-01',
    });
    expect(old.status).toBe(409);
    // the age limit cannot be skipped by leaving the date of birth out
    const unknownAge = await vc.post(`/api/v1/programme-sessions/${second}/participants`, {
      name: 'Без даты',
    });
    expect(unknownAge.status).toBe(400);
    expect(unknownAge.body.error.details.fields[0].field).toBe('body.dateOfBirth');
    expect(unknownAge.body.error).toMatchObject({
      reason: 'programmes.dateOfBirthRequired',
      params: { maxAge: 24 },
    });
    // a linked young person's age comes from the record, whatever date is typed
    const adult = await vc.post(`/api/v1/programme-sessions/${second}/participants`, {
      name: 'Взрослый пациент',
      patientId: adultId,
      dateOfBirth: '2015-01-01',
    });
    expect(adult.status).toBe(409);
    const linked = await vc.post(`/api/v1/programme-sessions/${second}/participants`, {
      name: 'Ребёнок из записи',
      patientId: children[0]!.id,
    });
    expect(linked.status, linked.raw).toBe(200);
    const joined = linked.body.sessions.find((x: { id: string }) => x.id === second);
    expect(joined.participants[0].patientId).toBe(children[0]!.id);
    const twice = await vc.post(`/api/v1/programme-sessions/${second}/participants`, {
      name: 'Ребёнок из записи',
      patientId: children[0]!.id,
    });
    expect(twice.status).toBe(409);
    const badTimes = await vc.post(
      `/api/v1/programmes/${club}/sessions`,
      session({ endsAt: '2026-12-01T13:00:00.000Z' }),
    );
    expect(badTimes.status).toBe(400);
  });

  it('puts staff and active volunteers on a roster and refuses an unscreened volunteer', async () => {
    const club = await programme('friends_club', 'Клуб — ростер');
    const sessionId = (await vc.post(`/api/v1/programmes/${club}/sessions`, session())).body.sessions[0].id;
    const volunteers = (await vc.get('/api/v1/volunteers?limit=200')).body.items;
    const active = volunteers.find((v: { status: string }) => v.status === 'active');
    const applicant = volunteers.find((v: { status: string }) => v.status === 'applicant');
    const psychologist = (await t.login('psychologist')).userId;
    const refused = await vc.post(`/api/v1/programme-sessions/${sessionId}/roster`, {
      volunteerId: applicant.id,
      role: 'помощник',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.status).toBe('applicant');
    const ok = await vc.post(`/api/v1/programme-sessions/${sessionId}/roster`, {
      volunteerId: active.id,
      role: 'помощник',
    });
    expect(ok.status, ok.raw).toBe(200);
    const staff = await vc.post(`/api/v1/programme-sessions/${sessionId}/roster`, {
      userId: psychologist,
      role: 'психолог',
    });
    const roster = staff.body.sessions[0].roster;
    expect(roster.map((r: { name: string }) => r.name)).toEqual([active.name, expect.any(String)]);
    const removed = await vc.delete(`/api/v1/programme-sessions/${sessionId}/roster/${roster[0].id}`);
    expect(removed.body.sessions[0].roster).toHaveLength(1);
    const both = await vc.post(`/api/v1/programme-sessions/${sessionId}/roster`, { role: 'никто' });
    expect(both.status).toBe(400);
  });
});

describe('summer camp', () => {
  it('fills a shift to capacity, puts the next application on the waiting list and promotes it when a place frees', async () => {
    const camp = await programme('summer_camp', 'Лагерь — тест');
    const shift = (
      await vc.post(
        `/api/v1/programmes/${camp}/sessions`,
        session({ title: 'Смена 1', capacity: 2, familyCapacity: 2 }),
      )
    ).body.sessions[0];
    expect(shift.familyCapacity).toBe(2);
    const apply = (patientId: string, familyMembers: number) =>
      vc.post(`/api/v1/programme-sessions/${shift.id}/camp-applications`, { patientId, familyMembers });
    const a = await apply(children[0]!.id, 1);
    expect(a.status, a.raw).toBe(201);
    expect(a.body.status).toBe('accepted');
    expect(a.body.missingConsents).toEqual(['participation', 'medical_care']);
    const big = await apply(children[1]!.id, 2); // only one family place left
    expect(big.body.status).toBe('waitlisted');
    expect(big.body.waitlistPosition).toBe(1);
    const c = await apply(children[2]!.id, 0); // a child place is free, but nobody jumps the list
    expect(c.body.status).toBe('waitlisted');
    expect(c.body.waitlistPosition).toBe(2);
    expect((await apply(children[0]!.id, 1)).status).toBe(409); // already applied
    expect((await apply(adultId, 0)).status).toBe(409); // camp is for children

    const withdrawn = await vc.post(`/api/v1/camp-applications/${a.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const list = await vc.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`);
    const byId = Object.fromEntries(list.body.map((x: { id: string }) => [x.id, x]));
    expect(byId[big.body.id].status).toBe('accepted');
    expect(byId[c.body.id].status).toBe('accepted');
    const programmeView = await vc.get(`/api/v1/programmes/${camp}`);
    expect(programmeView.body.sessions[0]).toMatchObject({ taken: 2, familyTaken: 2, waiting: 0 });
  });

  it('keeps per-child care notes as versions and consent forms', async () => {
    const camp = await programme('summer_camp', 'Лагерь — заметки');
    const shift = (
      await vc.post(`/api/v1/programmes/${camp}/sessions`, session({ capacity: 5, familyCapacity: 5 }))
    ).body.sessions[0];
    const app = await vc.post(`/api/v1/programme-sessions/${shift.id}/camp-applications`, {
      patientId: children[3]!.id,
      familyMembers: 1,
    });
    await vc.post(`/api/v1/camp-applications/${app.body.id}/care-notes`, { diet: 'Без глютена' });
    const nurse = await t.login('nurse');
    const note = await nurse.post(`/api/v1/camp-applications/${app.body.id}/care-notes`, {
      medicines: 'Леветирацетам утром и вечером (даёт мама)',
      equipment: 'Коляска',
      diet: 'Без глютена, протёртая',
      mobility: 'Пересаживать вдвоём',
      whoMayGive: 'Только мама или медсестра смены',
    });
    expect(note.status, note.raw).toBe(200);
    expect(note.body.careNote.version).toBe(2);
    expect(note.body.careNote.diet).toBe('Без глютена, протёртая');
    await vc.post(`/api/v1/camp-applications/${app.body.id}/consents`, {
      kind: 'participation',
      signedBy: 'Мама',
      signedOn: '2026-11-20',
    });
    const consent = await vc.post(`/api/v1/camp-applications/${app.body.id}/consents`, {
      kind: 'medical_care',
      signedBy: 'Мама',
      signedOn: '2026-11-20',
    });
    expect(consent.body.missingConsents).toEqual([]);
    const again = await vc.post(`/api/v1/camp-applications/${app.body.id}/consents`, {
      kind: 'medical_care',
      signedBy: 'Папа',
      signedOn: '2026-11-21',
    });
    expect(again.body.consents).toEqual([
      { kind: 'participation', signedBy: 'Мама', signedOn: '2026-11-20' },
      { kind: 'medical_care', signedBy: 'Папа', signedOn: '2026-11-21' },
    ]);
    expect(
      (await vc.post(`/api/v1/camp-applications/${app.body.id}/consents`, { kind: 'photos' })).status,
    ).toBe(400);
    expect(
      (
        await vc.post('/api/v1/camp-applications/00000000-0000-4000-8000-000000000000/consents', {
          kind: 'photos',
          signedBy: 'Мама',
          signedOn: '2026-11-20',
        })
      ).status,
    ).toBe(404);
    expect(consent.body.recordMedicines).toBeNull(); // the volunteer coordinator is not a clinician
    const volunteer = await t.login('volunteer');
    expect((await volunteer.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`)).status).toBe(
      403,
    );
  });

  it("shows the child's needs but not the prescriptions to non-clinical staff, on every read (issue 13)", async () => {
    const camp = await programme('summer_camp', 'Лагерь — лекарства');
    const shift = (
      await vc.post(`/api/v1/programmes/${camp}/sessions`, session({ capacity: 5, familyCapacity: 5 }))
    ).body.sessions[0];
    const applied = await vc.post(`/api/v1/programme-sessions/${shift.id}/camp-applications`, {
      patientId: children[2]!.id,
      familyMembers: 0,
    });
    expect(applied.status, applied.raw).toBe(201);
    expect(applied.body.recordMedicines).toBeNull();
    const id = applied.body.id;
    const nurse = await t.login('nurse');
    const medicines = 'Вальпроат 150 мг утром и вечером';
    expect(
      (await nurse.post(`/api/v1/camp-applications/${id}/care-notes`, { medicines, diet: 'Обычная' })).status,
    ).toBe(200);
    // the programme staff cannot write the medicines line, and their save keeps the nurse's
    const written = await vc.post(`/api/v1/camp-applications/${id}/care-notes`, {
      medicines: 'Парацетамол',
      diet: 'Протёртая',
    });
    expect(written.status).toBe(403);
    const saved = await vc.post(`/api/v1/camp-applications/${id}/care-notes`, { diet: 'Протёртая' });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body.careNote).toMatchObject({ diet: 'Протёртая', medicines: null, version: 2 });
    expect(saved.body.recordMedicines).toBeNull();
    // every read path of the non-clinical staff: the shift's list, and each write's answer
    const list = await vc.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`);
    const mine = list.body.find((a: { id: string }) => a.id === id);
    expect(mine.recordMedicines).toBeNull();
    expect(mine.careNote.medicines).toBeNull();
    expect(list.raw).not.toContain('Вальпроат');
    const signed = await vc.post(`/api/v1/camp-applications/${id}/consents`, {
      kind: 'participation',
      signedBy: 'Мама',
      signedOn: '2026-11-20',
    });
    expect(signed.raw).not.toContain('Вальпроат');
    const admin = await t.login('admin');
    const adminList = await admin.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`);
    expect(adminList.status).toBe(200);
    expect(adminList.raw).not.toContain('Вальпроат');
    // the camp's nurse and physician read them
    for (const clinician of [nurse, await t.login('physician')]) {
      const theirs = await clinician.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`);
      expect(theirs.status, theirs.raw).toBe(200);
      const a = theirs.body.find((x: { id: string }) => x.id === id);
      expect(a.careNote.medicines).toBe(medicines);
      expect(Array.isArray(a.recordMedicines)).toBe(true);
    }
    // volunteers and the equipment manager do not read applications at all
    for (const role of ['volunteer', 'equipment_manager'] as const) {
      const who = await t.login(role);
      expect((await who.get(`/api/v1/programme-sessions/${shift.id}/camp-applications`)).status).toBe(403);
    }
  });
});

describe('clown doctors', () => {
  it('refuses a visit in the terminal phase unless the family asked, and one the family declined', async () => {
    const child = children[4]!.id;
    const body = { patientId: child, scheduledAt: '2026-11-30T09:00:00.000Z' };
    const physician = await t.login('physician');
    const recordPhase = async (patientId: string, phase: string, takenAt: string) => {
      const res = await physician.post(`/api/v1/patients/${patientId}/assessments`, {
        instrument: 'phase',
        answers: { phase },
        takenAt,
      });
      expect(res.status, res.raw).toBe(201);
    };
    await recordPhase(child, 'terminal', '2026-11-22T08:00:00.000Z');
    const terminal = await vc.post('/api/v1/clown-visits', { ...body, familyWish: 'welcome' });
    expect(terminal.status).toBe(409);
    expect(terminal.body.error.details.reason).toBe('terminal_phase');
    expect(terminal.body.error.reason).toBe('programmes.clownTerminalPhase');
    const asked = await vc.post('/api/v1/clown-visits', { ...body, familyWish: 'asked' });
    expect(asked.status, asked.raw).toBe(201);
    expect(asked.body).toMatchObject({ phase: 'terminal', phaseSource: 'assessment' });
    expect(asked.body.childFirstName).toBe(children[4]!.firstName);
    const declined = await vc.post('/api/v1/clown-visits', { ...body, familyWish: 'declined' });
    expect(declined.body.error.details.reason).toBe('family_declined');
    const adult = await vc.post('/api/v1/clown-visits', {
      ...body,
      patientId: adultId,
      familyWish: 'welcome',
    });
    expect(adult.status).toBe(409);
  });

  it('never reads an unknown or stale phase as stable, whoever books and whatever they claim (issue 13)', async () => {
    const other = children[5]!.id;
    const body = { patientId: other, scheduledAt: '2026-11-30T09:00:00.000Z' };
    const before = (await vc.get('/api/v1/clown-visits')).body.length;
    for (const familyWish of ['welcome', 'asked']) {
      // a phase the coordinator types in is not a clinician's judgement: it is not read at all
      const res = await vc.post('/api/v1/clown-visits', { ...body, familyWish, confirmedPhase: 'stable' });
      expect(res.status, res.raw).toBe(409);
      expect(res.body.error.details.reason).toBe('phase_unknown');
      expect(res.body.error.message).toMatch(/nurse or physician/);
      expect(res.body.error).toMatchObject({ reason: 'programmes.clownPhaseUnknown', params: { days: 14 } });
    }
    const physician = await t.login('physician');
    // a phase from a month ago no longer describes the child
    const stale = await physician.post(`/api/v1/patients/${other}/assessments`, {
      instrument: 'phase',
      answers: { phase: 'stable' },
      takenAt: '2026-10-20T08:00:00.000Z',
    });
    expect(stale.status, stale.raw).toBe(201);
    const old = await vc.post('/api/v1/clown-visits', { ...body, familyWish: 'welcome' });
    expect(old.body.error.details.reason).toBe('phase_unknown');
    expect((await vc.get('/api/v1/clown-visits')).body.length).toBe(before);
  });

  it('follows the recorded phase and closes visits with an outcome', async () => {
    const other = children[5]!.id;
    const body = { patientId: other, scheduledAt: '2026-11-30T09:00:00.000Z' };
    const physician = await t.login('physician');
    const phase = await physician.post(`/api/v1/patients/${other}/assessments`, {
      instrument: 'phase',
      answers: { phase: 'terminal' },
      takenAt: '2026-11-23T08:00:00.000Z',
    });
    expect(phase.status, phase.raw).toBe(201);
    const recorded = await vc.post('/api/v1/clown-visits', {
      ...body,
      patientId: other,
      familyWish: 'welcome',
    });
    expect(recorded.status).toBe(409);
    expect(recorded.body.error.details.reason).toBe('terminal_phase');
    const askedRecorded = await vc.post('/api/v1/clown-visits', {
      ...body,
      patientId: other,
      familyWish: 'asked',
    });
    expect(askedRecorded.status, askedRecorded.raw).toBe(201);
    expect(askedRecorded.body).toMatchObject({ phase: 'terminal', phaseSource: 'assessment' });
    const asked = askedRecorded;

    // closing: a future visit cannot be done yet; a cancellation says why; an outcome is required
    const early = await vc.post(`/api/v1/clown-visits/${asked.body.id}/status`, {
      status: 'done',
      outcome: 'Смеялись',
    });
    expect(early.status).toBe(409);
    expect(
      (await vc.post(`/api/v1/clown-visits/${asked.body.id}/status`, { status: 'cancelled' })).status,
    ).toBe(400);
    const cancelled = await vc.post(`/api/v1/clown-visits/${asked.body.id}/status`, {
      status: 'cancelled',
      outcome: 'Мама попросила перенести: ребёнок спит',
    });
    expect(cancelled.status, cancelled.raw).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      outcome: 'Мама попросила перенести: ребёнок спит',
    });
    const past = await vc.post('/api/v1/clown-visits', {
      ...body,
      scheduledAt: '2026-11-23T08:00:00.000Z',
      patientId: other,
      familyWish: 'asked',
    });
    const done = await vc.post(`/api/v1/clown-visits/${past.body.id}/status`, {
      status: 'done',
      outcome: 'Играли на укулеле, Маша улыбалась',
    });
    expect(done.status, done.raw).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'Играли на укулеле, Маша улыбалась' });
    expect(done.body.closedAt).toBeTruthy();
    expect(
      (
        await vc.post(`/api/v1/clown-visits/${past.body.id}/status`, {
          status: 'cancelled',
          outcome: 'Позже',
        })
      ).status,
    ).toBe(409);
    const nurse = await t.login('nurse');
    expect(
      (
        await nurse.post(`/api/v1/clown-visits/${askedRecorded.body.id}/status`, {
          status: 'done',
          outcome: 'Да',
        })
      ).status,
    ).toBe(403);
    const list = await vc.get('/api/v1/clown-visits');
    expect(list.body.length).toBeGreaterThanOrEqual(2);
  });
});

describe('training centre', () => {
  it('enrols staff and external learners, records attendance and issues a printable certificate on completion', async () => {
    const course = await programme('training_course', 'Боль у детей — тест');
    await vc.post(
      `/api/v1/programmes/${course}/sessions`,
      session({
        title: 'Занятие 1',
        startsAt: '2026-11-20T07:00:00.000Z',
        endsAt: '2026-11-20T10:00:00.000Z',
      }),
    );
    const detail = await vc.post(
      `/api/v1/programmes/${course}/sessions`,
      session({
        title: 'Занятие 2',
        startsAt: '2026-11-22T07:00:00.000Z',
        endsAt: '2026-11-22T09:00:00.000Z',
      }),
    );
    const [s1, s2] = detail.body.sessions.map((s: { id: string }) => s.id);
    const nurse = await t.login('nurse');
    const staff = await vc.post(`/api/v1/programmes/${course}/enrolments`, { userId: nurse.userId });
    expect(staff.status, staff.raw).toBe(201);
    expect(staff.body.external).toBe(false);
    const external = await vc.post(`/api/v1/programmes/${course}/enrolments`, {
      name: 'Ольга Внешняя',
      organization: 'Детская больница',
    });
    expect(external.body.external).toBe(true);
    const full = await vc.post(`/api/v1/programmes/${course}/enrolments`, { name: 'Третий Лишний' });
    expect(full.status).toBe(409); // sessions hold 2

    expect((await vc.get(`/api/v1/course-enrolments/${external.body.id}/certificate`)).status).toBe(409);
    await vc.post(`/api/v1/course-enrolments/${external.body.id}/attendance`, {
      sessionId: s1,
      present: true,
    });
    const done = await vc.post(`/api/v1/course-enrolments/${external.body.id}/attendance`, {
      sessionId: s2,
      present: true,
    });
    expect(done.body.completedOn).toBe('2026-11-23');
    expect(done.body.certificateNumber).toMatch(/^TC-2026-\d{4}$/);
    const cert = await vc.get(`/api/v1/course-enrolments/${external.body.id}/certificate`);
    expect(cert.status).toBe(200);
    expect(cert.body).toMatchObject({
      learnerName: 'Ольга Внешняя',
      courseName: 'Боль у детей — тест',
      totalHours: 5,
      language: 'ru', // the organization's language, whoever prints it
    });
    const partial = await vc.post(`/api/v1/course-enrolments/${staff.body.id}/attendance`, {
      sessionId: s1,
      present: true,
    });
    expect(partial.body.certificateNumber).toBeNull();

    const future = await vc.post(
      `/api/v1/programmes/${course}/sessions`,
      session({ title: 'Будущее', startsAt: '2026-12-20T07:00:00.000Z', endsAt: '2026-12-20T09:00:00.000Z' }),
    );
    const s3 = future.body.sessions[2].id;
    expect(
      (
        await vc.post(`/api/v1/course-enrolments/${staff.body.id}/attendance`, {
          sessionId: s3,
          present: true,
        })
      ).status,
    ).toBe(409);
    const notCourse = await vc.post(`/api/v1/course-enrolments/${staff.body.id}/attendance`, {
      sessionId: '00000000-0000-4000-8000-000000000000',
      present: true,
    });
    expect(notCourse.status).toBe(400);
  });
});
