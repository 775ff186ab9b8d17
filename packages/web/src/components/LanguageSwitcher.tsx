import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../i18n/language.ts';

const labels: Record<Language, string> = { ru: 'Русский', en: 'English' };
const short: Record<Language, string> = { ru: 'RU', en: 'EN' };

/** Always visible; each option names its language in that language so anyone can find theirs. */
export function LanguageSwitcher({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const current = (languages as readonly string[]).includes(i18n.language) ? i18n.language : 'ru';
  return (
    <SegmentedControl
      size={size}
      aria-label={t('common.language')}
      value={current}
      onChange={(lang) => void i18n.changeLanguage(lang)}
      data={languages.map((lang) => ({
        value: lang,
        label: (
          <span lang={lang} title={labels[lang]}>
            {short[lang]}
            <VisuallyHidden> — {labels[lang]}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
