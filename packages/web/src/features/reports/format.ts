import type { MeasureDefinition } from '@hearth/domain';
import type { TFunction } from 'i18next';

const number = (v: number, lang: string, digits: number) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(v);

/** A measure's value as a reader says it: 87%, 45 min, 2,5 h, 3 d, 11 km, −1,5 points, 12. */
export function formatValue(
  def: MeasureDefinition,
  value: number | null,
  t: TFunction,
  lang: string,
): string {
  if (value === null) return '—';
  if (def.kind === 'rate') {
    const pct = value * 100;
    return `${number(pct, lang, pct !== 0 && Math.abs(pct) < 10 ? 1 : 0)}%`;
  }
  if (def.kind === 'count') return number(value, lang, 0);
  switch (def.unit) {
    case 'minutes':
      return value >= 120
        ? t('reports.units.hours', { v: number(value / 60, lang, 1) })
        : t('reports.units.minutes', { v: number(value, lang, 0) });
    case 'days':
      return t('reports.units.days', { v: number(value, lang, 1) });
    case 'km':
      return t('reports.units.km', { v: number(value, lang, 1) });
    case 'points':
      return t('reports.units.points', { v: `${value > 0 ? '+' : ''}${number(value, lang, 1)}` });
    default:
      return number(value, lang, 1);
  }
}

/** "12 of 40" for measures with a denominator; nothing for plain counts. */
export const formatFraction = (
  def: MeasureDefinition,
  num: number,
  den: number,
  t: TFunction,
  lang: string,
) =>
  def.kind === 'count' ? '' : t('reports.fraction', { num: number(num, lang, 1), den: number(den, lang, 1) });

export function formatTarget(def: MeasureDefinition, t: TFunction, lang: string): string {
  if (!def.target) return '';
  const sign = def.target.direction === 'atLeast' ? '≥' : '≤';
  const value = `${sign} ${formatValue(def, def.target.value, t, lang)}`;
  return def.target.benchmark ? t('reports.benchmark', { value }) : t('reports.target', { value });
}

/** The number drawn on a chart: rates in percent, the rest as they are. */
export const chartNumber = (def: MeasureDefinition, value: number | null) =>
  value === null ? null : def.kind === 'rate' ? Math.round(value * 1000) / 10 : value;

/** A breakdown key in words where Hearth knows it (source, severity, place …), else as recorded. */
export function categoryLabel(key: string | null, t: TFunction, exists: (k: string) => boolean): string {
  if (key === null) return '—';
  // "phone:closed": each part in words (a colon in a key would read as an i18next namespace)
  if (key.includes(':'))
    return key
      .split(':')
      .map((part) => categoryLabel(part, t, exists))
      .join(' · ');
  for (const path of [
    `reports.categories.${key}`,
    `home.equipment.kinds.${key}`,
    `home.bereavement.kinds.${key}`,
    `care.disciplines.${key}`,
  ]) {
    if (exists(path)) return t(path as 'reports.title');
  }
  return key;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** `2026-11` as "ноябрь 2026" / "November 2026" (or short: "нояб. 26"). */
export function monthLabel(month: string, lang: string, short = false): string {
  const key = `${lang}${short}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      month: short ? 'short' : 'long',
      year: short ? '2-digit' : 'numeric',
      timeZone: 'UTC',
    });
    monthFormats.set(key, f);
  }
  return f.format(new Date(`${month}-15T00:00:00Z`));
}
