import {
  assertPlausibleDateOfBirth,
  categoryOfIcd10,
  organizationSettingsSchema,
  type Role,
  roleSlug,
  staffRoles,
} from '@hearth/domain';
import type { Db } from '../db/database.ts';
import { insertUser } from '../features/auth/auth.repository.ts';
import { hashPassword } from '../features/auth/passwords.ts';
import { insertCase } from '../features/commission/commission.repository.ts';
import { insertFamilyLink } from '../features/family/family.repository.ts';
import { insertCallAttempt, insertCareRequest } from '../features/intake/intake.repository.ts';
import { callbackDeadlineJob } from '../features/intake/intake.service.ts';
import * as patients from '../features/patients/patients.repository.ts';
import { recordAudit } from '../platform/audit/audit.service.ts';
import { JobRunner } from '../platform/jobs/job-runner.ts';
import { insertOrganization } from '../platform/settings/settings.repository.ts';
import { seedAssessmentsHistory } from './assessments-history.ts';
import { seedCalls } from './calls.ts';
import { seedCarePlans } from './care-plans.ts';
import { seedClinicalWatch } from './clinical-watch.ts';
import { seedEndOfLife } from './end-of-life.ts';
import { seedFhirReferral } from './fhir-referral.ts';
import { seedFieldDay } from './field-day.ts';
import { seedHomeFamily } from './home-family.ts';
import { seedMedicines } from './medicines.ts';
import {
  adultDiagnoses,
  allergySubstances,
  childDiagnoses,
  femaleFirst,
  maleFirst,
  surnames,
} from './people.ts';
import { demoBase, demoStreets, demoTowns } from './places.ts';
import { seedProgrammes } from './programmes.ts';
import { seededRandom } from './random.ts';
import { seedReportHistory } from './reports.ts';
import { seedTeamMeetings } from './team-meetings.ts';
import { seedVolunteers } from './volunteers.ts';

export const demoDomain = 'demo.hearth.local';

/**
 * Each feature's demo data draws from its own generator, so adding one feature's data never
 * reshuffles another's (their tests rely on what the demo holds).
 */
