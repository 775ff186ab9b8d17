import { type LiveEventType, mayReceive, trainingModules } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let vc: Agent;
let coordinator: Agent;
let childId: string;
let childFirstName: string;

// 2026-11-23 09:00Z is a Monday; the request below is on Tuesday 24th at 10:00 Minsk time
const requestStart = '2026-11-24T07:00:00.000Z';

const newVolunteer = (over: Record<string, unknown> = {}) => ({
  name: 'Ирина Тестовая',
  phone: '+375 29 555-11-22',
  address: 'Минск, ул. Кальварийская, д. 1',
  home: { lat: 53.905, lon: 27.52 },
  maxDistanceKm: 30,
  languages: ['ru'],
  skills: ['childcare', 'music'],
  availability: [{ weekday: 2, from: '09:00', to: '14:00' }],
  ...over,
});

const screening = {
  interviewOn: '2026-11-02',
  interviewNotes: 'Спокойная, опыт вожатой в лагере.',
  backgroundCheckOn: '2026-11-10',
  backgroundCheckResult: 'clear',
  consentSignedOn: '2026-11-02',
  confidentialitySignedOn: '2026-11-02',
};

async function activeVolunteer(over: Record<string, unknown> = {}) {
  const created = await vc.post('/api/v1/volunteers', newVolunteer(over));
  expect(created.status, created.raw).toBe(201);
  const id = created.body.id;
  await vc.post(`/api/v1/volunteers/${id}/screening`, screening);
  expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'screened' })).status).toBe(200);
  for (const module of trainingModules)
    await vc.post(`/api/v1/volunteers/${id}/training`, { module, completedOn: '2026-11-15' });
  expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'trained' })).status).toBe(200);
  expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'active' })).status).toBe(200);
  return id as string;
}

async function volunteerWithLogin(email: string) {
  const id = await activeVolunteer({ name: `Волонтёр ${email.slice(0, 4)}` });
  const login = await vc.post(`/api/v1/volunteers/${id}/login`, { email });
  expect(login.status, login.raw).toBe(201);
  // the coordinator passes the link on and is told until when it works
  expect(login.body.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const accepted = await t
    .anonymous()
    .post('/api/v1/auth/accept-invitation', { token: login.body.acceptToken, password: 'volunteer-pass-1' });
  expect(accepted.status, accepted.raw).toBe(200);
  return { id, agent: await t.login(email, 'volunteer-pass-1') };
}

beforeAll(async () => {
  t = await createTestApp();
  vc = await t.login('volunteer_coordinator');
  coordinator = await t.login('coordinator');
  const patients = (await coordinator.get('/api/v1/patients?limit=200')).body.items;
  const child = patients.find(
    (p: { isChild: boolean; status: string }) => p.isChild && p.status === 'active',
  );
  childId = child.id;
  childFirstName = (await coordinator.get(`/api/v1/patients/${childId}`)).body.firstName;
});
afterAll(async () => t.close());

describe('volunteer records', () => {
  it('moves a volunteer from applicant to active only with screening and training on file', async () => {
    const created = await vc.post('/api/v1/volunteers', newVolunteer());
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('applicant');
    const id = created.body.id;

    const early = await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'screened' });
    expect(early.status).toBe(409);
    expect(early.body.error.details.missing).toEqual([
      'interview',
      'background_check',
      'consent',
      'confidentiality_agreement',
    ]);
    expect(early.body.error).toMatchObject({
      reason: 'volunteers.stepsMissing',
      params: { missing: early.body.error.details.missing },
    });
    expect(early.body.error.params.missing.length).toBeGreaterThan(0);
    const skip = await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'active' });
    expect(skip.status).toBe(409);

    await vc.post(`/api/v1/volunteers/${id}/screening`, { ...screening, backgroundCheckResult: 'concerns' });
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'screened' })).status).toBe(409);
    const screened = await vc.post(`/api/v1/volunteers/${id}/screening`, screening);
    expect(screened.body.screening.backgroundCheckResult).toBe('clear');
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'screened' })).body.status).toBe(
      'screened',
    );

    await vc.post(`/api/v1/volunteers/${id}/training`, { module: 'induction', completedOn: '2026-11-12' });
    const partial = await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'trained' });
    expect(partial.status).toBe(409);
    expect(partial.body.error.details.missing).toContain('safeguarding_children');
    for (const module of trainingModules.slice(1))
      await vc.post(`/api/v1/volunteers/${id}/training`, { module, completedOn: '2026-11-15' });
    const trained = await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'trained' });
    expect(trained.body.missingModules).toEqual([]);
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'active' })).body.status).toBe('active');
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'paused', reason: 'exams' })).status).toBe(
      200,
    );
    const note = await vc.post(`/api/v1/volunteers/${id}/notes`, {
      kind: 'debrief',
      on: '2026-11-20',
      body: 'Обсудили первый визит, всё хорошо.',
    });
    expect(note.body.supervision[0].kind).toBe('debrief');
    expect(note.body.history.map((h: { to: string }) => h.to)).toEqual([
      'applicant',
      'screened',
      'trained',
      'active',
      'paused',
    ]);
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'left' })).status).toBe(200);
    expect((await vc.post(`/api/v1/volunteers/${id}/status`, { to: 'active' })).status).toBe(409);
  });

  it('refuses bad input with field errors and lets only the volunteer coordinator manage', async () => {
    const bad = await vc.post(
      '/api/v1/volunteers',
      newVolunteer({ languages: [], phone: 'x', skills: ['magic'] }),
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.languages', 'body.phone']));
    const nurse = await t.login('nurse');
    expect((await nurse.post('/api/v1/volunteers', newVolunteer())).status).toBe(403);
    expect((await nurse.get('/api/v1/volunteers')).status).toBe(403);
    const list = await coordinator.get('/api/v1/volunteers?status=active');
    expect(list.status).toBe(200);
    expect(list.body.items.every((v: { status: string }) => v.status === 'active')).toBe(true);
  });
});

