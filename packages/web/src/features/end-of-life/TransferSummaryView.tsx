import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../../format/time.ts';
import type { TransferSummary } from './eol-api.ts';
import './transfer.css';

const scoreText = (scores: Record<string, unknown>) =>
  Object.entries(scores)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');

/**
 * What travels with the patient to the next place of care (DOMAIN.md step 9): diagnoses,
 * medicines, allergies, advance care plan, latest assessments, contacts. Plain markup so the
 * same view reads on screen and prints on paper.
 */
export function TransferSummaryView({ summary: s }: { summary: TransferSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = s.advanceCarePlan;
  const dm = plan?.decisionMaker;
  return (
    <div className="transfer" data-testid="transfer-summary">
      <h2>{t('eol.transfer.patient')}</h2>
      <p className="transfer-name">{s.patient.name}</p>
      <p>
        {t('eol.transfer.born', { date: formatDay(s.patient.dateOfBirth, lang) })} · {s.patient.address}
        {s.patient.phone ? ` · ${s.patient.phone}` : ''}
      </p>
      <p>{t('eol.transfer.setting', { setting: t(`patients.careSetting.${s.patient.careSetting}`) })}</p>

      <h2>{t('eol.transfer.acp')}</h2>
      {plan ? (
        <>
          <p className="transfer-cpr">
            {t('eol.transfer.cpr', { decision: t(`home.acp.decisions.${plan.resuscitation.decision}`) })}
            {plan.resuscitation.decidedOn ? ` (${formatDay(plan.resuscitation.decidedOn, lang)})` : ''}
          </p>
          {plan.resuscitation.formLocation && (
            <p>{t('eol.transfer.formKept', { where: plan.resuscitation.formLocation })}</p>
          )}
          <p>
            {t('eol.transfer.preferred', {
              care: t(`home.acp.places.${plan.preferredPlaceOfCare}`),
              death: t(`home.acp.places.${plan.preferredPlaceOfDeath}`),
            })}
          </p>
          {plan.ceilingsOfTreatment && (
            <p>{t('eol.transfer.ceilings', { text: plan.ceilingsOfTreatment })}</p>
          )}
          {dm && (
            <p>
              {t('eol.transfer.decisionMaker', {
                text: [dm.name, dm.relationship, dm.phone, dm.basis].filter(Boolean).join(', '),
              })}
            </p>
          )}
        </>
      ) : (
        <p>{t('eol.transfer.noAcp')}</p>
      )}

      <h2>{t('eol.transfer.diagnoses')}</h2>
      <ul>
        {s.diagnoses.map((d) => (
          <li key={d.id}>
            {d.icd10} — {d.description}
          </li>
        ))}
      </ul>
      <h2>{t('eol.transfer.allergies')}</h2>
      <p className={s.allergies.length ? 'transfer-alert' : undefined}>
        {s.allergies.length === 0
          ? t('eol.transfer.noAllergies')
          : s.allergies.map((a) => `${a.substance}${a.reaction ? ` (${a.reaction})` : ''}`).join('; ')}
      </p>

      <h2>{t('eol.transfer.medicines')}</h2>
      {s.medicines.length === 0 ? (
        <p>{t('eol.transfer.noMedicines')}</p>
      ) : (
        <table className="transfer-table">
          <tbody>
            {s.medicines.map((m) => (
              <tr key={`${m.name}-${m.dose}-${m.route}-${m.kind}`}>
                <td>
                  <strong>{m.name}</strong>
                  {m.controlled ? ` · ${t('eol.transfer.controlled')}` : ''}
                </td>
                <td>
                  {m.dose}, {m.route},{' '}
                  {m.kind === 'prn' ? t('eol.transfer.prn') : t('eol.transfer.scheduled')}
                </td>
                <td>
                  {m.indication}
                  {m.instructions ? ` — ${m.instructions}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('eol.transfer.assessments')}</h2>
      {s.latestAssessments.length === 0 ? (
        <p>{t('eol.transfer.noAssessments')}</p>
      ) : (
        <ul>
          {s.latestAssessments.map((a) => (
            <li key={a.instrument}>
              <strong>{a.instrument.toUpperCase()}</strong> · {formatDateTime(a.takenAt, lang)} ·{' '}
              {scoreText(a.scores)}
            </li>
          ))}
        </ul>
      )}

      {s.equipmentAtHome.length > 0 && (
        <>
          <h2>{t('eol.transfer.equipment')}</h2>
          <p>
            {s.equipmentAtHome.map((e, i) => (
              <Fragment key={`${e.kind}-${e.serialNumber}`}>
                {i > 0 && '; '}
                {e.name}
                {e.serialNumber ? ` (${e.serialNumber})` : ''}
              </Fragment>
            ))}
          </p>
        </>
      )}

      <h2>{t('eol.transfer.contacts')}</h2>
      <ul>
        {s.contacts.map((c) => (
          <li key={c.id}>
            {c.name} ({c.relationship}) {c.phone ?? ''}
          </li>
        ))}
      </ul>
      {s.notAvailable.length > 0 && (
        <p>{t('eol.transfer.missing', { sections: s.notAvailable.join(', ') })}</p>
      )}
      <p className="transfer-foot">
        {t('eol.transfer.generated', { date: formatDateTime(s.generatedAt, lang) })}
      </p>
    </div>
  );
}
