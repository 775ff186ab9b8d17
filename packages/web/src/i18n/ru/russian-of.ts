/**
 * The Russian texts have every English key, plus the two plural forms English lacks:
 * i18next picks `_one`, `_few`, `_many` or `_other` by Intl.PluralRules('ru').
 */
export type RussianOf<T> = {
  [K in keyof T]: T[K] extends string ? string : RussianOf<T[K]>;
} & {
  [K in keyof T as K extends `${infer B}_one` ? `${B}_few` | `${B}_many` : never]: string;
};
