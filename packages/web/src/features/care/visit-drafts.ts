/**
 * Each visit form keeps a draft in localStorage as it is typed, so a reload or a lost connection
 * never loses what the nurse wrote. Once the visit is completed the documentation travels in the
 * outbox (src/offline) and the draft goes.
 */
const draftKey = (visitId: string) => `hearth.visitDraft.${visitId}`;

export interface Draft {
  assessment: string;
  done: string;
  taught: string;
  notes: string;
  nextSteps: string;
}
export const emptyDraft: Draft = { assessment: '', done: '', taught: '', notes: '', nextSteps: '' };
export const loadDraft = (visitId: string): Draft => ({
  ...emptyDraft,
  ...readDraft(visitId),
});
export const saveDraft = (visitId: string, d: Draft) =>
  localStorage.setItem(draftKey(visitId), JSON.stringify(d));
export const hasDraft = (visitId: string) => localStorage.getItem(draftKey(visitId)) !== null;

export const dropDraft = (visitId: string) => localStorage.removeItem(draftKey(visitId));

function readDraft(visitId: string): Partial<Draft> {
  try {
    const v = localStorage.getItem(draftKey(visitId));
    return v ? (JSON.parse(v) as Partial<Draft>) : {};
  } catch {
    return {};
  }
}
