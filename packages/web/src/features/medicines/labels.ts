import {
  type DoseUnit,
  doseVolumeMl,
  findMedicine,
  type MedicineForm,
  type MedicineRoute,
  patchChangeIntervalHours,
  releaseOf,
} from '@hearth/domain';
import { useTranslation } from 'react-i18next';

/**
 * The medicines screens' codes in the reader's language: formulary names, forms, routes and
 * units are stored as codes (one definition in the domain) and never shown raw.
 */
export function useMedicineLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const unit = (u: string) => t(`medicines.units.${u as DoseUnit}`, { defaultValue: u });
  /** Arithmetic and pack strengths ("10 mg/5 ml") with their units in the reader's language. */
  const arithmetic = (expression: string) => expression.replace(/\b(mcg\/h|mcg|mg|ml)\b/g, (u) => unit(u));
  return {
    form: (f: string) => t(`medicines.forms.${f as MedicineForm}`, { defaultValue: f }),
    route: (r: string) => t(`medicines.routes.${r as MedicineRoute}`, { defaultValue: r }),
    unit,
    /** "5 mg" / "5 мг". */
    dose: (p: { doseAmount: number; doseUnit: string }) => `${p.doseAmount} ${unit(p.doseUnit)}`,
    medicine: (id: string | null) => (id ? (findMedicine(id)?.name[lang] ?? id) : ''),
    arithmetic,
    /**
     * The product with its formulation wherever a medicine is named (issue 12): "Morphine ·
     * Oral solution, immediate-release 10 mg/5 ml", so slow- and immediate-release never look alike.
     */
    product: (p: {
      medicineId: string | null;
      name: string;
      form: string | null;
      strength: string | null;
    }) => {
      const release = releaseOf(p.medicineId, p.form as MedicineForm | null);
      const form = p.form
        ? `${t(`medicines.forms.${p.form as MedicineForm}`, { defaultValue: p.form })}${
            release ? `, ${t(`medsafety.release.${release}`)}` : ''
          }`
        : null;
      return [p.name, [form, p.strength ? arithmetic(p.strength) : null].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(' · ');
    },
    /** The dose with a liquid's volume and a patch's change interval: "5 mg (2.5 ml)", "25 mcg/h, changed every 72 h". */
    doseFull: (p: {
      medicineId: string | null;
      form: string | null;
      strength: string | null;
      doseAmount: number;
      doseUnit: string;
    }) => {
      const ml = doseVolumeMl({
        form: p.form as MedicineForm | null,
        strength: p.strength,
        doseAmount: p.doseAmount,
        doseUnit: p.doseUnit as DoseUnit,
      });
      const every = p.form === 'patch' ? patchChangeIntervalHours(p.medicineId, p.strength) : null;
      return `${p.doseAmount} ${unit(p.doseUnit)}${ml !== null ? ` (${t('medsafety.volume', { ml })})` : ''}${
        every ? `, ${t('medsafety.patchEvery', { hours: every })}` : ''
      }`;
    },
    stockUnit: (u: string) => t(`medicines.controlled.units.${u as 'ampoule'}`, { defaultValue: u }),
  };
}
