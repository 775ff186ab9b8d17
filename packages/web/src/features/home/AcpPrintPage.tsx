import { Button } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useAcpSummary } from './home-api.ts';
import './acp-print.css';

/**
 * One printed page for ambulance and out-of-hours services, in the organization's language
 * (not the reader's), with print CSS that fits A4.
 */
export function AcpPrintPage() {
  const { patientId = '' } = useParams();
  const summary = useAcpSummary(patientId);
  if (summary.isPending) return <PageLoader />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  const s = summary.data;
  const lang = s.language;
  const t = i18n.getFixedT(lang, undefined, 'home.acp');
  const p = s.plan;
  return (
    <div className="acp-sheet" lang={lang} data-testid="acp-sheet">
      <div className="acp-noprint">
        <Button onClick={() => window.print()}>{t('printButton')}</Button>
      </div>
      <header>
        <div className="acp-org">{s.organizationName}</div>
        <h1>{t('title')}</h1>
        <div className="acp-call">{t('service', { phone: s.servicePhone })}</div>
      </header>
      <section className="acp-grid">
        <div>
          <h2>{t('patient')}</h2>
          <div className="acp-name">{s.patient.name}</div>
          <div>
            {t('born')}: {formatDay(s.patient.dateOfBirth, lang)}
          </div>
          <div>
            {t('address')}: {s.patient.address}
          </div>
          {s.patient.phone && (
            <div>
              {t('phone')}: {s.patient.phone}
            </div>
          )}
        </div>
        <div>
          <h2>{t('resuscitation')}</h2>
          {p ? (
            <>
              <div className={`acp-cpr acp-cpr-${p.resuscitation.decision}`}>
                {t(`decisions.${p.resuscitation.decision}`)}
              </div>
              {p.resuscitation.decidedOn && (
                <div>{t('decidedOn', { date: formatDay(p.resuscitation.decidedOn, lang) })}</div>
              )}
              {p.resuscitation.formLocation && (
                <div>{t('formKept', { where: p.resuscitation.formLocation })}</div>
              )}
              {p.resuscitation.whoWasTold && <div>{t('told', { who: p.resuscitation.whoWasTold })}</div>}
            </>
          ) : (
            <div>{t('noPlan')}</div>
          )}
        </div>
      </section>
      <section>
        <h2>{t('diagnoses')}</h2>
        <ul>
          {s.diagnoses.map((d) => (
            <li key={d.id}>
              {d.icd10} — {d.description}
            </li>
          ))}
        </ul>
        <h2>{t('allergies')}</h2>
        <div>
          {s.allergies.length === 0
            ? t('noAllergies')
            : s.allergies.map((a) => `${a.substance}${a.reaction ? ` (${a.reaction})` : ''}`).join('; ')}
        </div>
      </section>
      {p && (
        <section className="acp-grid">
          <div>
            <h2>{t('preferredCare')}</h2>
            <div>{t(`places.${p.preferredPlaceOfCare}`)}</div>
            <h2>{t('preferredDeath')}</h2>
            <div>
              {t(`places.${p.preferredPlaceOfDeath}`)}
              {p.placeNote ? ` — ${p.placeNote}` : ''}
            </div>
            <h2>{t('prognosis')}</h2>
            <div>
              {t('prognosisLine', {
                patient: t(`awareness.${p.patientKnowsPrognosis}`),
                family: t(`awareness.${p.familyKnowsPrognosis}`),
              })}
            </div>
            <h2>{t('consent')}</h2>
            <div>{p.consentToShare ? t('yes') : t('no')}</div>
          </div>
          <div>
            <h2>{t('ceilings')}</h2>
            <div>{p.ceilingsOfTreatment ?? '—'}</div>
            <h2>{t('decisionMaker')}</h2>
            <div>
              {p.decisionMaker
                ? [
                    p.decisionMaker.name,
                    p.decisionMaker.relationship,
                    p.decisionMaker.phone,
                    p.decisionMaker.basis,
                  ]
                    .filter(Boolean)
                    .join(', ')
                : '—'}
            </div>
          </div>
        </section>
      )}
      <section>
        <h2>{t('contacts')}</h2>
        <ul>
          {s.contacts.map((c) => (
            <li key={c.id}>
              {c.name} ({c.relationship}) {c.phone ?? ''}
            </li>
          ))}
        </ul>
      </section>
      <footer>
        {p &&
          t('version', {
            version: p.version,
            date: formatDateTime(p.recordedAt, lang),
            by: p.recordedByName,
          })}{' '}
        · {formatDateTime(s.printedAt, lang)}
      </footer>
    </div>
  );
}
