import { trainingModules, type VolunteerSkill, type VolunteerStatus } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import * as repo from '../features/volunteers/volunteers.repository.ts';
import { demoStreets } from './places.ts';
import type { Random } from './random.ts';

export interface DemoContext {
  trx: Conn;
  orgId: string;
  rnd: Random;
  now: Date;
  userIds: Partial<Record<string, string>>;
  /** Patients in seed order: index 0 is the family user's patient, 1–9 are children. */
  patientIds: readonly string[];
}

const people: { name: string; status: VolunteerStatus; skills: VolunteerSkill[]; languages: string[] }[] = [
  {
    name: 'Дарья Лебедева',
    status: 'active',
    skills: ['childcare', 'music', 'driving'],
    languages: ['ru', 'be'],
  },
  { name: 'Кирилл Шапошник', status: 'active', skills: ['driving', 'shopping'], languages: ['ru'] },
  {
    name: 'Вероника Гурская',
    status: 'active',
    skills: ['medical_student', 'sitting'],
    languages: ['ru', 'en'],
  },
  { name: 'Алексей Тарасевич', status: 'active', skills: ['clowning', 'music'], languages: ['ru'] },
  { name: 'Полина Мартинович', status: 'trained', skills: ['tutoring', 'crafts'], languages: ['ru', 'be'] },
  { name: 'Денис Карпович', status: 'screened', skills: ['sport', 'driving'], languages: ['ru'] },
  { name: 'Ульяна Короткевич', status: 'applicant', skills: ['crafts', 'childcare'], languages: ['ru'] },
  { name: 'Станислав Бобрик', status: 'paused', skills: ['driving'], languages: ['ru', 'pl'] },
];

const nearMinsk = (rnd: Random) => ({
  lat: Math.round((53.9 + (rnd.next() - 0.5) * 0.12) * 1e5) / 1e5,
  lon: Math.round((27.56 + (rnd.next() - 0.5) * 0.2) * 1e5) / 1e5,
});

/**
 * Demo volunteers at every step of their path, the demo volunteer login linked to the first,
 * one finished assignment with approved hours and one open family request. The report takes paid
 * care hours from the demo's completed visits (no typed figure).
 */
export async function seedVolunteers(c: DemoContext) {
  const { trx, orgId, rnd, now, userIds } = c;
  const by = userIds['volunteer-coordinator']!;
  const day = 86_400_000;
  const dateOf = (d: Date) => d.toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const id = rnd.uuid();
    ids.push(id);
    const home = nearMinsk(rnd);
    await repo.insertVolunteer(trx, orgId, {
      id,
      userId: i === 0 ? userIds.volunteer! : null,
      name: p.name,
      phone: `+375 29 ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
      email: null,
      address: `Минск, ${rnd.pick(demoStreets)}, д. ${rnd.int(1, 90)}`,
      home,
      maxDistanceKm: rnd.pick([15, 25, 40]),
      areas: ['Минск'],
      languages: p.languages,
      skills: p.skills,
      availability: [
        { weekday: rnd.int(1, 5), from: '09:00', to: '13:00' },
        { weekday: 6, from: '10:00', to: '18:00' },
        { weekday: rnd.int(1, 5), from: '15:00', to: '20:00' },
      ],
      notes: null,
      status: p.status,
      createdBy: by,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertStatusHistory(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      volunteer_id: id,
      from_value: null,
      to_value: p.status,
      reason: 'Demo record',
      by_user_id: by,
      at: now,
    });
    if (p.status !== 'applicant') {
      const on = dateOf(new Date(now.getTime() - 120 * day));
      await repo.insertScreening(trx, {
        id: rnd.uuid(),
        organization_id: orgId,
        volunteer_id: id,
        version: 1,
        interview_on: on,
        interview_notes: 'Мотивирован, опыт работы с детьми.',
        background_check_on: on,
        background_check_result: 'clear',
        consent_signed_on: on,
        confidentiality_signed_on: on,
        recorded_by: by,
        recorded_at: now,
      });
    }
    if (p.status !== 'applicant' && p.status !== 'screened') {
      for (const module of trainingModules)
        await repo.insertTraining(trx, {
          id: rnd.uuid(),
          organization_id: orgId,
          volunteer_id: id,
          module,
          completed_on: dateOf(new Date(now.getTime() - 90 * day)),
          recorded_by: by,
          recorded_at: now,
        });
    }
  }

  const child = c.patientIds[1]!;
  const pastRequest = rnd.uuid();
  const past = new Date(now.getTime() - 7 * day);
  await repo.insertRequest(trx, {
    id: pastRequest,
    organization_id: orgId,
    patient_id: child,
    kind: 'company_for_child',
    status: 'done',
    starts_at: past,
    duration_minutes: 120,
    language: 'ru',
    what_to_bring: 'Настольные игры',
    details: null,
    created_by: by,
    created_at: past,
    updated_at: past,
  });
  const assignment = rnd.uuid();
  await repo.insertAssignment(trx, {
    id: assignment,
    organization_id: orgId,
    request_id: pastRequest,
    volunteer_id: ids[0]!,
    status: 'completed',
    offered_by: by,
    offered_at: past,
    responded_at: past,
    decline_reason: null,
    closed_at: past,
    closed_by: by,
  });
  await repo.insertHours(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    assignment_id: assignment,
    volunteer_id: ids[0]!,
    on_date: dateOf(past),
    minutes: 120,
    note: 'Играли, читали книги.',
    status: 'approved',
    logged_by: userIds.volunteer!,
    logged_at: past,
    decided_by: by,
    decided_at: past,
    reject_reason: null,
  });
  await repo.insertRequest(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    patient_id: c.patientIds[2]!,
    kind: 'respite_sitting',
    status: 'open',
    // today, so a volunteer who takes it can log the hours the same day
    starts_at: now,
    duration_minutes: 180,
    language: 'ru',
    what_to_bring: 'Сменную обувь',
    details: 'Маме нужно съездить в поликлинику.',
    created_by: by,
    created_at: now,
    updated_at: now,
  });
  return { volunteerIds: ids };
}
