import {
  ageInYears,
  type DoseUnit,
  localDate,
  type MedicineForm,
  type MedicineRoute,
  organizationSettingsSchema,
  type Prescription,
  timesOnLocalDay,
} from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { queueDoseReminder } from '../features/medicines/dose-reminders.ts';
import * as repo from '../features/medicines/medicines.repository.ts';
import { toPrescription } from '../features/medicines/medicines.view.ts';
import { findPatient } from '../features/patients/patients.repository.ts';
import type { Random } from './random.ts';

interface DemoMedicine {
  medicineId: string;
  name: string;
  form: MedicineForm;
  strength: string;
  route: MedicineRoute;
  dose: number;
  unit: DoseUnit;
  kind: 'scheduled' | 'prn';
  times?: string[];
  interval?: number;
  max?: number;
  indication: string;
  controlled: boolean;
  purpose?: Prescription['anticipatoryPurpose'];
}

/** The regimen of the demo family's patient: an opioid with rescue doses, a laxative, an antiemetic. */
const mainRegimen: DemoMedicine[] = [
  {
    medicineId: 'morphine',
    name: 'Морфин ретард 30 мг',
    form: 'mr_tablet',
    strength: '30 mg',
    route: 'oral',
    dose: 30,
    unit: 'mg',
    kind: 'scheduled',
    times: ['08:00', '20:00'],
    indication: 'Боль (базисная терапия)',
    controlled: true,
  },
  {
    medicineId: 'morphine',
    name: 'Морфин раствор 10 мг/5 мл',
    form: 'oral_solution',
    strength: '10 mg/5 ml',
    route: 'oral',
    dose: 10,
    unit: 'mg',
    kind: 'prn',
    interval: 240,
    max: 6,
    indication: 'Прорывная боль',
    controlled: true,
  },
  {
    medicineId: 'senna',
    name: 'Сенна 7,5 мг',
    form: 'tablet',
    strength: '7.5 mg',
    route: 'oral',
    dose: 15,
    unit: 'mg',
    kind: 'scheduled',
    times: ['22:00'],
    indication: 'Профилактика запора на опиоидах',
    controlled: false,
  },
  {
    medicineId: 'metoclopramide',
    name: 'Метоклопрамид 10 мг',
    form: 'tablet',
    strength: '10 mg',
    route: 'oral',
    dose: 10,
    unit: 'mg',
    kind: 'prn',
    interval: 480,
    max: 3,
    indication: 'Тошнота',
    controlled: false,
  },
];

/** "Just in case" injections for the last days (pain, agitation, secretions, nausea). */
const anticipatory: DemoMedicine[] = [
  {
    medicineId: 'morphine',
    name: 'Морфин 10 мг/мл',
    form: 'injection',
    strength: '10 mg/ml',
    route: 'sc',
    dose: 2.5,
    unit: 'mg',
    kind: 'prn',
    interval: 60,
    max: 6,
    indication: 'Боль',
    controlled: true,
    purpose: 'pain',
  },
  {
    medicineId: 'midazolam',
    name: 'Мидазолам 5 мг/мл',
    form: 'injection',
    strength: '5 mg/ml',
    route: 'sc',
    dose: 2.5,
    unit: 'mg',
    kind: 'prn',
    interval: 60,
    max: 6,
    indication: 'Возбуждение',
    controlled: true,
    purpose: 'agitation',
  },
  {
    medicineId: 'hyoscine_butylbromide',
    name: 'Гиосцина бутилбромид 20 мг/мл',
    form: 'injection',
    strength: '20 mg/ml',
    route: 'sc',
    dose: 20,
    unit: 'mg',
    kind: 'prn',
    interval: 60,
    max: 6,
    indication: 'Хрипы (секреция)',
    controlled: false,
    purpose: 'secretions',
  },
  {
    medicineId: 'haloperidol',
    name: 'Галоперидол 5 мг/мл',
    form: 'injection',
    strength: '5 mg/ml',
    route: 'sc',
    dose: 1,
    unit: 'mg',
    kind: 'prn',
    interval: 240,
    max: 3,
    indication: 'Тошнота',
    controlled: false,
    purpose: 'nausea',
  },
];

/**
 * Demo medicines: the family's patient has a full regimen with two days of records (one
 * evening dose missed), a "just in case" box and a controlled-drug register; a few other
 * patients have an opioid and a laxative. Deterministic: ids from the seeded generator.
 */
