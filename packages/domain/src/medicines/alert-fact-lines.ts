import type { FactLine } from '../triage/fact-lines.ts';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The facts of a medicines alert as lines to put in words (issue 12: "4 rescue doses in 24 h
 * (review above 3); last: morphine 10 mg at 14:20"), built from the structured facts stored with
 * the alert, never from its stored English title. `medicine` is the formulary id (the web names
 * it in the reader's language) or the free-text name; times are ISO and formatted by the reader.
 * Alerts raised before a fact existed simply lack its line.
 */
export function medicineAlertFactLines(ruleId: string, facts: Record<string, unknown>): FactLine[] {
  const lines: FactLine[] = [];
  const medicine = str(facts.medicineId) ?? str(facts.medicineName) ?? str(facts.medicine) ?? '';
  if (ruleId === 'rescue.over-threshold') {
    const count = num(facts.rescueDoses24h);
    const threshold = num(facts.threshold);
    if (count !== null && threshold !== null)
      lines.push({ key: 'rescueDoses', params: { count, threshold } });
    const amount = num(facts.lastDoseAmount);
    const unit = str(facts.lastDoseUnit);
    const lastAt = str(facts.lastGivenAt);
    if (amount !== null && unit && lastAt)
      lines.push({ key: 'rescueLastDose', params: { medicine, amount, unit, lastAt } });
  } else if (ruleId === 'dose.refused') {
    const amount = num(facts.attemptedAmount);
    const unit = str(facts.attemptedUnit);
    const reason = str(facts.reason);
    const givenAt = str(facts.givenAt);
    if (amount !== null && unit && reason && givenAt)
      lines.push({ key: 'doseRefused', params: { medicine, amount, unit, givenAt, reason } });
    const next = str(facts.nextAllowedAt);
    if (next) lines.push({ key: 'doseNextAllowed', params: { nextAllowedAt: next } });
  } else if (ruleId === 'controlled.count-discrepancy') {
    const stock = str(facts.stock) ?? '';
    const unit = str(facts.unit) ?? '';
    if (num(facts.balance) !== null && num(facts.taken) !== null) {
      lines.push({
        key: 'registerBelowZero',
        params: {
          stock,
          unit,
          before: num(facts.before) ?? 0,
          taken: num(facts.taken)!,
          balance: num(facts.balance)!,
        },
      });
    } else if (num(facts.counted) !== null && num(facts.expected) !== null) {
      lines.push({
        key: 'registerCountMismatch',
        params: { stock, unit, counted: num(facts.counted)!, expected: num(facts.expected)! },
      });
    }
  }
  return lines;
}
