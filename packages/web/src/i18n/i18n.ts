import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.ts';
import { type Language, rememberLanguage, storedLanguage } from './language.ts';
import { ru } from './ru/index.ts';

export const resources = { en: { translation: en }, ru: { translation: ru } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

const applyLanguage = (lang: string) => {
  document.documentElement.lang = lang;
};
applyLanguage(i18n.language);
i18n.on('languageChanged', (lang) => {
  applyLanguage(lang);
  if (lang === 'en' || lang === 'ru') rememberLanguage(lang as Language);
});

export { i18n };
