import type { Assessment } from '@hearth/domain';
import type { TFunction } from 'i18next';

type Scores = Record<string, unknown>;
const n = (v: unknown) => (typeof v === 'number' ? v : null);

/** A band's colour: the same red / orange / yellow / green as the family's diary buttons. */
export const bandColor = (band: string | undefined) =>
  band === 'severe' || band === 'high'
    ? 'red'
    : band === 'moderate'
      ? 'orange'
      : band === 'mild'
        ? 'yellow'
        : 'green';

/** The band that colours a record's badge, if the instrument has one. */
export function bandOf(a: Pick<Assessment, 'instrument' | 'scores'>): string | undefined {
  const s = a.scores as Scores;
  switch (a.instrument) {
    case 'esas_r':
      return s.highestBand as string;
    case 'flacc':
    case 'r_flacc':
    case 'faces':
      return s.band as string;
    case 'braden_q':
      return s.atRisk ? 'high' : 'none';
    case 'braden':
      return s.risk as string;
    case 'mcsi':
      return s.atOrAboveThreshold ? 'severe' : 'none';
    case 'zbi12':
      return s.aboveCutoff ? 'severe' : 'none';
    case 'pps': {
      const level = n(s.level) ?? 100;
      return level <= 30 ? 'severe' : level <= 50 ? 'moderate' : 'none';
    }
    default:
      return undefined;
  }
}

/** The derived scores and bands of a record in one line. */
export function summaryOf(a: Pick<Assessment, 'instrument' | 'scores'>, t: TFunction): string {
  const s = a.scores as Scores;
  switch (a.instrument) {
    case 'esas_r': {
      const band = t(`assess.bands.${String(s.highestBand)}` as 'assess.bands.none');
      return s.total === null || s.total === undefined
        ? t('assess.summary.esas', { highest: s.highest, band })
        : t('assess.summary.esasTotal', { highest: s.highest, band, total: s.total });
    }
    case 'ipos':
      return t('assess.summary.ipos', s);
    case 'pps':
      return t('assess.summary.pps', { level: s.level });
    case 'braden':
      return t('assess.summary.braden', {
        total: s.total,
        risk: t(`assess.risk.${String(s.risk)}` as 'assess.risk.none'),
      });
    case 'braden_q':
      return t('assess.summary.bradenQ', {
        total: s.total,
        risk: s.atRisk
          ? t('assess.summary.bradenQRisk.atRisk', { cutoff: s.cutoff })
          : t('assess.summary.bradenQRisk.notAtRisk'),
      });
    case 'flacc':
    case 'r_flacc':
      return `${t('assess.summary.outOf', { total: s.total, max: 10 })} · ${t(`assess.bands.${String(s.band)}` as 'assess.bands.none')}`;
    case 'faces':
      return `${t('assess.summary.outOf', { total: s.score, max: 10 })} · ${t(`assess.bands.${String(s.band)}` as 'assess.bands.none')}`;
    case 'mcsi':
      return t(s.atOrAboveThreshold ? 'assess.summary.burdenHigh' : 'assess.summary.burden', {
        total: s.total,
        max: 26,
        threshold: s.threshold,
      });
    case 'zbi12':
      return t(s.aboveCutoff ? 'assess.summary.burdenHigh' : 'assess.summary.burden', {
        total: s.total,
        max: 48,
        threshold: s.cutoff,
      });
    case 'phase':
      return t(`assess.phases.${String(s.phase)}` as 'assess.phases.stable');
  }
}
