import * as repo from '../features/programmes/programmes.repository.ts';
import type { DemoContext } from './volunteers.ts';

const day = 86_400_000;

/**
 * The children's hospice programmes: a friends' club with its next meetings, five summer camp
 * shifts (the first nearly full), clown doctors with one visit booked, and a training-centre
 * course with two sessions held and one to come.
 */
export async function seedProgrammes(c: DemoContext & { volunteerIds: readonly string[] }) {
  const { trx, orgId, rnd, now, userIds } = c;
  const by = userIds['volunteer-coordinator']!;
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * day);
    d.setUTCHours(hour - 3, 0, 0, 0); // Minsk is UTC+3
    return d;
  };
  const programme = async (
    kind: 'friends_club' | 'clown_doctors' | 'summer_camp' | 'training_course',
    name: string,
    description: string,
  ) => {
    const id = rnd.uuid();
    await repo.insertProgramme(trx, {
      id,
      organization_id: orgId,
      kind,
      name,
      description,
      max_age_years: kind === 'friends_club' ? 24 : null,
      created_by: by,
      created_at: now,
    });
    return id;
  };
  const session = async (
    programmeId: string,
    title: string,
    starts: Date,
    hours: number,
    place: string,
    capacity: number,
    familyCapacity: number | null = null,
  ) => {
    const id = rnd.uuid();
    await repo.insertSession(trx, {
      id,
      organization_id: orgId,
      programme_id: programmeId,
      title,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + hours * 3_600_000),
      place,
      capacity,
      family_capacity: familyCapacity,
      created_at: now,
    });
    return id;
  };

  const club = await programme(
    'friends_club',
    'Клуб друзей',
    'Встречи молодых людей с инвалидностью до 24 лет.',
  );
  const meeting = await session(club, 'Музыкальный вечер', at(5, 17), 2, 'Минск, ул. Нахимова, д. 4', 12);
  await repo.insertRoster(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    session_id: meeting,
    user_id: null,
    volunteer_id: c.volunteerIds[3]!,
    role: 'ведущий',
    added_by: by,
    added_at: now,
    removed_at: null,
  });
  await session(club, 'Мастер-класс по керамике', at(12, 17), 2, 'Минск, ул. Нахимова, д. 4', 10);

  const camp = await programme(
    'summer_camp',
    'Летний лагерь',
    'Пять смен для детей с тяжёлыми нарушениями и их семей.',
  );
  const shifts: string[] = [];
  for (let i = 0; i < 5; i++)
    shifts.push(
      await session(
        camp,
        `Смена ${i + 1}`,
        at(200 + i * 12, 10),
        24 * 9,
        'Нарочь, оздоровительный центр',
        i === 0 ? 3 : 8,
        i === 0 ? 4 : 10,
      ),
    );
  for (const [k, patientId] of [c.patientIds[3]!, c.patientIds[4]!].entries()) {
    const id = rnd.uuid();
    await repo.insertApplication(trx, {
      id,
      organization_id: orgId,
      session_id: shifts[0]!,
      patient_id: patientId,
      family_members: 1,
      queue_no: k + 1,
      status: 'accepted',
      notes: null,
      applied_by: by,
      applied_at: new Date(now.getTime() - (10 - k) * day),
      updated_at: now,
    });
    await repo.insertCareNote(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      application_id: id,
      medicines: 'По листу назначений семьи; даёт мама.',
      equipment: k === 0 ? 'Инвалидная коляска, аспиратор' : 'Ортезы',
      diet: k === 0 ? 'Протёртая пища' : 'Без ограничений',
      mobility: k === 0 ? 'Не ходит, пересаживать вдвоём' : 'Ходит с поддержкой',
      who_may_give: 'Лекарства даёт только мама или медсестра смены.',
      notes: null,
      recorded_by: by,
      recorded_at: now,
    });
    await repo.insertConsent(trx, {
      id: rnd.uuid(),
      organization_id: orgId,
      application_id: id,
      kind: 'participation',
      signed_by: 'Мама',
      signed_on: now.toISOString().slice(0, 10),
      recorded_by: by,
      recorded_at: now,
    });
  }
  await repo.insertRoster(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    session_id: shifts[0]!,
    user_id: userIds.psychologist!,
    volunteer_id: null,
    role: 'психолог',
    added_by: by,
    added_at: now,
    removed_at: null,
  });

  await programme('clown_doctors', 'Больничные клоуны', 'Визиты клоунов к детям под опекой.');
  await repo.insertClownVisit(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    patient_id: c.patientIds[5]!,
    scheduled_at: at(4, 11),
    family_wish: 'welcome',
    phase: 'stable',
    phase_source: 'confirmed_by_coordinator',
    status: 'scheduled',
    notes: null,
    created_by: by,
    created_at: now,
  });

  const course = await programme(
    'training_course',
    'Основы паллиативной помощи детям',
    'Курс учебного центра для медсестёр, врачей и волонтёров.',
  );
  const courseSessions = [
    await session(course, 'Занятие 1. Оценка боли у детей', at(-14, 10), 4, 'Учебный центр', 20),
    await session(course, 'Занятие 2. Уход и позиционирование', at(-7, 10), 4, 'Учебный центр', 20),
    await session(course, 'Занятие 3. Общение с семьёй', at(7, 10), 4, 'Учебный центр', 20),
  ];
  for (const [name, org] of [
    ['Ольга Ковальчук', 'Городская детская больница №2'],
    ['Игорь Савчук', 'Поликлиника №19'],
  ] as const) {
    const id = rnd.uuid();
    await repo.insertEnrolment(trx, {
      id,
      organization_id: orgId,
      programme_id: course,
      user_id: null,
      learner_name: name,
      learner_email: null,
      learner_organization: org,
      enrolled_by: by,
      enrolled_at: now,
      completed_on: null,
      certificate_number: null,
    });
    for (const s of courseSessions.slice(0, 2))
      await repo.upsertAttendance(trx, {
        organization_id: orgId,
        enrolment_id: id,
        session_id: s,
        present: true,
        recorded_by: by,
        recorded_at: now,
      });
  }

  // a short course that has ended, with one learner's certificate, so the print view has one to show
  const short = await programme(
    'training_course',
    'Общение с тяжелобольным ребёнком',
    'Короткий курс учебного центра для медсестёр и волонтёров.',
  );
  const shortSessions = [
    await session(short, 'Занятие 1. Слушать ребёнка', at(-21, 10), 3, 'Учебный центр', 15),
    await session(short, 'Занятие 2. Трудные вопросы', at(-20, 10), 3, 'Учебный центр', 15),
  ];
  const graduate = rnd.uuid();
  await repo.insertEnrolment(trx, {
    id: graduate,
    organization_id: orgId,
    programme_id: short,
    user_id: null,
    learner_name: 'Наталья Гринько',
    learner_email: null,
    learner_organization: 'Гродненский областной хоспис',
    enrolled_by: by,
    enrolled_at: now,
    completed_on: at(-20, 12).toISOString().slice(0, 10),
    certificate_number: `TC-${now.getUTCFullYear()}-0001`,
  });
  for (const s of shortSessions)
    await repo.upsertAttendance(trx, {
      organization_id: orgId,
      enrolment_id: graduate,
      session_id: s,
      present: true,
      recorded_by: by,
      recorded_at: now,
    });
}
