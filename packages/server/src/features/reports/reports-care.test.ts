import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../../platform/audit/audit.service.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';
import { at, countsOf, day, month, Records, reportReader } from './reports.fixtures.ts';

/**
 * Access, symptom, on-call and medicine measures on hand-built March 2024 records: each test
 * states the items it expects in the numerator and the denominator.
 */
let t: TestApp;
let admin: Agent;
let rec: Records;
const p = { p1: '', p2: '', child: '', p4: '', p5: '' };
let measure: ReturnType<typeof reportReader>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  measure = reportReader(admin);
  rec = new Records(t.database.db, t.organizationId);
  const nurse = await rec.userId('nurse');
  const physician = await rec.userId('physician');
  const commission = await rec.userId('commission');
  p.p1 = await rec.patient({ icd10: 'C34.1' });
  p.p2 = await rec.patient({ icd10: 'G12.2', area: 'Заречье' });
  p.child = await rec.patient({ icd10: 'Q91.3', dob: '2016-02-02' });
  p.p4 = await rec.patient({ icd10: 'I50.0', dob: '1938-05-05' });
  p.p5 = await rec.patient({ icd10: 'J44.1', dob: '1970-05-05' });

  // access: four requests, two called back in time (one of them a child's), one late, one never
  await rec.request({ createdAt: at(5, '10:00'), dueAt: at(5, '14:00'), firstCallAt: at(5, '11:00') });
  await rec.request({ createdAt: at(6, '10:00'), dueAt: at(6, '14:00'), firstCallAt: at(6, '16:00') });
  await rec.request({ createdAt: at(7, '10:00'), dueAt: at(7, '14:00'), firstCallAt: null });
  await rec.request({
    createdAt: at(8, '10:00'),
    dueAt: at(8, '14:00'),
    firstCallAt: at(8, '10:30'),
    age: 8,
    source: 'web',
  });
  // commission: p1 granted 10 days after the case, p2 deferred after 7 days then granted later
  const c1 = await rec.commissionCase(p.p1, at(2, '10:00'), nurse);
  await rec.decision(c1, 'granted', day(12), commission);
  const c2 = await rec.commissionCase(p.p2, at(3, '10:00'), nurse);
  await rec.decision(c2, 'deferred', day(10), commission);
  await rec.decision(c2, 'granted', day(20), commission);

  // symptoms: p1 rated pain 8 (family) and a nurse visited 15 hours later; pain 4 a week on
  await rec.assessment(p.p1, {
    instrument: 'esas_r',
    answers: { pain: 8 },
    takenAt: at(14, '20:00'),
    by: nurse,
    source: 'family',
  });
  await rec.visit(p.p1, { date: day(15), staffId: nurse, completedAt: at(15, '11:00') });
  await rec.assessment(p.p1, { instrument: 'esas_r', answers: { pain: 4 }, takenAt: at(20), by: nurse });
  // p4 breathless 7 with nobody back within 48 h; a physician visit with a pain rating three days on
  await rec.assessment(p.p4, {
    instrument: 'esas_r',
    answers: { pain: 2, breathlessness: 7 },
    takenAt: at(12, '10:00'),
    by: nurse,
  });
  const v4 = await rec.visit(p.p4, { date: day(15), staffId: physician, discipline: 'physician' });
  await rec.assessment(p.p4, {
    instrument: 'esas_r',
    answers: { pain: 5, breathlessness: 4 },
    takenAt: at(15, '10:30'),
    by: physician,
    visitId: v4,
  });
  await rec.assessment(p.p5, {
    instrument: 'esas_r',
    answers: { pain: 3, breathlessness: 3 },
    takenAt: at(12),
    by: nurse,
  });
  await rec.visit(p.p5, { date: day(16), staffId: physician, discipline: 'psychologist' });
  // the child's pain on the FACES scale: 6, then 2
  for (const [d, score] of [
    [11, 6],
    [18, 2],
  ] as const)
    await rec.assessment(p.child, { instrument: 'faces', answers: { score }, takenAt: at(d), by: nurse });
  // phases: p2 unstable 2 days; p4 unstable 10 days; p5 unstable with no later rating
  const phase = (patientId: string, value: string, d: number) =>
    rec.assessment(patientId, {
      instrument: 'phase',
      answers: { phase: value },
      takenAt: at(d, '10:00'),
      by: nurse,
    });
  await phase(p.p2, 'stable', 1);
  await phase(p.p2, 'unstable', 5);
  await phase(p.p2, 'stable', 7);
  await phase(p.p4, 'unstable', 10);
  await phase(p.p4, 'deteriorating', 20);
  await phase(p.p5, 'unstable', 25);

  // on call: four alerts (one a rescue-dose review); acknowledgement after 5, 15, 120, 10 minutes
  await rec.alert(p.p1, { raisedAt: at(10, '10:00'), ackAfterMin: 5, resolvedAfterMin: 60 });
  await rec.alert(p.p2, { raisedAt: at(11, '10:00'), ackAfterMin: 15, resolvedAfterMin: 30, escalation: 1 });
  await rec.alert(p.p4, { raisedAt: at(12, '10:00'), severity: 'review', ackAfterMin: 120 });
  await rec.alert(p.p5, {
    raisedAt: at(13, '10:00'),
    severity: 'review',
    ackAfterMin: 10,
    resolvedAfterMin: 20,
    ruleId: 'rescue.over-threshold',
  });
  const call = (patientId: string | null, d: number, ambulance: boolean) => ({
    id: randomUUID(),
    organization_id: t.organizationId,
    patient_id: patientId,
    caller_type: 'family',
    caller_name: null,
    reason: 'test',
    received_at: at(d),
    answered_at: at(d),
    answered_by: nurse,
    outcome: 'advice',
    ambulance_called_first: ambulance,
    alert_id: null,
    created_at: at(d),
  });
  await t.database.db
    .insertInto('call_log')
    .values([call(p.p1, 10, true), call(p.p2, 11, false), call(null, 12, true)])
    .execute();

  // medicines: two register counts, one short by 2; one anticipatory box expiring in March
  const stockId = randomUUID();
  await t.database.db
    .insertInto('controlled_stock')
    .values({
      id: stockId,
      organization_id: t.organizationId,
      patient_id: p.p1,
      name: 'Морфин 10 мг/мл',
      unit: 'ampoule',
      prescription_id: null,
      balance: 8,
      dose_per_unit: null,
      created_by: nurse,
      created_at: at(1),
    })
    .execute();
  const entry = (kind: 'count' | 'administered', d: number, discrepancy: number | null) => ({
    id: randomUUID(),
    organization_id: t.organizationId,
    stock_id: stockId,
    patient_id: p.p1,
    kind,
    quantity: 1,
    balance_after: 8,
    expected: discrepancy === null ? null : 10,
    discrepancy,
    note: null,
    method: null,
    administration_id: null,
    recorded_by: nurse,
    witness_user_id: null,
    at: at(d),
  });
  await t.database.db
    .insertInto('controlled_entry')
    .values([entry('count', 5, 0), entry('count', 12, -2), entry('administered', 13, null)])
    .execute();
  const box = (patientId: string, expires: string) => ({
    organization_id: t.organizationId,
    patient_id: patientId,
    location: 'холодильник',
    expires_on: expires,
    notes: null,
    updated_by: nurse,
    updated_at: at(1),
  });
  await t.database.db
    .insertInto('anticipatory_box')
    .values([box(p.p1, day(20)), box(p.p2, '2024-04-05')])
    .execute();
});
afterAll(async () => t.close());

