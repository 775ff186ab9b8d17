import { type ReasonCode, reasonCodes, reasonParamNames, reasonThings } from '@hearth/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { en } from './en/index.ts';
import { reasonText, refusalText, valueWords } from './reason-text.ts';
import { ru } from './ru/index.ts';

const textOf = (messages: typeof en | typeof ru, reason: ReasonCode): unknown =>
  reason.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], {
    ...messages.reasons,
  });

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

/** Issue 16: every refusal the server can name is said in both languages, with its own parameters. */
describe('reason texts', () => {
  for (const [name, messages] of [
    ['en', en],
    ['ru', ru],
  ] as const) {
    it(`${name}: has a sentence for every reason, using exactly the parameters it declares`, () => {
      for (const reason of reasonCodes) {
        const text = textOf(messages, reason);
        expect(typeof text, reason).toBe('string');
        expect(placeholders(text as string), reason).toEqual(reasonParamNames(reason).sort());
      }
    });

    it(`${name}: names every thing a "not found" can name`, () => {
      for (const thing of reasonThings) expect(messages.reasonThings[thing], thing).toBeTruthy();
    });
  }

  it('translates code parameters only of reasons and parameters the catalogue declares', () => {
    for (const [reason, params] of Object.entries(valueWords)) {
      expect(reasonCodes, reason).toContain(reason);
      for (const param of Object.keys(params))
        expect(reasonParamNames(reason as ReasonCode)).toContain(param);
    }
  });
});

describe('reasonText', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'ru',
    interpolation: { escapeValue: false },
  });

  it('says a refusal in the reader’s language, translating code parameters', async () => {
    await i18n.changeLanguage('ru');
    expect(reasonText(i18n, 'notFound', { what: 'visit' })).toBe('Не найдено: визит.');
    expect(reasonText(i18n, 'patient.cannotMove', { from: 'deceased', to: 'active' })).toBe(
      'Статус пациента нельзя сменить с «Умер» на «Под наблюдением».',
    );
    expect(reasonText(i18n, 'file.tooLarge', { megabytes: 10 })).toBe('Файл больше 10 МБ.');
    expect(reasonText(i18n, 'volunteers.notActive', { status: 'paused' })).toContain('«На паузе»');
    expect(
      reasonText(i18n, 'volunteers.stepsMissing', { missing: ['interview', 'safeguarding_children'] }),
    ).toBe('Для этого статуса ещё не хватает: собеседование, модуль «Защита детей».');
    await i18n.changeLanguage('en');
    expect(reasonText(i18n, 'notFound', { what: 'visit' })).toBe('The visit was not found.');
  });

  it('answers null for a reason it does not know, so the caller falls back to the headline', () => {
    expect(reasonText(i18n, 'someday.newReason', {})).toBeNull();
    expect(reasonText(i18n, undefined, undefined)).toBeNull();
  });

  it('falls back to the server’s message when the answer names no known reason', async () => {
    await i18n.changeLanguage('ru');
    const named = new ApiError(
      409,
      'CONFLICT',
      'This dose has already been countersigned.',
      undefined,
      undefined,
      'medicines.alreadyCountersigned',
      {},
    );
    expect(refusalText(i18n, named)).toBe('Эта доза уже подтверждена подписью.');
    const unnamed = new ApiError(409, 'CONFLICT', 'Something older.');
    expect(refusalText(i18n, unnamed)).toBe('Something older.');
  });
});
