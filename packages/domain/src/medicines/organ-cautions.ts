import { findMedicine } from './formulary.ts';
import type { SafetySourceId } from './safety-sources.ts';

/**
 * Renal and hepatic cautions (issue 12, "Organ impairment"). The record holds diagnoses as ICD-10
 * codes: chronic kidney disease N18.1–N18.5 gives the stage (N18.6, end-stage, as stage 5);
 * acute or unspecified kidney failure (N17, N19) counts as severe. Hepatic impairment: hepatic
 * failure (K72), alcoholic cirrhosis or failure (K70.3, K70.4), fibrosis and cirrhosis (K74),
 * hepatorenal syndrome (K76.7).
 *
 * Renal rules follow the Scottish Palliative Care Guidelines for chronic kidney disease (eGFR
 * below 30, stage 4–5: avoid morphine, diamorphine, codeine, dihydrocodeine and tramadol, whose
 * metabolites accumulate; oxycodone and hydromorphone with reduced dose and frequency; fentanyl
 * and alfentanil preferred) and the BNF (NSAIDs: avoid if eGFR below 30, caution in stage 3;
 * metoclopramide, midazolam, glycopyrronium: reduce the dose in severe impairment). Hepatic
 * rules follow the BNF (opioids: reduce the dose, avoid in hepatic coma; benzodiazepines can
 * precipitate coma; paracetamol: dose-related toxicity; NSAIDs: avoid in severe impairment).
 * palliative-research.md §3.5 lists renal and hepatic impairment as reasons to rotate opioids.
 */
export interface OrganStatus {
  /** CKD stage 1–5 from the diagnoses, 4 for acute/unspecified failure, null when none recorded. */
  ckdStage: number | null;
  hepaticImpairment: boolean;
}

export function organStatusOf(icd10Codes: readonly string[]): OrganStatus {
  let ckdStage: number | null = null;
  let hepaticImpairment = false;
  for (const raw of icd10Codes) {
    const code = raw.toUpperCase().replace(/\s/g, '');
    const ckd = /^N18\.?([1-6])/.exec(code);
    const stage = ckd ? Math.min(5, Number(ckd[1])) : /^N1[79]/.test(code) ? 4 : null;
    if (stage !== null) ckdStage = Math.max(ckdStage ?? 0, stage);
    if (/^(K72|K70\.?[34]|K74|K76\.?7)/.test(code)) hepaticImpairment = true;
  }
  return { ckdStage, hepaticImpairment };
}

export type OrganCautionCode = 'renal-avoid' | 'renal-reduce' | 'hepatic-reduce' | 'hepatic-avoid';

export interface OrganCaution {
  code: OrganCautionCode;
  source: SafetySourceId;
}

const renalAvoidSevere = ['morphine', 'diamorphine', 'codeine', 'dihydrocodeine', 'tramadol'];
const renalReduceSevere = ['oxycodone', 'hydromorphone', 'metoclopramide', 'midazolam', 'glycopyrronium'];
const nsaid = (id: string) => findMedicine(id)?.class === 'nsaid';

export function organCautions(medicineId: string | null, status: OrganStatus): OrganCaution[] {
  if (!medicineId) return [];
  const out: OrganCaution[] = [];
  const stage = status.ckdStage ?? 0;
  if (stage >= 4 && renalAvoidSevere.includes(medicineId))
    out.push({ code: 'renal-avoid', source: 'scottishRenal' });
  else if (stage >= 4 && renalReduceSevere.includes(medicineId))
    out.push({
      code: 'renal-reduce',
      source: medicineId === 'oxycodone' || medicineId === 'hydromorphone' ? 'scottishRenal' : 'bnf',
    });
  else if (nsaid(medicineId) && stage >= 4) out.push({ code: 'renal-avoid', source: 'bnf' });
  else if (nsaid(medicineId) && stage === 3) out.push({ code: 'renal-reduce', source: 'bnf' });
  if (status.hepaticImpairment) {
    const m = findMedicine(medicineId);
    if (m && nsaid(medicineId)) out.push({ code: 'hepatic-avoid', source: 'bnf' });
    else if (
      m &&
      (m.class === 'strong_opioid' ||
        m.class === 'weak_opioid' ||
        m.class === 'benzodiazepine' ||
        medicineId === 'paracetamol')
    )
      out.push({ code: 'hepatic-reduce', source: 'bnf' });
  }
  return out;
}
