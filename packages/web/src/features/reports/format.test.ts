import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ru } from '../../i18n/ru/index.ts';
import { categoryLabel } from './format.ts';

// the Russian words as the app looks them up (a path of keys into the dictionary)
const lookup = (path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ru);
const exists = (path: string) => typeof lookup(path) === 'string';
const t = ((path: string) => lookup(path)) as unknown as TFunction;

describe('report categories in words', () => {
  it('names a request source and outcome together, and keeps an unknown key as recorded', () => {
    expect(categoryLabel('phone:closed', t, exists)).toBe('Телефон · закрыто');
    expect(categoryLabel('fhir:in_progress', t, exists)).toBe('Электронное направление · в работе');
    expect(categoryLabel('urgent', t, exists)).toBe('Срочно');
    expect(categoryLabel('Смена 1', t, exists)).toBe('Смена 1');
    expect(categoryLabel(null, t, exists)).toBe('—');
  });
});