describe('access measures', () => {
  it('counts requests called back by their deadline, a request not yet due aside', async () => {
    const m = await measure('callbackOnTime');
    expect(m.total).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(m.months).toEqual([expect.objectContaining({ month, numerator: 2, denominator: 4 })]);
    expect((await measure('callbackOnTime', '&age=child')).total).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect((await measure('callbackOnTime', '&age=adult')).total).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('gives the median and 90th percentile of the callback time over the requests called', async () => {
    const m = await measure('callbackTime');
    // called after 60, 360 and 30 minutes; one never called
    expect(m.total).toEqual({ numerator: 3, denominator: 4, value: 60, p90: 300 });
  });

  it('counts requests by source and status', async () => {
    const m = await measure('requestsBySource');
    expect(m.total.numerator).toBe(4);
    expect(countsOf(m)).toEqual({ 'phone:in_progress': 2, 'phone:new': 1, 'web:in_progress': 1 });
  });

  it('measures days from referral to the first decision and from the grant to the first visit', async () => {
    const decision = await measure('referralToDecision');
    expect(decision.total).toMatchObject({ numerator: 2, denominator: 2, value: 8.5 });
    const firstVisit = await measure('decisionToFirstVisit');
    // p1 visited 3 days after the grant; p2 granted on the 20th and not visited since
    expect(firstVisit.total).toMatchObject({ numerator: 1, denominator: 2, value: 3 });
  });

  it('splits the new patients by area, age band and diagnosis group', async () => {
    expect(countsOf(await measure('patientsByArea'))).toEqual({ 'Тестовый район': 4, Заречье: 1 });
    expect(countsOf(await measure('patientsByAge'))).toEqual({ '0-17': 1, '18-64': 1, '65-79': 2, '80+': 1 });
    expect(countsOf(await measure('patientsByDiagnosis'))).toEqual({
      oncological: 1,
      neurological: 1,
      cardiac: 1,
      respiratory: 1,
      other: 1,
    });
    expect((await measure('patientsByArea', '&area=Заречье')).total.numerator).toBe(1);
  });
});

describe('symptom measures', () => {
  it('counts severe ESAS-r ratings followed up by a visit or staff assessment within 48 hours', async () => {
    expect((await measure('severeSymptomFollowUp')).total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('counts unstable phases that changed within 3 days', async () => {
    expect((await measure('unstableResolved')).total).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('takes the change from the first to the latest rating for patients rated twice', async () => {
    // pain: p1 8 → 4 (better), p4 2 → 5 (worse), the child 6 → 2 on FACES; breathlessness: p4 7 → 4
    expect((await measure('painChange')).total).toMatchObject({ numerator: 2, denominator: 3, value: -1.67 });
    expect((await measure('painChange', '&age=child')).total).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await measure('breathlessnessChange')).total).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: -3,
    });
  });

  it('counts physician and nurse visits with a pain rating', async () => {
    expect((await measure('visitsWithPainAssessment')).total).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('on-call measures', () => {
  it('gives times to acknowledgement and to outcome by severity', async () => {
    const ack = await measure('alertAcknowledgement');
    expect(ack.total).toEqual({ numerator: 4, denominator: 4, value: 12.5, p90: 88.5 });
    expect(ack.categories.map((c) => [c.key, c.numerator, c.value])).toEqual([
      ['review', 2, 65],
      ['urgent', 2, 10],
    ]);
    expect((await measure('alertOutcome')).total).toMatchObject({ numerator: 3, denominator: 4, value: 30 });
  });

  it('counts escalated alerts and calls where an ambulance was called first', async () => {
    expect((await measure('alertEscalations')).total).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 0.25,
    });
    expect((await measure('ambulanceFirst')).total).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('medicine measures', () => {
  it('counts rescue-dose alerts, register discrepancies and boxes expiring', async () => {
    expect((await measure('rescueDoseAlerts')).total.numerator).toBe(1);
    expect((await measure('controlledDiscrepancies')).total).toMatchObject({ numerator: 1, denominator: 2 });
    const boxes = await measure('anticipatoryExpiring');
    expect(boxes.total.numerator).toBe(1);
    expect(countsOf(boxes)).toEqual({ expired: 1 });
  });
});

describe('drill-down and rights', () => {
  const base = `/api/v1/reports/callbackOnTime/items?from=${month}&to=${month}`;

  it('lists the late requests behind "called back within the deadline" and audits each read', async () => {
    const res = await admin.get(`${base}&outcome=unmet`);
    expect(res.status, res.raw).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(
      res.body.items.every((i: { subject: string; met: boolean }) => i.subject === 'request' && !i.met),
    ).toBe(true);
    const ids = res.body.items.map((i: { id: string }) => i.id);
    await sealAll(t.database.db);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'entity_type'])
      .where('action', '=', 'report.drill.callbackOnTime')
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual([...ids].sort());
    expect(audited.every((a) => a.entity_type === 'care_request')).toBe(true);
  });

  it('pages through the items with a cursor', async () => {
    const first = await admin.get(`${base}&limit=3`);
    expect(first.body.items).toHaveLength(3);
    const next = await admin.get(`${base}&limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
  });

  it('audits a patient list as patient reads and keeps the age filter', async () => {
    const res = await admin.get(`/api/v1/reports/patientsByAge/items?from=${month}&to=${month}&age=child`);
    expect(res.body.items).toEqual([expect.objectContaining({ patientId: p.child, category: '0-17' })]);
    await sealAll(t.database.db);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['patient_id'])
      .where('action', '=', 'report.drill.patientsByAge')
      .execute();
    expect(audited).toEqual([{ patient_id: p.child }]);
  });

  it('opens reports to the administrator and the leads only', async () => {
    // the demo's coordinator is the coordinators' lead and physician2 the medical lead
    for (const lead of ['coordinator', 'physician2']) {
      const agent = await t.login(`${lead}@demo.hearth.local`);
      expect((await agent.get(`/api/v1/reports?from=${month}&to=${month}`)).status, lead).toBe(200);
    }
    for (const who of ['coordinator2', 'physician', 'nurse', 'family']) {
      const agent = await t.login(`${who}@demo.hearth.local`);
      expect((await agent.get(`/api/v1/reports?from=${month}&to=${month}`)).status, who).toBe(403);
      expect((await agent.get(`${base}&outcome=unmet`)).status, who).toBe(403);
    }
  });

  it('answers bad filters with a 400 and a measure without a list with a 404', async () => {
    expect((await admin.get('/api/v1/reports?from=2024-13')).status).toBe(400);
    expect((await admin.get('/api/v1/reports?from=2024-05&to=2024-03')).status).toBe(400);
    expect((await admin.get('/api/v1/reports?from=2020-01&to=2024-03')).status).toBe(400);
    expect((await admin.get('/api/v1/reports?age=elderly')).status).toBe(400);
    expect((await admin.get('/api/v1/reports/noSuchMeasure/items')).status).toBe(400);
    expect((await admin.get(`/api/v1/reports/callbackOnTime/items?outcome=late`)).status).toBe(400);
    const none = await admin.get('/api/v1/reports/volunteerShare/items');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
  });
});
