import { parseReferralBundle } from '@hearth/domain';
import type { Conn } from '../db/conn.ts';
import { insertCallAttempt, insertCareRequest } from '../features/intake/intake.repository.ts';
import type { Random } from './random.ts';

const letter = [
  'Выписной эпикриз. Рак поджелудочной железы IV ст., метастазы в печень.',
  'Боль 6/10, морфин 10 мг внутрь каждые 4 часа и при необходимости. Тошнота по утрам.',
  'Выписывается домой по желанию пациентки, дочь ухаживает. Нужен контроль боли на дому.',
].join('\n');

/** A hospital's referral as it arrives over FHIR (built with made-up people, like the rest of the demo). */
export const demoReferralBundle = {
  resourceType: 'Bundle',
  id: 'minsk-city-clinical-2026-4471',
  type: 'collection',
  language: 'ru',
  entry: [
    {
      fullUrl: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4001',
      resource: {
        resourceType: 'Patient',
        name: [{ family: 'Лукашевич', given: ['Валентина', 'Петровна'] }],
        gender: 'female',
        birthDate: '1949-09-17',
        telecom: [{ system: 'phone', value: '+375 29 618-40-22' }],
        address: [{ text: 'Минск, ул. Якуба Коласа, д. 44, кв. 12' }],
      },
    },
    {
      fullUrl: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4002',
      resource: {
        resourceType: 'Condition',
        subject: { reference: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4001' },
        code: {
          coding: [
            { system: 'http://hl7.org/fhir/sid/icd-10', code: 'C25.9', display: 'Рак поджелудочной железы' },
          ],
        },
      },
    },
    {
      fullUrl: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4003',
      resource: {
        resourceType: 'Organization',
        name: 'Городская клиническая больница (демо), онкологическое отделение',
        telecom: [{ system: 'phone', value: '+375 17 300-00-00' }],
      },
    },
    {
      fullUrl: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4004',
      resource: {
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        priority: 'urgent',
        code: { text: 'Паллиативная помощь на дому' },
        subject: { reference: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4001' },
        requester: { reference: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4003' },
        reasonCode: [{ text: 'Выписка домой, контроль боли' }],
      },
    },
    {
      fullUrl: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4005',
      resource: {
        resourceType: 'DocumentReference',
        status: 'current',
        subject: { reference: 'urn:uuid:0b7a6f52-9d1e-4c3a-8f0e-5b2d1c9a4001' },
        content: [
          {
            attachment: {
              contentType: 'text/plain; charset=utf-8',
              title: 'Выписной эпикриз',
              data: Buffer.from(letter, 'utf8').toString('base64'),
            },
          },
        ],
      },
    },
  ],
};

/**
 * One request in the queue came from a hospital over FHIR (read by the same parser as a real
 * import). It was already called once, so it starts no deadline of its own.
 */
export async function seedFhirReferral(
  trx: Conn,
  rnd: Random,
  ctx: { orgId: string; coordinatorId: string; now: Date },
) {
  const today = ctx.now.toISOString().slice(0, 10);
  const parsed = parseReferralBundle(demoReferralBundle, today);
  if (!parsed.ok) throw new Error(`demo referral is invalid: ${parsed.issues.map((i) => i.text).join(' ')}`);
  const id = rnd.uuid();
  const created = new Date(ctx.now.getTime() - 90 * 60_000);
  const calledAt = new Date(created.getTime() + 7 * 60_000);
  const r = parsed.request;
  await insertCareRequest(trx, {
    id,
    organization_id: ctx.orgId,
    reference: `R26-D${rnd.int(1000, 9999)}`,
    source: 'fhir',
    status: 'in_progress',
    patient_name: r.patientName,
    patient_age_years: r.patientAgeYears ?? null,
    requester_name: r.requesterName,
    relationship: r.relationship,
    diagnosis_text: r.diagnosisText,
    address: r.address,
    phone: r.phone,
    preferred_call_time: r.preferredCallTime,
    locale: r.locale,
    consent_at: created,
    created_by: ctx.coordinatorId,
    created_at: created,
    callback_due_at: new Date(created.getTime() + 15 * 60_000),
    first_call_at: calledAt,
    escalated_at: null,
    closed_reason: null,
    commission_case_id: null,
    referral: parsed.referral,
  });
  await insertCallAttempt(trx, {
    id: rnd.uuid(),
    organization_id: ctx.orgId,
    care_request_id: id,
    at: calledAt,
    by_user_id: ctx.coordinatorId,
    outcome: 'reached',
    note: 'Дочь на связи, ждёт визита врача после выписки',
  });
}