const featureRandom = (feature: string) =>
  seededRandom([...feature].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
const patientCount = 36;
const childCount = 9;

/** Extra staff so the team looks like a real mobile team (several nurses and physicians). */
const extraStaff: { slug: string; name: string; role: Role }[] = [
  { slug: 'coordinator2', name: 'Ольга Савицкая', role: 'coordinator' },
  { slug: 'commission2', name: 'Виктор Ярошевич', role: 'commission' },
  { slug: 'physician2', name: 'Наталья Климович', role: 'physician' },
  { slug: 'nurse2', name: 'Ирина Жук', role: 'nurse' },
  { slug: 'nurse3', name: 'Светлана Радкевич', role: 'nurse' },
];

const staffNames: Partial<Record<Role, string>> = {
  admin: 'Администратор Демо',
  coordinator: 'Елена Ковалёва',
  commission: 'Андрей Морозов',
  physician: 'Сергей Лебедев',
  nurse: 'Мария Соколова',
  psychologist: 'Татьяна Павлова',
  social_worker: 'Галина Макарова',
  chaplain: 'о. Николай Шевчук',
  caregiver: 'Людмила Бондаренко',
  therapist: 'Павел Давыдов',
  volunteer_coordinator: 'Алёна Новикова',
  equipment_manager: 'Михаил Козлов',
};

/**
 * The demo service: a mobile palliative team in Minsk with staff of every role, 36 patients
 * within 250 km, open requests (one already overdue, so the escalation shows at once) and a
 * pending commission case. Deterministic: the same seed gives the same people every time;
 * only timestamps follow the clock so the queue looks current.
 */
/**
 * `symptomHistory: false` leaves out the weeks of demo assessments and alerts (the HTTP tests
 * start from a clean clinical record and count what they create); `teamMeetings: false` leaves out
 * the past team meetings (the meeting tests start with every patient never reviewed); `fieldDay:
 * false` leaves out the demo nurse's visits of today and tomorrow (the tests book their own).
 */
export async function seedDemo(
  db: Db,
  password: string,
  now: Date,
  opts: { symptomHistory?: boolean; teamMeetings?: boolean; fieldDay?: boolean } = {},
) {
  const rnd = seededRandom(20261123);
  const orgId = rnd.uuid();
  const passwordHash = await hashPassword(password);
  const clock = { clock: () => now };
  const logins: string[] = [];

  await db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: orgId,
      name: 'DEMO · Мобильная паллиативная служба, Минск',
      isDemo: true,
      settings: organizationSettingsSchema.parse({ base: demoBase, servicePhone: '+375 17 000-12-34' }),
    });

    const userIds: Partial<Record<string, string>> = {};
    const addUser = async (slug: string, name: string, role: Role, isLead = false) => {
      const id = rnd.uuid();
      userIds[slug] = id;
      await insertUser(trx, {
        id,
        organization_id: orgId,
        email: `${slug}@${demoDomain}`,
        name,
        role,
        is_lead: isLead,
        phone: `+375 29 ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
        status: 'active',
        password_hash: passwordHash,
        invite_token_hash: null,
        invite_expires_at: null,
        created_at: now,
        updated_at: now,
      });
    };
    for (const role of staffRoles) {
      await addUser(roleSlug(role), staffNames[role] ?? roleSlug(role), role, role === 'coordinator');
      logins.push(roleSlug(role));
    }
    for (const s of extraStaff) await addUser(s.slug, s.name, s.role);
    await addUser('volunteer', 'Дарья Лебедева', 'volunteer');
    await addUser('family', 'Анна Ковалёва', 'family');
    logins.push('volunteer', 'family');

    const nurses = ['nurse', 'nurse2', 'nurse3'].map((s) => userIds[s]!);
    const physicians = ['physician', 'physician2'].map((s) => userIds[s]!);
    const townPool = demoTowns.flatMap((t) => Array.from({ length: t.weight }, () => t));

    const patientIds: string[] = [];
    for (let i = 0; i < patientCount; i++) {
      const id = rnd.uuid();
      patientIds.push(id);
      const child = i > 0 && i <= childCount;
      const female = rnd.next() < 0.5;
      const [male, fem] = rnd.pick(surnames);
      // ages counted from a fixed day so the same seed gives the same dates of birth
      const age = child ? rnd.int(1, 16) : rnd.int(38, 92);
      const dob = `${2026 - age}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      // the demo keeps to the rule every other path keeps: a seed change cannot plant an age of −4
      assertPlausibleDateOfBirth(dob, now.toISOString().slice(0, 10), 'demo.dateOfBirth');
      const town = i === 0 ? demoTowns[0] : rnd.pick(townPool);
      const jitter = () => (rnd.next() - 0.5) * 0.04;
      const status =
        i === 0 ? 'active' : i < 28 ? 'active' : rnd.pick(['inpatient', 'discharged', 'deceased'] as const);
      const referred = i === patientCount - 1;
      const diagnosis = child ? rnd.pick(childDiagnoses) : rnd.pick(adultDiagnoses);
      await patients.insertPatient(trx, {
        id,
        organization_id: orgId,
        first_name: female ? rnd.pick(femaleFirst) : rnd.pick(maleFirst),
        last_name: female ? fem : male,
        middle_name: null,
        date_of_birth: dob,
        sex: female ? 'female' : 'male',
        address: `${town.area}, ${rnd.pick(demoStreets)}, д. ${rnd.int(1, 120)}${rnd.next() < 0.6 ? `, кв. ${rnd.int(1, 180)}` : ''}`,
        area: town.area,
        lat: Math.round((town.lat + jitter()) * 1e5) / 1e5,
        lon: Math.round((town.lon + jitter()) * 1e5) / 1e5,
        phone: `+375 ${rnd.pick(['29', '33', '44'])} ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
        status: referred ? 'referred' : status,
        palliative_status: referred ? 'none' : 'granted',
        palliative_review_date: referred
          ? null
          : `2027-0${rnd.int(1, 5)}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
        care_setting: status === 'inpatient' ? 'inpatient_hospice' : 'home',
        consent_to_share: rnd.next() < 0.8,
        designated_family_user_id: i === 0 ? userIds.family! : null,
        created_at: now,
        updated_at: now,
      });
      const base = { organization_id: orgId, patient_id: id, created_at: now };
      await patients.insertDiagnoses(trx, [
        {
          ...base,
          id: rnd.uuid(),
          icd10: diagnosis.icd10,
          description: diagnosis.description,
          category: categoryOfIcd10(diagnosis.icd10),
          is_primary: true,
        },
      ]);
      if (rnd.next() < 0.25) {
        await patients.insertAllergies(trx, [
          {
            ...base,
            id: rnd.uuid(),
            substance: rnd.pick(allergySubstances),
            reaction: 'сыпь',
            severity: 'moderate',
          },
        ]);
      }
      await patients.insertContacts(trx, [
        {
          ...base,
          id: rnd.uuid(),
          name: `${rnd.pick(femaleFirst)} ${fem}`,
          relationship: child ? 'мать' : rnd.pick(['дочь', 'жена', 'сын', 'муж']),
          phone: `+375 29 ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
          lives_with_patient: rnd.next() < 0.7,
          notes: null,
        },
      ]);
      await patients.insertStatusHistory(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        patient_id: id,
        kind: 'status',
        from_value: null,
        to_value: referred ? 'referred' : 'active',
        reason: 'Demo record',
        by_user_id: userIds.coordinator!,
        at: now,
      });
      if (!referred) {
        await patients.addTeamMember(trx, orgId, id, nurses[i % nurses.length]!);
        await patients.addTeamMember(trx, orgId, id, physicians[i % physicians.length]!);
      }
      if (i === 0) {
        await insertFamilyLink(trx, {
          organization_id: orgId,
          patient_id: id,
          user_id: userIds.family!,
          relationship: 'дочь',
          is_designated: true,
          invited_by: userIds.coordinator!,
          created_at: now,
          removed_at: null,
        });
      }
      if (referred) {
        await insertCase(trx, {
          id: rnd.uuid(),
          organization_id: orgId,
          status: 'pending',
          patient_id: id,
          care_request_id: null,
          icd10: diagnosis.icd10,
          diagnosis: diagnosis.description,
          performance_scale: 'ecog',
          performance_score: 3,
          reason: 'Прогрессирование заболевания, выраженный болевой синдром, нуждается в наблюдении на дому.',
          created_by: userIds.coordinator!,
          created_at: now,
          updated_at: now,
        });
      }
    }

    const requests = [
      {
        patient: 'Пётр Жук',
        age: 74,
        who: 'Ольга Жук',
        rel: 'child',
        dx: 'рак лёгкого, сильные боли, почти не встаёт',
        addr: 'Минск, ул. Голубева, д. 12, кв. 40',
        minutesAgo: 40,
        called: false,
      },
      {
        patient: 'Валентина Морозова',
        age: 81,
        who: 'Игорь Морозов',
        rel: 'child',
        dx: 'после инсульта, лежачая, пролежни',
        addr: 'Барысаў, ул. Ленина, д. 5',
        minutesAgo: 6,
        called: false,
      },
      {
        patient: 'Максим Климович',
        age: 9,
        who: 'Алёна Климович',
        rel: 'parent',
        dx: 'СМА, нужна помощь с дыханием и аппарат',
        addr: 'Заслаўе, ул. Мира, д. 3',
        minutesAgo: 3,
        called: false,
      },
      {
        patient: 'Николай Павлов',
        age: 66,
        who: 'Николай Павлов',
        rel: 'self',
        dx: 'сердечная недостаточность, одышка',
        addr: 'Смалявічы, ул. Садовая, д. 18',
        minutesAgo: 120,
        called: true,
      },
    ] as const;
    for (const r of requests) {
      const id = rnd.uuid();
      const created = new Date(now.getTime() - r.minutesAgo * 60_000);
      const due = new Date(created.getTime() + 15 * 60_000);
      await insertCareRequest(trx, {
        id,
        organization_id: orgId,
        reference: `R26-D${rnd.int(1000, 9999)}`,
        source: r.called ? 'phone' : 'web',
        status: r.called ? 'in_progress' : 'new',
        patient_name: r.patient,
        patient_age_years: r.age,
        requester_name: r.who,
        relationship: r.rel,
        diagnosis_text: r.dx,
        address: r.addr,
        phone: `+375 29 ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
        preferred_call_time: 'any',
        locale: 'ru',
        consent_at: created,
        created_by: null,
        created_at: created,
        callback_due_at: due,
        first_call_at: r.called ? new Date(created.getTime() + 9 * 60_000) : null,
        escalated_at: null,
        closed_reason: null,
        commission_case_id: null,
      });
      if (r.called) {
        await insertCallAttempt(trx, {
          id: rnd.uuid(),
          organization_id: orgId,
          care_request_id: id,
          at: new Date(created.getTime() + 9 * 60_000),
          by_user_id: userIds.coordinator!,
          outcome: 'no_answer',
          note: 'Не ответили, перезвонить после 17:00',
        });
      } else {
        await JobRunner.enqueue(trx, orgId, callbackDeadlineJob, due, { careRequestId: id });
      }
    }
    await seedFhirReferral(trx, featureRandom('fhir-referral'), {
      orgId,
      coordinatorId: userIds.coordinator!,
      now,
    });
    await seedClinicalWatch(trx, featureRandom('clinical-watch'), { orgId, userIds, patientIds, now });
    await seedCalls(trx, featureRandom('calls'), { orgId, userIds, patientIds, now });
    if (opts.symptomHistory !== false)
      await seedAssessmentsHistory(trx, featureRandom('assessments-history'), {
        orgId,
        userIds,
        patientIds,
        now,
      });
    await seedMedicines(
      trx,
      featureRandom('medicines'),
      { orgId, patientIds, physicians, nurses, familyUserId: userIds.family! },
      now,
    );
    await seedHomeFamily(trx, { orgId, rnd: featureRandom('home-family'), now, userIds, patientIds });
    const { volunteerIds } = await seedVolunteers({
      trx,
      orgId,
      rnd: featureRandom('volunteers'),
      now,
      userIds,
      patientIds,
    });
    await seedProgrammes({
      trx,
      orgId,
      rnd: featureRandom('programmes'),
      now,
      userIds,
      patientIds,
      volunteerIds,
    });
    await seedCarePlans(trx, featureRandom('care-plans'), orgId, userIds, now, 'Europe/Minsk');
    if (opts.fieldDay !== false)
      await seedFieldDay(trx, featureRandom('field-day'), { orgId, userIds, patientIds, now });
    if (opts.teamMeetings !== false)
      await seedTeamMeetings(trx, featureRandom('team-meetings'), {
        orgId,
        userIds,
        now,
        timeZone: 'Europe/Minsk',
      });
    await seedEndOfLife(trx, featureRandom('end-of-life'), {
      orgId,
      now,
      timeZone: 'Europe/Minsk',
      userIds,
      patientIds,
    });
    // the HTTP tests leave histories out (they count what they create)
    if (opts.symptomHistory !== false)
      await seedReportHistory(
        trx,
        featureRandom('reports'),
        { orgId, userIds, patientIds, now },
        featureRandom('report-measures'),
      );
    await recordAudit(trx, clock, null, orgId, {
      action: 'demo.seed',
      entityType: 'organization',
      entityId: orgId,
    });
  });
  return { organizationId: orgId, logins };
}
