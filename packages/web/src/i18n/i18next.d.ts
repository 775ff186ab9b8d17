import 'i18next';
import type { en } from './en/index.ts';

// Typed keys: a misspelt or missing key is a compile error, and `ru` must match `en`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