describe('editing a volunteer record', () => {
  it('changes contact, languages, skills, areas and availability; refuses bad input leaving the record as it was', async () => {
    const created = (await vc.post('/api/v1/volunteers', newVolunteer({ name: 'Правка Записи' }))).body;
    const edited = await vc.patch(`/api/v1/volunteers/${created.id}`, {
      phone: '+375 29 777-00-11',
      email: 'pravka@example.org',
      languages: ['ru', 'be', 'be'],
      skills: ['driving'],
      areas: ['Минск', 'Заславль'],
      availability: [{ weekday: 6, from: '10:00', to: '16:00' }],
    });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Правка Записи',
      phone: '+375 29 777-00-11',
      email: 'pravka@example.org',
      languages: ['ru', 'be'],
      skills: ['driving'],
      areas: ['Минск', 'Заславль'],
      availability: [{ weekday: 6, from: '10:00', to: '16:00' }],
    });
    const bad = await vc.patch(`/api/v1/volunteers/${created.id}`, {
      phone: '+375 29 000-00-00',
      availability: [{ weekday: 6, from: '16:00', to: '10:00' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toMatch(/availability/);
    expect((await vc.get(`/api/v1/volunteers/${created.id}`)).body.phone).toBe('+375 29 777-00-11');
    const nurse = await t.login('nurse');
    expect(
      (await nurse.patch(`/api/v1/volunteers/${created.id}`, { phone: '+375 29 111-11-11' })).status,
    ).toBe(403);
    expect(
      (await vc.patch('/api/v1/volunteers/00000000-0000-4000-8000-000000000000', { name: 'Никто' })).status,
    ).toBe(404);
  });
});

describe('matching and assignments', () => {
  let requestId: string;
  it('creates a family request and ranks volunteers by skills, language, distance and availability', async () => {
    const near = await activeVolunteer({ name: 'Близкая Музыкант', home: { lat: 53.9, lon: 27.56 } });
    const created = await vc.post('/api/v1/volunteer-requests', {
      patientId: childId,
      kind: 'company_for_child',
      startsAt: requestStart,
      durationMinutes: 180,
      whatToBring: 'Гитару',
      details: 'Мальчик любит музыку.',
    });
    expect(created.status, created.raw).toBe(201);
    requestId = created.body.id;
    const matches = await vc.get(`/api/v1/volunteer-requests/${requestId}/matches`);
    expect(matches.status).toBe(200);
    const ranked = matches.body as {
      volunteerId: string;
      eligible: boolean;
      score: number;
      reasons: string[];
    }[];
    const firstIneligible = ranked.findIndex((m) => !m.eligible);
    expect(
      ranked.slice(firstIneligible === -1 ? ranked.length : firstIneligible).every((m) => !m.eligible),
    ).toBe(true);
    const eligible = ranked.filter((m) => m.eligible);
    expect(eligible.map((m) => m.score)).toEqual([...eligible.map((m) => m.score)].sort((a, b) => b - a));
    expect(eligible.some((m) => m.volunteerId === near)).toBe(true);
    // demo volunteers who are not active are listed with the reason
    expect(ranked.some((m) => m.reasons.includes('status_screened'))).toBe(true);
  });

  it('refuses to assign a volunteer who is not screened and trained', async () => {
    const applicant = await vc.post('/api/v1/volunteers', newVolunteer({ name: 'Новичок Непроверенный' }));
    const res = await vc.post(`/api/v1/volunteer-requests/${requestId}/assignments`, {
      volunteerId: applicant.body.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details.status).toBe('applicant');
    expect((await vc.get(`/api/v1/volunteer-requests/${requestId}`)).body.assignments).toEqual([]);
  });

  it('lets the volunteer see only their own assignments with the minimum about the family, accept and log hours; the coordinator approves', async () => {
    const login = await volunteerWithLogin('irina.volunteer@example.org');
    const volunteerId = login.id;
    let volunteer = login.agent;
    const assigned = await vc.post(`/api/v1/volunteer-requests/${requestId}/assignments`, { volunteerId });
    expect(assigned.status, assigned.raw).toBe(200);
    expect(assigned.body.status).toBe('assigned');
    const again = await vc.post(`/api/v1/volunteer-requests/${requestId}/assignments`, { volunteerId });
    expect(again.status).toBe(409);

    const mine = await volunteer.get('/api/v1/volunteer-portal/assignments');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    const a = mine.body.items[0];
    expect(a.familyFirstName).toBe(childFirstName);
    expect(a.whatToBring).toBe('Гитару');
    expect(a.address).toBeNull(); // only after accepting
    // nothing clinical or internal leaks into the volunteer's view
    expect(mine.raw).not.toContain('Мальчик любит музыку');
    expect(Object.keys(a).sort()).toEqual(
      [
        'address',
        'closedOn',
        'coordinatorPhone',
        'durationMinutes',
        'familyFirstName',
        'hours',
        'id',
        'kind',
        'startsAt',
        'status',
        'whatToBring',
      ].sort(),
    );

    expect(
      (
        await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
          on: '2026-11-23',
          minutes: 60,
        })
      ).status,
    ).toBe(409); // not accepted yet
    const accepted = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/response`, {
      accept: true,
    });
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.address).toBeTruthy();
    expect(
      (await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/response`, { accept: false }))
        .status,
    ).toBe(409);

    t.advance(2 * 86_400_000);
    // sessions last 12 hours: both log in again two days later
    volunteer = await t.login('irina.volunteer@example.org', 'volunteer-pass-1');
    vc = await t.login('volunteer_coordinator');
    const future = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
      on: '2026-12-30',
      minutes: 60,
    });
    expect(future.status).toBe(400);
    const before = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
      on: '2026-11-23',
      minutes: 60,
    });
    expect(before.status).toBe(400); // the visit is on the 24th
    const logged = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
      on: '2026-11-24',
      minutes: 150,
      note: 'Пели песни',
    });
    expect(logged.status, logged.raw).toBe(200);
    expect(logged.body.hours[0].status).toBe('submitted');
    // issue 13: the same entry again, or more than the 3-hour request on that day, is refused
    const duplicate = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
      on: '2026-11-24',
      minutes: 150,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe(
      '2 h 30 min for 2026-11-24 on this request are already logged.',
    );
    expect(duplicate.body.error).toMatchObject({
      reason: 'volunteers.hoursDuplicate',
      params: { minutes: 150 },
    });
    const over = await volunteer.post(`/api/v1/volunteer-portal/assignments/${a.id}/hours`, {
      on: '2026-11-24',
      minutes: 60,
    });
    expect(over.status).toBe(409);
    expect(over.body.error.details).toMatchObject({
      reason: 'hours_over_request',
      allowedMinutes: 180,
      loggedMinutes: 150,
    });
    expect(over.body.error).toMatchObject({
      reason: 'volunteers.hoursOverRequest',
      params: { allowedMinutes: 180, loggedMinutes: 150 },
    });
    expect((await volunteer.get(`/api/v1/volunteer-portal/assignments/${a.id}`)).body.hours).toHaveLength(1);

    // the coordinator approves; a volunteer cannot approve their own hours
    const pending = await vc.get('/api/v1/volunteer-hours?status=submitted');
    const entry = pending.body.items.find((h: { assignmentId: string }) => h.assignmentId === a.id);
    expect(entry.minutes).toBe(150);
    expect(
      (await volunteer.post(`/api/v1/volunteer-hours/${entry.id}/decision`, { approve: true })).status,
    ).toBe(403);
    const approved = await vc.post(`/api/v1/volunteer-hours/${entry.id}/decision`, { approve: true });
    expect(approved.body.status).toBe('approved');
    expect((await vc.post(`/api/v1/volunteer-hours/${entry.id}/decision`, { approve: false })).status).toBe(
      409,
    );

    const report = await vc.get('/api/v1/volunteer-reports/2026-11');
    expect(report.status).toBe(200);
    expect(
      report.body.byVolunteer.find((v: { volunteerId: string }) => v.volunteerId === volunteerId).hours,
    ).toBe(2.5);
    // the demo approved 2 h earlier in the month; paid care hours come from the demo's visits
    const derived = report.body;
    expect(derived.paidCareHoursSource).toBe('visits');
    expect(derived.completedVisits).toBeGreaterThan(0);
    expect(derived.paidCareHours).toBe(derived.visitCareHours);
    expect(derived.enteredPaidCareHours).toBeNull();
    // a typed figure overrides the visits record, and clearing it goes back to the visits
    const set = await vc.post('/api/v1/volunteer-reports/2026-11/paid-care-hours', { hours: 60 });
    expect(set.body.paidCareHours).toBe(60);
    expect(set.body.volunteerHours).toBe(4.5);
    expect(set.body.sharePercent).toBe(7.5);
    expect(set.body.meetsBenchmark).toBe(true);
    expect(set.body.benchmarkPercent).toBe(5);
    expect(set.body.paidCareHoursSource).toBe('entered');
    expect(set.body.visitCareHours).toBe(derived.visitCareHours);
    const cleared = await vc.post('/api/v1/volunteer-reports/2026-11/paid-care-hours', { hours: null });
    expect(cleared.body.paidCareHoursSource).toBe('visits');
    expect(cleared.body.paidCareHours).toBe(derived.visitCareHours);
    expect((await vc.post('/api/v1/volunteer-reports/2026-11/paid-care-hours', { hours: -1 })).status).toBe(
      400,
    );
    // a month without visits or a typed figure has no share to show
    const empty = (await vc.get('/api/v1/volunteer-reports/2025-01')).body;
    expect(empty).toMatchObject({ paidCareHours: null, paidCareHoursSource: null, sharePercent: null });
  });

  it('returns a declined request to the open list and keeps other volunteers’ assignments invisible', async () => {
    const { id: volunteerId, agent: volunteer } = await volunteerWithLogin('second.volunteer@example.org');
    const req = await vc.post('/api/v1/volunteer-requests', {
      patientId: childId,
      kind: 'shopping',
      startsAt: '2026-11-28T09:00:00.000Z',
      durationMinutes: 60,
    });
    await vc.post(`/api/v1/volunteer-requests/${req.body.id}/assignments`, { volunteerId });
    const mine = (await volunteer.get('/api/v1/volunteer-portal/assignments')).body.items;
    expect(mine).toHaveLength(1);
    const other = await t.login('volunteer');
    const theirs = (await other.get('/api/v1/volunteer-portal/assignments')).body.items;
    expect(theirs.some((x: { id: string }) => x.id === mine[0].id)).toBe(false);
    const someoneElses = await other.get(`/api/v1/volunteer-portal/assignments/${mine[0].id}`);
    expect(someoneElses.status).toBe(404);
    expect(someoneElses.body.error).toMatchObject({ reason: 'notFound', params: { what: 'assignment' } });
    expect(
      (await other.post(`/api/v1/volunteer-portal/assignments/${mine[0].id}/response`, { accept: true }))
        .status,
    ).toBe(404);

    const declined = await volunteer.post(`/api/v1/volunteer-portal/assignments/${mine[0].id}/response`, {
      accept: false,
      reason: 'Уезжаю',
    });
    expect(declined.body.status).toBe('declined');
    const after = await vc.get(`/api/v1/volunteer-requests/${req.body.id}`);
    expect(after.body.status).toBe('open');
    expect(after.body.assignments[0].declineReason).toBe('Уезжаю');
    const matches = (await vc.get(`/api/v1/volunteer-requests/${req.body.id}/matches`)).body;
    expect(matches.some((m: { volunteerId: string }) => m.volunteerId === volunteerId)).toBe(false);
  });
});

