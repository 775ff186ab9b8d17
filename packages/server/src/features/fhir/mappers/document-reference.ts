import { fhirSystems, hearthConcept } from '@hearth/domain';
import type { DocumentReference } from '@medplum/fhirtypes';
import type { PatientRecord } from '../patient-record.ts';
import { compact, instant, ref } from './common.ts';

type Note = PatientRecord['visitNotes'][number];

/** The sections of a visit's documentation, in the order the visit form asks for them. */
const sections: readonly [keyof Note['content'], string][] = [
  ['assessment', 'Assessment'],
  ['done', 'Done'],
  ['taught', 'Taught to the family'],
  ['notes', 'Notes'],
  ['nextSteps', 'Next steps'],
];

/** Plain text with a heading per filled section; the words are the clinician's, in their language. */
export function visitNoteText(content: Note['content']): string {
  return sections
    .filter(([key]) => content[key]?.trim())
    .map(([key, heading]) => `${heading}:\n${content[key].trim()}`)
    .join('\n\n');
}

/**
 * R4's Encounter has no place for notes, so each visit's documentation is a DocumentReference of
 * LOINC 11506-3 "Progress note" whose context is the visit's Encounter, with the text as a
 * text/plain attachment (base64, as the Attachment type requires).
 */
export function toVisitNotes(r: PatientRecord): DocumentReference[] {
  const disciplineOf = new Map(r.visits.map((v) => [v.id, v.discipline]));
  return r.visitNotes.map((n) => {
    const discipline = disciplineOf.get(n.visitId);
    const author = r.users.get(n.byUserId);
    return compact<DocumentReference>({
      resourceType: 'DocumentReference',
      id: n.id,
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: fhirSystems.loinc, code: '11506-3', display: 'Progress note' }] },
      category: discipline ? [hearthConcept('discipline', discipline, discipline)] : undefined,
      subject: ref('Patient', r.patient.id),
      date: instant(n.at),
      author: [ref('Practitioner', n.byUserId, author?.name)],
      context: { encounter: [ref('Encounter', n.visitId)] },
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(visitNoteText(n.content), 'utf8').toString('base64'),
            title: 'Visit documentation',
            creation: instant(n.at),
          },
        },
      ],
    });
  });
}
