import { type DoseUnit, findMedicine, type MedicineForm, type MedicineRoute } from '@hearth/domain';
import { useTranslation } from 'react-i18next';

/**
 * The medicines screens' codes in the reader's language: formulary names, forms, routes and
 * units are stored as codes (one definition in the domain) and never shown raw.
 */
export function useMedicineLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const unit = (u: string) => t(`medicines.units.${u as DoseUnit}`, { defaultValue: u });
  return {
    form: (f: string) => t(`medicines.forms.${f as MedicineForm}`, { defaultValue: f }),
    route: (r: string) => t(`medicines.routes.${r as MedicineRoute}`, { defaultValue: r }),
    unit,
    /** "5 mg" / "5 мг". */
    dose: (p: { doseAmount: number; doseUnit: string }) => `${p.doseAmount} ${unit(p.doseUnit)}`,
    medicine: (id: string | null) => (id ? (findMedicine(id)?.name[lang] ?? id) : ''),
    /** Arithmetic and pack strengths ("10 mg/5 ml") with their units in the reader's language. */
    arithmetic: (expression: string) => expression.replace(/\b(mcg\/h|mcg|mg|ml)\b/g, (u) => unit(u)),
    stockUnit: (u: string) => t(`medicines.controlled.units.${u as 'ampoule'}`, { defaultValue: u }),
  };
}
