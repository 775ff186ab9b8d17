import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, countsOf, day, Records, reportReader } from './reports.fixtures.ts';

/**
 * End-of-life, team, family and children's-programme measures on hand-built March 2024 records:
 * each test states the items it expects in the numerator and the denominator.
 */
let t: TestApp;
let measure: ReturnType<typeof reportReader>;
const p = { q1: '', q2: '', q3: '', q4: '' };

beforeAll(async () => {
  t = await createTestApp();
  measure = reportReader(await t.login('admin'));
  const db = t.database.db;
  const org = { organization_id: t.organizationId };
  const rec = new Records(db, t.organizationId);
  const nurse = await rec.userId('nurse');
  const nurse2 = await rec.userId('nurse2');
  p.q1 = await rec.patient({ lat: 53.9, lon: 27.56 });
  p.q2 = await rec.patient({ dob: '2015-04-04' });
  p.q3 = await rec.patient({ area: 'Заречье', lat: 54.0, lon: 27.56 });
  p.q4 = await rec.patient();

  // visits: 7 on past days (5 completed), one request not yet scheduled
  await rec.visit(p.q1, { date: day(5), staffId: nurse });
  await rec.visit(p.q2, { date: day(6), staffId: nurse });
  await rec.visit(p.q3, { date: day(7), staffId: nurse });
  await rec.visit(p.q1, { date: day(8), staffId: nurse, status: 'missed' });
  await rec.visit(p.q2, { date: day(9), staffId: nurse, status: 'cancelled' });
  await rec.visit(p.q3, { date: day(10), staffId: null, status: 'requested' });
  // nurse2 drives from q1 to q3 (0.1° of latitude, 11.1 km) and finishes 90 minutes after her shift
  await rec.visit(p.q1, { date: day(12), staffId: nurse2, startMin: 540, completedAt: at(12, '10:00') });
  await rec.visit(p.q3, { date: day(12), staffId: nurse2, startMin: 660, completedAt: at(12, '13:30') });
  const shift = (userId: string, d: number, endMin: number, cancelled = false) => ({
    ...org,
    id: randomUUID(),
    user_id: userId,
    shift_date: day(d),
    start_min: 480,
    end_min: endMin,
    created_by: null,
    created_at: at(1),
    cancelled_at: cancelled ? at(2) : null,
  });
  await db
    .insertInto('staff_shift')
    .values([shift(nurse2, 12, 720), shift(nurse, 5, 1020), shift(nurse, 6, 600, true)])
    .execute();
  // key workers: nurse for q1 and q3 (q2 has none)
  const plan = (patientId: string) => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    version: 1,
    content: JSON.stringify({}),
    key_worker_id: nurse,
    review_date: day(30),
    phase: 'stable',
    reason: 'test',
    meeting_id: null,
    changed_by: nurse,
    created_at: at(2),
  });
  await db
    .insertInto('care_plan_version')
    .values([plan(p.q1), plan(p.q3)])
    .execute();
  // team meetings: q1 on the 10th (9 days in) and the 30th (20 days later), q3 on the 20th (19 days in)
  const meeting = async (d: number, patients: string[]) => {
    const id = randomUUID();
    await db
      .insertInto('team_meeting')
      .values({
        ...org,
        id,
        held_on: day(d),
        notes: '',
        attendees: JSON.stringify([]),
        created_by: nurse,
        created_at: at(d),
      })
      .execute();
    for (const patientId of patients)
      await db
        .insertInto('team_meeting_review')
        .values({
          ...org,
          id: randomUUID(),
          meeting_id: id,
          patient_id: patientId,
          held_on: day(d),
          summary: 'test',
          care_plan_version: null,
          owner_id: null,
        })
        .execute();
  };
  await meeting(10, [p.q1]);
  await meeting(20, [p.q3]);
  await meeting(30, [p.q1]);

  // end of life: a plan for q1 in March and for q2 only in April
  const acp = (patientId: string, recordedAt: Date) => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    version: 1,
    plan: JSON.stringify({ preferredPlaceOfDeath: 'home' }),
    change_reason: 'test',
    recorded_by: nurse,
    recorded_at: recordedAt,
  });
  await db
    .insertInto('advance_care_plan')
    .values([acp(p.q1, at(3)), acp(p.q2, new Date('2024-04-10T10:00:00+03:00'))])
    .execute();
  const death = async (patientId: string, d: number, place: string, inPreferred: boolean | null) => {
    const id = randomUUID();
    await db
      .insertInto('death_record')
      .values({
        ...org,
        id,
        patient_id: patientId,
        died_at: at(d, '09:00'),
        place,
        place_note: null,
        preferred_place: inPreferred === null ? null : 'home',
        in_preferred_place: inPreferred,
        verified_by: 'test',
        verified_at: at(d, '10:00'),
        notes: null,
        recorded_by: nurse,
        recorded_at: at(d, '11:00'),
        closed_at: null,
        closed_by: null,
      })
      .execute();
    return id;
  };
  const d1 = await death(p.q1, 20, 'home', true);
  const d3 = await death(p.q3, 25, 'hospital', false);
  await death(p.q4, 28, 'hospice', null);
  const task = (patientId: string, deathId: string, due: number, completed: number | null) => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    death_record_id: deathId,
    kind: 'first_contact',
    due_on: day(due),
    owner_id: nurse,
    status: completed === null ? ('open' as const) : ('done' as const),
    completed_on: completed === null ? null : day(completed),
    outcome: null,
    risk_level: null,
    completed_by: null,
    created_at: at(due - 5),
  });
  await db
    .insertInto('bereavement_task')
    .values([task(p.q1, d1, 27, 26), task(p.q1, d1, 29, 31), task(p.q3, d3, 30, null)])
    .execute();

  // family: three screenings, two leading to a referral; three loans; three skills signed off
  const referral = async (patientId: string) => {
    const id = randomUUID();
    await db
      .insertInto('support_referral')
      .values({
        ...org,
        id,
        patient_id: patientId,
        discipline: 'psychologist',
        status: 'open',
        source: 'caregiver_burden',
        reason: 'test',
        for_whom: null,
        respite_offered: false,
        assigned_user_id: null,
        outcome: null,
        created_by: nurse,
        created_at: at(5),
        updated_at: at(5),
        closed_at: null,
      })
      .execute();
    return id;
  };
  const screening = async (
    patientId: string,
    instrument: 'zbi12' | 'mcsi',
    d: number,
    referralId: string | null,
  ) => {
    const recordId = await rec.assessment(patientId, { instrument, answers: {}, takenAt: at(d), by: nurse });
    await db
      .insertInto('caregiver_screening')
      .values({
        ...org,
        record_id: recordId,
        patient_id: patientId,
        instrument,
        caregiver_name: 'Родственник',
        family_user_id: null,
        cannot_cope: false,
        on_request: false,
        referral_id: referralId,
        respite_offered: false,
        created_at: at(d),
      })
      .execute();
  };
  await screening(p.q1, 'zbi12', 5, await referral(p.q1));
  await screening(p.q2, 'mcsi', 6, null);
  await db
    .insertInto('caregiver_burden')
    .values({
      ...org,
      id: randomUUID(),
      patient_id: p.q3,
      caregiver_name: 'Родственник',
      kind: 'cannot_cope',
      answers: null,
      total: null,
      threshold: null,
      high: false,
      cannot_cope: true,
      on_request: true,
      note: null,
      referral_id: await referral(p.q3),
      respite_offered: true,
      recorded_by: nurse,
      recorded_at: at(7),
    })
    .execute();
  const loan = (patientId: string, requested: number, delivered: number | null) => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    kind: 'hospital_bed',
    item_id: null,
    status: delivered === null ? 'requested' : 'in_use',
    reason: 'test',
    requested_by: nurse,
    requested_at: at(requested),
    expected_return_on: null,
    delivered_on: delivered === null ? null : day(delivered),
    delivered_by: null,
    delivery_recorded_by: null,
    oxygen_safety_check_id: null,
    in_use_at: null,
    collected_on: null,
    collected_by: null,
    cleaned_at: null,
    cleaned_by: null,
    updated_at: at(requested),
  });
  await db
    .insertInto('equipment_loan')
    .values([loan(p.q1, 5, 7), loan(p.q2, 6, 6), loan(p.q3, 8, null)])
    .execute();
  const skill = (patientId: string, d: number, level: 'shown' | 'practised' | 'confident') => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    caregiver_name: 'Родственник',
    family_user_id: null,
    skill: 'repositioning',
    level,
    signed_on: day(d),
    nurse_id: nurse,
    note: null,
    created_at: at(d),
  });
  await db
    .insertInto('caregiver_skill_record')
    .values([skill(p.q1, 5, 'confident'), skill(p.q1, 6, 'shown'), skill(p.q2, 7, 'confident')])
    .execute();

  // programmes: 3 approved volunteer hours against 60 paid hours typed for the month
  const assignment = await db
    .selectFrom('volunteer_assignment')
    .select(['id', 'volunteer_id'])
    .where('organization_id', '=', t.organizationId)
    .executeTakeFirstOrThrow();
  const hours = (d: number, minutes: number, status: 'approved' | 'rejected') => ({
    ...org,
    id: randomUUID(),
    assignment_id: assignment.id,
    volunteer_id: assignment.volunteer_id,
    on_date: day(d),
    minutes,
    note: null,
    status,
    logged_by: nurse,
    logged_at: at(d),
    decided_by: null,
    decided_at: null,
    reject_reason: null,
  });
  await db
    .insertInto('volunteer_hours')
    .values([hours(5, 120, 'approved'), hours(6, 60, 'approved'), hours(7, 30, 'rejected')])
    .execute();
  await db
    .insertInto('paid_care_hours')
    .values({ ...org, month: '2024-03', hours: 60, entered_by: nurse, entered_at: at(31) })
    .execute();
  const programme = async (kind: 'summer_camp' | 'friends_club' | 'training_course') => {
    const id = randomUUID();
    await db
      .insertInto('programme')
      .values({
        ...org,
        id,
        kind,
        name: `Тест ${kind}`,
        description: null,
        max_age_years: null,
        created_by: nurse,
        created_at: at(1),
      })
      .execute();
    return id;
  };
  const session = async (programmeId: string, d: number, capacity: number) => {
    const id = randomUUID();
    await db
      .insertInto('programme_session')
      .values({
        ...org,
        id,
        programme_id: programmeId,
        title: `Смена ${d}`,
        starts_at: at(d, '10:00'),
        ends_at: at(d, '16:00'),
        place: 'test',
        capacity,
        family_capacity: null,
        created_at: at(1),
      })
      .execute();
    return id;
  };
  const camp = await session(await programme('summer_camp'), 20, 10);
  const application = (
    patientId: string,
    queue: number,
    status: 'accepted' | 'waitlisted' | 'withdrawn',
  ) => ({
    ...org,
    id: randomUUID(),
    session_id: camp,
    patient_id: patientId,
    family_members: 1,
    queue_no: queue,
    status,
    notes: null,
    applied_by: nurse,
    applied_at: at(2),
    updated_at: at(2),
  });
  await db
    .insertInto('camp_application')
    .values([
      application(p.q2, 1, 'accepted'),
      application(p.q3, 2, 'waitlisted'),
      application(p.q1, 3, 'withdrawn'),
    ])
    .execute();
  const club = await session(await programme('friends_club'), 15, 12);
  const participant = (patientId: string | null, name: string) => ({
    ...org,
    id: randomUUID(),
    session_id: club,
    patient_id: patientId,
    name,
    added_by: nurse,
    added_at: at(10),
  });
  await db
    .insertInto('session_participant')
    .values([participant(p.q2, 'Ребёнок'), participant(null, 'Брат')])
    .execute();
  const clown = (patientId: string, d: number, status: 'done' | 'cancelled') => ({
    ...org,
    id: randomUUID(),
    patient_id: patientId,
    scheduled_at: at(d),
    family_wish: 'welcome' as const,
    phase: 'stable',
    phase_source: 'test',
    status,
    notes: null,
    created_by: nurse,
    created_at: at(1),
  });
  await db
    .insertInto('clown_visit')
    .values([clown(p.q2, 18, 'done'), clown(p.q1, 19, 'cancelled')])
    .execute();
  const course = await programme('training_course');
  const enrolment = (d: number, completed: number | null) => ({
    ...org,
    id: randomUUID(),
    programme_id: course,
    user_id: null,
    learner_name: 'Слушатель',
    learner_email: null,
    learner_organization: null,
    enrolled_by: nurse,
    enrolled_at: at(d),
    completed_on: completed === null ? null : day(completed),
    certificate_number: null,
  });
  await db
    .insertInto('course_enrolment')
    .values([enrolment(2, 20), enrolment(3, null)])
    .execute();
});
afterAll(async () => t.close());