export async function seedMedicines(
  trx: Conn,
  rnd: Random,
  people: {
    orgId: string;
    patientIds: string[];
    physicians: string[];
    nurses: string[];
    familyUserId: string;
  },
  now: Date,
) {
  const { orgId } = people;
  const tz = organizationSettingsSchema.shape.timeZone.parse(undefined);
  const threeDaysAgo = new Date(now.getTime() - 3 * 86_400_000);
  const prescribe = async (patientId: string, m: DemoMedicine, by: string) => {
    const id = rnd.uuid();
    await repo.insertPrescription(trx, orgId, {
      id,
      patientId,
      currentVersion: 1,
      createdBy: by,
      createdAt: threeDaysAgo,
    });
    await repo.insertVersion(trx, orgId, id, {
      version: 1,
      medicineId: m.medicineId,
      name: m.name,
      form: m.form,
      strength: m.strength,
      route: m.route,
      doseAmount: m.dose,
      doseUnit: m.unit,
      kind: m.kind,
      timesOfDay: m.times ?? [],
      minIntervalMinutes: m.interval ?? null,
      maxDosesPer24h: m.max ?? null,
      indication: m.indication,
      instructions: null,
      startsAt: threeDaysAgo,
      endsAt: null,
      anticipatoryPurpose: m.purpose ?? null,
      controlled: m.controlled,
      declaredClass: null,
      overrideReason: null,
      changeIntervalHours: null,
      reason: null,
      createdBy: by,
      createdAt: threeDaysAgo,
    });
    // the family's due-dose reminders start from now, as for a prescription written today
    const row = await repo.findCurrent(trx, orgId, patientId, id);
    await queueDoseReminder(trx, orgId, toPrescription(row!, now), now);
    return id;
  };
  const give = (
    patientId: string,
    rxId: string,
    m: DemoMedicine,
    at: Date,
    slot: Date | null,
    by: string,
    role: string,
  ) =>
    repo.insertAdministration(trx, orgId, {
      id: rnd.uuid(),
      patientId,
      prescriptionId: rxId,
      prescriptionVersion: 1,
      status: 'given',
      givenAt: at,
      slot,
      doseAmount: m.dose,
      doseUnit: m.unit,
      note: null,
      refusalReason: null,
      refusalMessage: null,
      nextAllowedAt: null,
      recordedBy: by,
      recordedByRole: role,
      recordedAt: at,
      verbalOrderPhysicianId: null,
      verbalOrderAt: null,
      countersignedBy: null,
      countersignedAt: null,
    });

  await seedWeights(trx, rnd, orgId, people.patientIds, people.nurses[0]!, threeDaysAgo, tz);
  const main = people.patientIds[0]!;
  const physician = people.physicians[0]!;
  for (const m of mainRegimen) {
    const rxId = await prescribe(main, m, physician);
    if (m.kind === 'scheduled') {
      for (const dayOffset of [-2, -1, 0]) {
        for (const slot of timesOnLocalDay(now, dayOffset, m.times!, tz)) {
          if (slot.getTime() < threeDaysAgo.getTime() || slot.getTime() > now.getTime() - 60 * 60_000)
            continue;
          // one evening dose forgotten yesterday, so the chart shows a missed dose
          if (dayOffset === -1 && m.times!.includes('22:00')) continue;
          await give(
            main,
            rxId,
            m,
            new Date(slot.getTime() + rnd.int(0, 25) * 60_000),
            slot,
            people.familyUserId,
            'family',
          );
        }
      }
    } else if (m.medicineId === 'morphine') {
      for (const hoursAgo of [30, 20])
        await give(
          main,
          rxId,
          m,
          new Date(now.getTime() - hoursAgo * 3_600_000),
          null,
          people.familyUserId,
          'family',
        );
    }
  }
  const anticipatoryIds: string[] = [];
  for (const m of anticipatory) anticipatoryIds.push(await prescribe(main, m, physician));
  const expires = new Date(now.getTime() + 75 * 86_400_000).toISOString().slice(0, 10);
  await repo.upsertBox(trx, {
    organization_id: orgId,
    patient_id: main,
    location: 'Кухня, верхняя полка шкафа, синяя коробка с наклейкой «Хоспис»',
    expires_on: expires,
    notes: 'Вскрывает только медсестра или врач выездной службы.',
    updated_by: people.nurses[0]!,
    updated_at: threeDaysAgo,
  });
  const stockId = rnd.uuid();
  await repo.insertStock(trx, {
    id: stockId,
    organization_id: orgId,
    patient_id: main,
    name: 'Морфин 10 мг/мл, ампулы 1 мл',
    unit: 'ampoule',
    // the "just in case" morphine: each dose the nurse records comes off this stock
    prescription_id: anticipatoryIds[0] ?? null,
    dose_per_unit: 10,
    balance: 10,
    created_by: people.nurses[0]!,
    created_at: threeDaysAgo,
  });
  await repo.insertEntry(trx, {
    id: rnd.uuid(),
    organization_id: orgId,
    stock_id: stockId,
    patient_id: main,
    kind: 'received',
    quantity: 10,
    balance_after: 10,
    expected: null,
    discrepancy: null,
    note: 'Получено по рецепту',
    method: null,
    administration_id: null,
    recorded_by: people.nurses[0]!,
    witness_user_id: null,
    at: threeDaysAgo,
  });

  // a few other patients on an opioid with a laxative
  const laxative = mainRegimen[2]!;
  for (const k of [2, 12, 20]) {
    const patientId = people.patientIds[k];
    if (!patientId) continue;
    const by = people.physicians[k % people.physicians.length]!;
    const dose = rnd.pick([10, 20, 30]);
    await prescribe(
      patientId,
      { ...mainRegimen[0]!, name: `Морфин ретард ${dose} мг`, strength: `${dose} mg`, dose },
      by,
    );
    await prescribe(patientId, laxative, by);
  }
}

/**
 * A weight with its date for every demo patient (issue 12: a child's prescription needs a
 * current one). Children by the APLS estimate (2 × (age + 4) kg, 1–10 years), then 3 kg more a
 * year (a rough choice for plausible demo data only), at most 60 kg; adults 48–85 kg.
 */
async function seedWeights(
  trx: Conn,
  rnd: Random,
  orgId: string,
  patientIds: readonly string[],
  nurse: string,
  on: Date,
  tz: string,
) {
  const measuredOn = localDate(on, tz);
  for (const patientId of patientIds) {
    const patient = await findPatient(trx, orgId, patientId);
    if (!patient) continue;
    const age = ageInYears(patient.dateOfBirth, measuredOn);
    const kg =
      age < 18 ? Math.min(60, 2 * (Math.max(age, 1) + 4) + (age > 10 ? 3 * (age - 10) : 0)) : rnd.int(48, 85);
    await repo.insertWeight(trx, orgId, patientId, {
      id: rnd.uuid(),
      kg,
      measuredOn,
      recordedBy: nurse,
      recordedAt: on,
    });
  }
}
