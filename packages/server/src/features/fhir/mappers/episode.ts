import { hearthConcept, palliativeCareConcept } from '@hearth/domain';
import type { EpisodeOfCare, EpisodeOfCareStatusHistory } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref } from './common.ts';

type EpisodeStatus = EpisodeOfCare['status'];
const statusOf: Record<string, EpisodeStatus> = {
  referred: 'planned',
  active: 'active',
  // the team keeps caring while the patient is in hospital or an inpatient hospice
  inpatient: 'active',
  discharged: 'finished',
  deceased: 'finished',
};

/**
 * The patient's palliative episode with the service (one per patient; its id is the patient's):
 * status and its history from the record's status changes, the level of care (care setting) as
 * a Hearth-coded type beside SNOMED CT "palliative care".
 */
export function toEpisodes(r: PatientRecord): EpisodeOfCare[] {
  const changes = r.history.filter((h) => h.kind === 'status');
  const statusHistory: EpisodeOfCareStatusHistory[] = changes.map((h, i) => {
    const next = changes[i + 1];
    return {
      status: statusOf[h.toValue] ?? 'active',
      period: compact({ start: instant(h.at), end: next ? instant(next.at) : undefined }),
    };
  });
  const status = statusOf[r.patient.status] ?? 'active';
  const start = changes[0]?.at ?? r.patient.createdAt;
  const end = status === 'finished' ? (changes.at(-1)?.at ?? r.patient.updatedAt) : undefined;
  return [
    compact<EpisodeOfCare>({
      resourceType: 'EpisodeOfCare',
      id: r.patient.id,
      status,
      statusHistory: statusHistory.length ? statusHistory : undefined,
      type: [
        palliativeCareConcept,
        hearthConcept('care-setting', r.patient.careSetting, `Level of care: ${r.patient.careSetting}`),
      ],
      diagnosis: r.diagnoses.length
        ? r.diagnoses.map((d, i) => ({ condition: ref('Condition', d.id), rank: i + 1 }))
        : undefined,
      patient: ref('Patient', r.patient.id),
      managingOrganization: ref('Organization', r.organization.id, r.organization.name),
      period: compact({ start: instant(start), end: end ? instant(end) : undefined }),
      careManager: r.carePlan?.keyWorkerId ? ref('Practitioner', r.carePlan.keyWorkerId) : undefined,
    }),
  ];
}
