import { z } from 'zod';
import { ageInYears, dateOfBirthProblem, maxPlausibleAgeYears } from '../common/age.ts';
import type { CareRequestBody } from '../intake/schemas.ts';
import { icd10Schema } from '../patients/icd10.ts';
import { fhirSystems } from './code-systems.ts';
import type { OutcomeIssue } from './operation-outcome.ts';
import {
  type FhirAddress,
  type FhirContactPoint,
  type FhirHumanName,
  type ReferralSender,
  referralConditionShape,
  referralDocumentShape,
  referralPatientShape,
  referralSenderShape,
  referralServiceRequestShape,
} from './referral-shapes.ts';

/** What a FHIR referral brings with it, kept on the intake request for the coordinators to read. */
export const fhirReferralSchema = z.object({
  bundleId: z.string().nullable(),
  sender: z.string().nullable(),
  senderPhone: z.string().nullable(),
  patient: z.object({
    name: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string(),
    identifiers: z.array(z.object({ system: z.string().nullable(), value: z.string() })),
  }),
  conditions: z.array(z.object({ icd10: z.string(), display: z.string().nullable() })),
  request: z.object({
    what: z.string().nullable(),
    reasons: z.array(z.string()),
    priority: z.string().nullable(),
    authoredOn: z.string().nullable(),
    notes: z.array(z.string()),
  }),
  documents: z.array(
    z.object({
      title: z.string().nullable(),
      contentType: z.string().nullable(),
      date: z.string().nullable(),
      url: z.string().nullable(),
      /** The text of an inline text/plain attachment (discharge letters are often sent so). */
      text: z.string().nullable(),
    }),
  ),
});
export type FhirReferral = z.infer<typeof fhirReferralSchema>;

export type ReferralParse =
  | { ok: true; referral: FhirReferral; request: Omit<CareRequestBody, 'consent'> }
  | { ok: false; issues: OutcomeIssue[] };

const maxInlineTextChars = 20_000;
const acceptedTypes = ['Patient', 'Condition', 'ServiceRequest', 'DocumentReference'] as const;
const senderTypes = ['Practitioner', 'Organization', 'PractitionerRole'] as const;

interface Entry {
  index: number;
  fullUrl: string | undefined;
  resource: Record<string, unknown>;
}

/**
 * Reads a referral Bundle (a hospital's referral to the palliative service) into an intake
 * request. Every problem found is returned at once, each with the FHIRPath of the element, so
 * the sender can fix the Bundle in one go; nothing is taken from a Bundle with a problem.
 */
