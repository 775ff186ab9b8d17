import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Agent } from '../../test/harness.ts';

/**
 * Hand-built records for the measure tests, written straight into the test database in a month
 * the demo never reaches (March 2024, Minsk time, UTC+3), so each test knows every item its
 * measure should count.
 */
export const month = '2024-03';
/** An instant in March 2024 given as day and local time: `at(5, '10:00')`. */
export const at = (day: number, time = '12:00') =>
  new Date(`2024-03-${String(day).padStart(2, '0')}T${time}:00+03:00`);
export const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}`;

/** The figures of one measure as the report answers them (the HTTP body, read in tests). */
export interface Figures {
  numerator: number;
  denominator: number;
  value: number | null;
  p90: number | null;
}
export interface MeasureBody {
  id: string;
  total: Figures;
  months: (Figures & { month: string })[];
  categories: (Figures & { key: string })[];
}
export const countsOf = (m: MeasureBody) => Object.fromEntries(m.categories.map((c) => [c.key, c.numerator]));

/** Reads one measure of the March 2024 report (one request per set of filters). */
export function reportReader(agent: Agent) {
  const reports = new Map<string, MeasureBody[]>();
  return async (id: string, filters = '') => {
    if (!reports.has(filters)) {
      const res = await agent.get(`/api/v1/reports?from=${month}&to=${month}${filters}`);
      if (res.status !== 200) throw new Error(`report answered ${res.status}: ${res.raw}`);
      reports.set(filters, res.body.measures);
    }
    const found = reports.get(filters)?.find((m) => m.id === id);
    if (!found) throw new Error(`no measure ${id}`);
    return found;
  };
}

export class Records {
  constructor(
    readonly db: Db,
    readonly orgId: string,
  ) {}

  private readonly org = () => ({ organization_id: this.orgId });

  async userId(slug: string) {
    const row = await this.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', `${slug}@demo.hearth.local`)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A patient who came into the service on 1 March 2024 (adult unless a child's birth date is given). */
  async patient(opts: { area?: string; dob?: string; icd10?: string; lat?: number; lon?: number } = {}) {
    const id = randomUUID();
    const admitted = at(1, '09:00');
    await this.db
      .insertInto('patient')
      .values({
        ...this.org(),
        id,
        first_name: 'Тест',
        last_name: `Пациент-${id.slice(0, 4)}`,
        middle_name: null,
        date_of_birth: opts.dob ?? '1950-05-05',
        sex: 'female',
        address: 'Тестовая ул., 1',
        area: opts.area ?? 'Тестовый район',
        lat: opts.lat ?? 53.9,
        lon: opts.lon ?? 27.56,
        phone: null,
        access_notes: null,
        status: 'active',
        palliative_status: 'granted',
        palliative_review_date: null,
        care_setting: 'home',
        consent_to_share: true,
        designated_family_user_id: null,
        created_at: at(1, '08:00'),
        updated_at: admitted,
      })
      .execute();
    await this.db
      .insertInto('patient_diagnosis')
      .values({
        ...this.org(),
        id: randomUUID(),
        patient_id: id,
        icd10: opts.icd10 ?? 'C34.1',
        description: 'test',
        category: 'other',
        is_primary: true,
        created_at: admitted,
      })
      .execute();
    await this.db
      .insertInto('patient_status_history')
      .values({
        ...this.org(),
        id: randomUUID(),
        patient_id: id,
        kind: 'status',
        from_value: 'referred',
        to_value: 'active',
        reason: 'test',
        care_setting: null,
        by_user_id: null,
        at: admitted,
      })
      .execute();
    return id;
  }

  async request(o: {
    createdAt: Date;
    dueAt: Date;
    firstCallAt: Date | null;
    age?: number;
    source?: 'web' | 'phone';
  }) {
    const id = randomUUID();
    await this.db
      .insertInto('care_request')
      .values({
        ...this.org(),
        id,
        reference: `T-${id.slice(0, 8)}`,
        source: o.source ?? 'phone',
        status: o.firstCallAt ? 'in_progress' : 'new',
        patient_name: 'Тестовый пациент',
        patient_age_years: o.age ?? 70,
        requester_name: 'Родственник',
        relationship: 'дочь',
        diagnosis_text: 'рак',
        address: 'Минск',
        phone: '+375290000000',
        preferred_call_time: 'any',
        locale: 'ru',
        consent_at: o.createdAt,
        created_by: null,
        created_at: o.createdAt,
        callback_due_at: o.dueAt,
        first_call_at: o.firstCallAt,
        escalated_at: null,
        closed_reason: null,
        commission_case_id: null,
      })
      .execute();
    return id;
  }

  async commissionCase(patientId: string, createdAt: Date, by: string) {
    const id = randomUUID();
    await this.db
      .insertInto('commission_case')
      .values({
        ...this.org(),
        id,
        status: 'pending',
        patient_id: patientId,
        care_request_id: null,
        icd10: 'C34.1',
        diagnosis: 'test',
        performance_scale: 'pps',
        performance_score: 40,
        reason: 'test',
        created_by: by,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .execute();
    return id;
  }

  async decision(
    caseId: string,
    decision: 'granted' | 'deferred' | 'refused',
    decidedOn: string,
    by: string,
  ) {
    await this.db
      .insertInto('commission_decision')
      .values({
        ...this.org(),
        id: randomUUID(),
        case_id: caseId,
        decision,
        decided_on: decidedOn,
        members: JSON.stringify([{ name: 'A' }]),
        review_date: null,
        missing: null,
        reason: null,
        notes: null,
        recorded_by: by,
        recorded_at: new Date(`${decidedOn}T15:00:00+03:00`),
      })
      .execute();
  }

  async visit(
    patientId: string,
    o: {
      date: string;
      staffId: string | null;
      status?: 'completed' | 'missed' | 'cancelled' | 'scheduled' | 'requested';
      discipline?: string;
      startMin?: number;
      completedAt?: Date;
    },
  ) {
    const id = randomUUID();
    const status = o.status ?? 'completed';
    await this.db
      .insertInto('visit')
      .values({
        ...this.org(),
        id,
        patient_id: patientId,
        discipline: o.discipline ?? 'nurse',
        kind: 'planned',
        status,
        staff_id: o.staffId,
        visit_date: o.date,
        start_min: o.startMin ?? 600,
        duration_min: 60,
        window_start: null,
        window_end: null,
        reason: null,
        status_reason: null,
        plan_run_id: null,
        sequence: null,
        checked_in_at: null,
        check_in_lat: null,
        check_in_lon: null,
        completed_at: status === 'completed' ? (o.completedAt ?? new Date(`${o.date}T11:00:00+03:00`)) : null,
        created_by: null,
        created_at: at(1),
        updated_at: at(1),
      })
      .execute();
    return id;
  }

  async assessment(
    patientId: string,
    o: {
      instrument: string;
      answers: Record<string, unknown>;
      takenAt: Date;
      by: string;
      source?: 'staff' | 'family';
      visitId?: string;
    },
  ) {
    const id = randomUUID();
    await this.db
      .insertInto('assessment')
      .values({
        ...this.org(),
        id,
        record_id: id,
        version: 1,
        is_current: true,
        patient_id: patientId,
        instrument: o.instrument,
        answers: JSON.stringify(o.answers),
        scores: JSON.stringify({}),
        flags: null,
        coping: null,
        note: null,
        source: o.source ?? 'staff',
        visit_id: o.visitId ?? null,
        taken_at: o.takenAt,
        recorded_at: o.takenAt,
        recorded_by: o.by,
        correction_reason: null,
      })
      .execute();
    return id;
  }

  async alert(
    patientId: string,
    o: {
      raisedAt: Date;
      severity?: 'urgent' | 'review' | 'routine';
      ackAfterMin?: number;
      resolvedAfterMin?: number;
      escalation?: number;
      ruleId?: string;
    },
  ) {
    const plus = (min: number | undefined) =>
      min === undefined ? null : new Date(o.raisedAt.getTime() + min * 60_000);
    await this.db
      .insertInto('alert')
      .values({
        ...this.org(),
        id: randomUUID(),
        patient_id: patientId,
        severity: o.severity ?? 'urgent',
        audience: 'clinical',
        status:
          o.resolvedAfterMin !== undefined
            ? 'resolved'
            : o.ackAfterMin !== undefined
              ? 'acknowledged'
              : 'open',
        rule_set: 'test',
        rule_set_version: '1',
        rule_id: o.ruleId ?? 'symptom.severe',
        title: 'test',
        facts: JSON.stringify({}),
        source_type: null,
        source_id: null,
        owner_id: null,
        escalation_level: o.escalation ?? 0,
        raised_by: null,
        raised_at: o.raisedAt,
        due_at: plus(30) as Date,
        acknowledged_at: plus(o.ackAfterMin),
        acknowledged_by: null,
        resolved_at: plus(o.resolvedAfterMin),
        resolved_by: null,
        outcome: o.resolvedAfterMin !== undefined ? 'advice_by_phone' : null,
        outcome_note: null,
        family_message: null,
      })
      .execute();
  }
}
