export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'hearth.language';

/** Russian by default: the services this is built for work in Russian. A choice is remembered. */
export function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return saved === 'en' || saved === 'ru' ? saved : 'ru';
  } catch {
    return 'ru';
  }
}

export function rememberLanguage(lang: Language) {
  try {
    globalThis.localStorage?.setItem(storageKey, lang);
  } catch {
    // private browsing may refuse storage; the choice then lasts for this page only
  }
}