export function parseReferralBundle(body: unknown, today: string): ReferralParse {
  const issues: OutcomeIssue[] = [];
  const problem = (expression: string, text: string, code: OutcomeIssue['code'] = 'invalid') =>
    issues.push({ severity: 'error', code, text, expression });

  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Bundle'
  ) {
    problem('Bundle', 'The body must be a FHIR Bundle (resourceType "Bundle").', 'structure');
    return { ok: false, issues };
  }
  const bundle = body as Record<string, unknown>;
  if (bundle.type !== 'collection' && bundle.type !== 'transaction')
    problem('Bundle.type', 'Bundle.type must be "collection" or "transaction" for a referral.', 'value');
  const rawEntries = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (rawEntries.length === 0) problem('Bundle.entry', 'The Bundle has no entries.', 'required');

  const entries: Entry[] = [];
  rawEntries.forEach((e: unknown, index) => {
    const at = `Bundle.entry[${index}]`;
    const resource = (e as { resource?: unknown } | null)?.resource;
    if (typeof resource !== 'object' || resource === null) {
      problem(`${at}.resource`, 'The entry has no resource.', 'required');
      return;
    }
    const type = (resource as { resourceType?: unknown }).resourceType;
    if (![...acceptedTypes, ...senderTypes].includes(type as never)) {
      problem(
        `${at}.resource`,
        `A referral holds Patient, Condition, ServiceRequest, DocumentReference and the sender (Practitioner, PractitionerRole, Organization); ${String(type)} is not accepted.`,
        'not-supported',
      );
      return;
    }
    const fullUrl = (e as { fullUrl?: unknown }).fullUrl;
    entries.push({
      index,
      fullUrl: typeof fullUrl === 'string' ? fullUrl : undefined,
      resource: resource as Record<string, unknown>,
    });
  });

  const ofType = (type: string) => entries.filter((e) => e.resource.resourceType === type);
  const shaped = <T>(entry: Entry, shape: z.ZodType<T>): T | null => {
    const r = shape.safeParse(entry.resource);
    if (r.success) return r.data;
    for (const i of r.error.issues)
      problem(
        fhirPath(`Bundle.entry[${entry.index}].resource`, i.path),
        `${fieldName(i.path)} ${i.message}`.trim(),
        'structure',
      );
    return null;
  };

  const patients = ofType('Patient');
  if (patients.length !== 1)
    problem(
      'Bundle.entry',
      `A referral names exactly one Patient; this Bundle has ${patients.length}.`,
      'invariant',
    );
  const serviceRequests = ofType('ServiceRequest');
  if (serviceRequests.length !== 1)
    problem(
      'Bundle.entry',
      `A referral has exactly one ServiceRequest; this Bundle has ${serviceRequests.length}.`,
      'invariant',
    );
  const conditionEntries = ofType('Condition');
  if (conditionEntries.length === 0)
    problem(
      'Bundle.entry',
      'A referral names at least one Condition (the diagnosis, coded in ICD-10).',
      'required',
    );

  const patientEntry = patients.length === 1 ? patients[0]! : null;
  const patient = patientEntry ? shaped(patientEntry, referralPatientShape) : null;
  const isPatientRef = (ref: string | undefined) =>
    !!patientEntry &&
    !!ref &&
    (ref === patientEntry.fullUrl ||
      (typeof patientEntry.resource.id === 'string' && ref === `Patient/${patientEntry.resource.id}`));
  const senders = entries
    .filter((e) => (senderTypes as readonly unknown[]).includes(e.resource.resourceType))
    .map((e) => ({ entry: e, sender: shaped(e, referralSenderShape) }));
  const findSender = (ref: string | undefined) =>
    senders.find(
      ({ entry }) =>
        !!ref &&
        (ref === entry.fullUrl ||
          (typeof entry.resource.id === 'string' &&
            ref === `${String(entry.resource.resourceType)}/${entry.resource.id}`)),
    )?.sender ?? null;

  const conditions = conditionEntries.flatMap((entry) => {
    const c = shaped(entry, referralConditionShape);
    if (!c) return [];
    const at = `Bundle.entry[${entry.index}].resource`;
    if (!isPatientRef(c.subject.reference))
      problem(`${at}.subject`, 'Condition.subject must reference the Patient in this Bundle.');
    const icd = c.code.coding?.find((k) => k.system === fhirSystems.icd10);
    const code = icd10Schema.safeParse(icd?.code ?? '');
    if (!icd || !code.success) {
      problem(
        `${at}.code`,
        `Condition.code needs an ICD-10 coding (system ${fhirSystems.icd10}) with a code such as C34.1.`,
        'value',
      );
      return [];
    }
    return [{ icd10: code.data, display: icd.display ?? c.code.text ?? null }];
  });

  const srEntry = serviceRequests.length === 1 ? serviceRequests[0]! : null;
  const sr = srEntry ? shaped(srEntry, referralServiceRequestShape) : null;
  let sender: ReferralSender | null = null;
  if (sr && srEntry) {
    const at = `Bundle.entry[${srEntry.index}].resource`;
    if (!isPatientRef(sr.subject.reference))
      problem(`${at}.subject`, 'ServiceRequest.subject must reference the Patient in this Bundle.');
    if (sr.requester?.reference) {
      sender = findSender(sr.requester.reference);
      if (!sender)
        problem(
          `${at}.requester`,
          'ServiceRequest.requester must reference a Practitioner, PractitionerRole or Organization in this Bundle.',
        );
    }
    if (sr.status !== 'active')
      problem(`${at}.status`, 'Only an active ServiceRequest can be accepted as a referral.', 'value');
  }

  const documents = ofType('DocumentReference').flatMap((entry) => {
    const d = shaped(entry, referralDocumentShape);
    if (!d) return [];
    const at = `Bundle.entry[${entry.index}].resource`;
    if (d.subject && !isPatientRef(d.subject.reference))
      problem(`${at}.subject`, 'DocumentReference.subject must reference the Patient in this Bundle.');
    return d.content.map((c, i) => {
      const a = c.attachment;
      let text: string | null = null;
      if (a.data !== undefined) {
        const isText = (a.contentType ?? '').split(';')[0]!.trim() === 'text/plain';
        if (!isText)
          problem(
            `${at}.content[${i}].attachment.data`,
            'Only text/plain attachments can be sent inline; give other documents as a url.',
            'not-supported',
          );
        else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.data) || a.data.length % 4 !== 0)
          problem(`${at}.content[${i}].attachment.data`, 'Attachment data is not valid base64.', 'value');
        else {
          text = decodeBase64Utf8(a.data);
          if (text.length > maxInlineTextChars)
            problem(
              `${at}.content[${i}].attachment.data`,
              `An inline text may hold at most ${maxInlineTextChars} characters.`,
              'too-costly',
            );
        }
      } else if (!a.url)
        problem(`${at}.content[${i}].attachment`, 'An attachment needs data or a url.', 'required');
      return {
        title: a.title ?? d.description ?? d.type?.text ?? null,
        contentType: a.contentType ?? null,
        date: d.date ?? a.creation ?? null,
        url: a.url ?? null,
        text,
      };
    });
  });

  const patientName = patient ? nameText(patient.name) : '';
  const address = patient ? addressText(patient.address ?? []) : '';
  const patientPhone = patient ? phoneOf(patient.telecom) : null;
  const senderPhone = sender ? phoneOf(sender.telecom) : null;
  if (patient && patientEntry) {
    const at = `Bundle.entry[${patientEntry.index}].resource`;
    if (patientName.length < 2)
      problem(`${at}.name`, 'Patient.name needs a family or given name (or text).', 'required');
    if (address.length < 5)
      problem(
        `${at}.address`,
        'Patient.address is needed: the team cares for the patient at home.',
        'required',
      );
    // FHIR allows a year or a month alone: judge it by its earliest day for "future" and its
    // latest for "too old", so only a birth date wrong whatever the missing part is is refused
    const born = patient.birthDate;
    const earliest = born && dateOfBirthProblem(`${born}${'-01-01'.slice(born.length - 4)}`, today);
    const latest = born && dateOfBirthProblem(`${born}${'-12-28'.slice(born.length - 4)}`, today);
    const birthProblem = earliest === 'future' ? 'future' : latest === 'too_old' ? 'too_old' : undefined;
    if (birthProblem === 'future') problem(`${at}.birthDate`, 'Patient.birthDate is in the future.', 'value');
    if (birthProblem === 'too_old')
      problem(
        `${at}.birthDate`,
        `Patient.birthDate gives an age over ${maxPlausibleAgeYears} years.`,
        'value',
      );
    if (!patientPhone && !senderPhone)
      problem(
        `${at}.telecom`,
        "A phone number is needed to call back: give Patient.telecom or the requester's telecom.",
        'required',
      );
  }

  if (issues.length > 0 || !patient || !sr) return { ok: false, issues };

  const senderName = sender ? senderNameOf(sender) : (sr.requester?.display ?? null);
  const reasons = [
    ...(sr.reasonCode ?? []).map((r) => r.text ?? r.coding?.[0]?.display ?? r.coding?.[0]?.code ?? ''),
  ].filter(Boolean);
  const referral: FhirReferral = {
    bundleId: typeof bundle.id === 'string' ? bundle.id : null,
    sender: senderName,
    senderPhone,
    patient: {
      name: patientName,
      birthDate: patient.birthDate ?? null,
      gender: patient.gender ?? null,
      phone: patientPhone,
      address,
      identifiers: (patient.identifier ?? []).flatMap((i) =>
        i.value ? [{ system: i.system ?? null, value: i.value }] : [],
      ),
    },
    conditions,
    request: {
      what: sr.code?.text ?? sr.code?.coding?.[0]?.display ?? null,
      reasons,
      priority: sr.priority ?? null,
      authoredOn: sr.authoredOn ?? null,
      notes: (sr.note ?? []).map((n) => n.text),
    },
    documents,
  };
  const diagnosisText = [
    ...conditions.map((c) => `${c.icd10}${c.display ? ` ${c.display}` : ''}`),
    ...reasons,
  ].join('; ');
  return {
    ok: true,
    referral,
    request: {
      patientName: patientName.slice(0, 120),
      ...(patient.birthDate && patient.birthDate.length === 10
        ? { patientAgeYears: ageInYears(patient.birthDate, today) }
        : {}),
      requesterName: (senderName ?? 'FHIR referral').slice(0, 120),
      relationship: 'professional',
      diagnosisText: diagnosisText.slice(0, 2000),
      address: address.slice(0, 300),
      phone: (patientPhone ?? senderPhone)!.slice(0, 30),
      preferredCallTime: 'any',
      locale: typeof bundle.language === 'string' && bundle.language.startsWith('en') ? 'en' : 'ru',
    },
  };
}

function fhirPath(base: string, path: readonly PropertyKey[]) {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${String(p)}`), base);
}
const fieldName = (path: readonly PropertyKey[]) => {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return last === undefined ? '' : String(last);
};

const nameText = (names: readonly FhirHumanName[]) => {
  const n = names[0];
  if (!n) return '';
  const parts = [n.family, ...(n.given ?? [])].filter((p): p is string => !!p?.trim());
  return (parts.length ? parts.join(' ') : (n.text ?? '')).trim();
};
const addressText = (addresses: readonly FhirAddress[]) => {
  const a = addresses[0];
  if (!a) return '';
  if (a.text?.trim()) return a.text.trim();
  return [a.city, a.district, ...(a.line ?? []), a.postalCode].filter((p) => !!p?.trim()).join(', ');
};
const phoneOf = (telecom: readonly FhirContactPoint[] | undefined) =>
  telecom?.find((t) => (t.system === 'phone' || t.system === 'sms') && t.value?.trim())?.value?.trim() ??
  null;
const senderNameOf = (s: ReferralSender) =>
  typeof s.name === 'string' ? s.name : s.name ? nameText(s.name) || null : null;

function decodeBase64Utf8(data: string): string {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