describe('end-of-life measures', () => {
  it('counts patients seen in a month who had an advance care plan by its end', async () => {
    expect((await measure('advanceCarePlan')).total).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('counts deaths in the preferred place over deaths with a preferred place recorded', async () => {
    expect((await measure('preferredPlaceOfDeath')).total).toMatchObject({ numerator: 1, denominator: 2 });
    expect(countsOf(await measure('placeOfDeath'))).toEqual({ home: 1, hospital: 1, hospice: 1 });
  });

  it('gives the median days in the service before death', async () => {
    // admitted on 1 March at 09:00; died on the 20th, 25th and 28th at 09:00
    expect((await measure('daysBeforeDeath')).total).toMatchObject({
      numerator: 3,
      denominator: 3,
      value: 24,
    });
  });

  it('counts bereavement contacts made by their due day', async () => {
    expect((await measure('bereavementOnTime')).total).toMatchObject({ numerator: 1, denominator: 3 });
  });
});

describe('team measures', () => {
  it('counts visits done against visits planned on past days', async () => {
    expect((await measure('visitsDone')).total).toMatchObject({ numerator: 5, denominator: 7 });
  });

  it('measures the distance from the previous home of the day', async () => {
    const m = await measure('travelPerVisit');
    expect(m.total).toMatchObject({ numerator: 1, denominator: 1, value: 11.12 });
  });

  it('counts visits made by the key worker', async () => {
    expect((await measure('keyWorkerContinuity')).total).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it('counts shifts that ran over, a cancelled shift aside', async () => {
    expect((await measure('overtime')).total).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('counts team reviews within 15 days of the previous one', async () => {
    expect((await measure('teamReviewOnTime')).total).toMatchObject({ numerator: 1, denominator: 3 });
  });
});

describe('family measures', () => {
  it('counts caregiver screenings and those that led to a referral', async () => {
    const m = await measure('caregiverScreenings');
    expect(m.total).toMatchObject({ numerator: 2, denominator: 3 });
    expect(m.categories.map((c) => c.key).sort()).toEqual(['cannot_cope', 'mcsi', 'zbi12']);
  });

  it('gives the equipment turnaround over the loans delivered', async () => {
    expect((await measure('equipmentTurnaround')).total).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 1,
    });
  });

  it('counts caregiver skills signed off by level', async () => {
    const m = await measure('caregiverSkills');
    expect(m.total.numerator).toBe(3);
    expect(countsOf(m)).toEqual({ confident: 2, shown: 1 });
  });
});

describe("children's programme measures", () => {
  it('sets approved volunteer hours against paid care hours', async () => {
    expect((await measure('volunteerShare')).total).toMatchObject({
      numerator: 3,
      denominator: 60,
      value: 0.05,
    });
  });

  it('counts camp places filled and the waiting list', async () => {
    expect((await measure('campPlaces')).total).toMatchObject({ numerator: 1, denominator: 10 });
    expect((await measure('campWaitingList')).total.numerator).toBe(1);
  });

  it("counts the service's children at the friends' club and clown-doctor visits made", async () => {
    expect(countsOf(await measure('clubAndClownVisits'))).toEqual({ friends_club: 1, clown_doctors: 1 });
  });

  it('counts course enrolments completed', async () => {
    expect((await measure('courseCompletions')).total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('leaves service-wide measures out of the patient filters and filters the rest', async () => {
    expect((await measure('volunteerShare', '&age=child')).total).toMatchObject({
      numerator: 3,
      denominator: 60,
    });
    expect((await measure('visitsDone', '&age=child')).total).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