describe('closing an assignment', () => {
  it('closes an accepted assignment once the help is given; hours still come in up to the day of closing', async () => {
    const { id: volunteerId } = await volunteerWithLogin('closing.volunteer@example.org');
    const start = new Date(t.now().getTime() + 86_400_000).toISOString();
    const req = (
      await vc.post('/api/v1/volunteer-requests', {
        patientId: childId,
        kind: 'company_for_child',
        startsAt: start,
        durationMinutes: 90,
      })
    ).body;
    await vc.post(`/api/v1/volunteer-requests/${req.id}/assignments`, { volunteerId });
    const offered = (await vc.get(`/api/v1/volunteer-requests/${req.id}`)).body.assignments[0];
    const close = (body: unknown = {}) =>
      vc.post(`/api/v1/volunteer-requests/${req.id}/assignments/${offered.id}/close`, body);
    const notAccepted = await close();
    expect(notAccepted.status).toBe(409);
    expect(notAccepted.body.error.message).toMatch(/not accepted/);
    expect(notAccepted.body.error.reason).toBe('volunteers.notAcceptedYet');

    let volunteer = await t.login('closing.volunteer@example.org', 'volunteer-pass-1');
    await volunteer.post(`/api/v1/volunteer-portal/assignments/${offered.id}/response`, { accept: true });
    expect((await close()).status).toBe(409); // the request starts tomorrow
    expect(
      (await volunteer.post(`/api/v1/volunteer-requests/${req.id}/assignments/${offered.id}/close`, {}))
        .status,
    ).toBe(403);

    t.advance(2 * 86_400_000);
    vc = await t.login('volunteer_coordinator');
    volunteer = await t.login('closing.volunteer@example.org', 'volunteer-pass-1');
    expect((await close({ note: 'x'.repeat(1001) })).status).toBe(400);
    const closed = await close({ note: 'Всё прошло хорошо' });
    expect(closed.status, closed.raw).toBe(200);
    expect(closed.body.status).toBe('done');
    expect(closed.body.assignments[0]).toMatchObject({ status: 'completed', closeNote: 'Всё прошло хорошо' });
    expect(closed.body.assignments[0].closedAt).toBeTruthy();
    expect((await close()).status).toBe(409);
    expect(
      (
        await vc.post(
          `/api/v1/volunteer-requests/00000000-0000-4000-8000-000000000000/assignments/${offered.id}/close`,
          {},
        )
      ).status,
    ).toBe(404);

    const mine = (await volunteer.get(`/api/v1/volunteer-portal/assignments/${offered.id}`)).body;
    expect(mine.status).toBe('completed');
    const visitDay = mine.startsAt.slice(0, 10);
    expect(mine.closedOn >= visitDay).toBe(true);
    // late hours for the visit day are fine; nothing after the day of closing
    const late = await volunteer.post(`/api/v1/volunteer-portal/assignments/${offered.id}/hours`, {
      on: mine.closedOn,
      minutes: 90,
    });
    expect(late.status, late.raw).toBe(200);
    t.advance(86_400_000);
    volunteer = await t.login('closing.volunteer@example.org', 'volunteer-pass-1');
    const nextDay = new Date(`${mine.closedOn}T12:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 1);
    const after = await volunteer.post(`/api/v1/volunteer-portal/assignments/${offered.id}/hours`, {
      on: nextDay.toISOString().slice(0, 10),
      minutes: 30,
    });
    expect(after.status).toBe(400);
    expect(after.body.error.message).toMatch(/closed/);
    expect(after.body.error).toMatchObject({ reason: 'volunteers.hoursAfterClose', params: {} });
    expect(after.body.error.details.fields[0]).toEqual({ field: 'body.on', message: 'after close' });
    vc = await t.login('volunteer_coordinator');
  });
});

describe('live events for the volunteer concerned', () => {
  it('tell a volunteer when their offer is withdrawn, their assignment closed and their hours decided, and no other volunteer', async () => {
    const { id: volunteerId, agent } = await volunteerWithLogin('live.volunteer@example.org');
    const otherVolunteer = (await t.login('volunteer')).userId!;
    // what each volunteer's open page would receive from the bus, as the SSE route filters it
    const received: Record<string, { type: LiveEventType; entityId?: string | undefined }[]> = {
      [agent.userId!]: [],
      [otherVolunteer]: [],
    };
    const unsubscribe = t.hearth.deps.events.subscribe((event) => {
      for (const userId of Object.keys(received))
        if (mayReceive({ userId, role: 'volunteer', linkedPatientIds: [] }, event))
          received[userId]!.push({ type: event.type, entityId: event.entityId });
    });
    // on PostgreSQL events arrive through NOTIFY after the response; wait for them, never sleep
    const delivered = () => t.hearth.deps.events.delivered();
    const clear = async () => {
      await delivered();
      for (const list of Object.values(received)) list.length = 0;
    };
    const newRequest = async () =>
      (
        await vc.post('/api/v1/volunteer-requests', {
          patientId: childId,
          kind: 'company_for_child',
          startsAt: new Date(t.now().getTime() + 86_400_000).toISOString(),
          durationMinutes: 60,
        })
      ).body.id as string;
    const offer = async (requestId: string) => {
      await vc.post(`/api/v1/volunteer-requests/${requestId}/assignments`, { volunteerId });
      return (await vc.get(`/api/v1/volunteer-requests/${requestId}`)).body.assignments[0].id as string;
    };
    try {
      const withdrawn = await newRequest();
      const withdrawnOffer = await offer(withdrawn);
      await clear();
      const cancel = await vc.post(
        `/api/v1/volunteer-requests/${withdrawn}/assignments/${withdrawnOffer}/cancel`,
      );
      expect(cancel.status, cancel.raw).toBe(200);
      await delivered();
      expect(received[agent.userId!]).toEqual([{ type: 'volunteers.request', entityId: withdrawn }]);
      expect(received[otherVolunteer]).toEqual([]);

      const done = await newRequest();
      const doneOffer = await offer(done);
      await agent.post(`/api/v1/volunteer-portal/assignments/${doneOffer}/response`, { accept: true });
      t.advance(2 * 86_400_000);
      vc = await t.login('volunteer_coordinator');
      const volunteer = await t.login('live.volunteer@example.org', 'volunteer-pass-1');
      await clear();
      const closed = await vc.post(`/api/v1/volunteer-requests/${done}/assignments/${doneOffer}/close`, {});
      expect(closed.status, closed.raw).toBe(200);
      await delivered();
      expect(received[agent.userId!]).toEqual([{ type: 'volunteers.request', entityId: done }]);
      expect(received[otherVolunteer]).toEqual([]);

      const logged = await volunteer.post(`/api/v1/volunteer-portal/assignments/${doneOffer}/hours`, {
        on: closed.body.startsAt.slice(0, 10),
        minutes: 60,
      });
      expect(logged.status, logged.raw).toBe(200);
      const entryId = logged.body.hours[0].id as string;
      await clear();
      const decided = await vc.post(`/api/v1/volunteer-hours/${entryId}/decision`, { approve: true });
      expect(decided.status, decided.raw).toBe(200);
      await delivered();
      expect(received[agent.userId!]).toEqual([{ type: 'volunteers.hours', entityId: entryId }]);
      expect(received[otherVolunteer]).toEqual([]);
    } finally {
      unsubscribe();
    }
  });
});

describe('a volunteer and the clinical record', () => {
  it('gets 404 on every patient-scoped endpoint and 403 on staff lists', async () => {
    const volunteer = await t.login('volunteer');
    const scoped = t.hearth.routes.filter(
      (r) => r.url.includes(':patientId') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );
    expect(scoped.length).toBeGreaterThan(0);
    for (const route of scoped) {
      const url = route.url
        .replace(':patientId', childId)
        .replaceAll(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await volunteer.request(
        route.method as 'GET',
        url,
        route.method === 'GET' ? undefined : {},
      );
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
    }
    expect((await volunteer.get(`/api/v1/patients/${childId}`)).status).toBe(404);
    expect((await volunteer.get('/api/v1/patients')).status).toBe(403);
    expect((await volunteer.get('/api/v1/volunteers')).status).toBe(403);
    expect((await volunteer.get('/api/v1/volunteer-requests')).status).toBe(403);
  });
});
