import { describe, expect, it } from 'vitest';
import {
  cyrillicToLatin,
  icd10SearchPrefix,
  latinToCyrillic,
  nameMatches,
  nameSearchKey,
} from './name-search.ts';

describe('romanizing a Cyrillic name (BGN/PCGN, ё as e)', () => {
  it('spells names as passports and hospital letters do', () => {
    expect(cyrillicToLatin('Ковалёв Артём')).toBe('Kovalev Artem');
    expect(cyrillicToLatin('Щукина Юлия')).toBe('Shchukina Yuliya');
    expect(cyrillicToLatin('Хомич Евгений')).toBe('Khomich Evgeniy');
    expect(cyrillicToLatin('Соловьёв Цой')).toBe('Solovev Tsoy');
    expect(cyrillicToLatin('Жук, кв. 5')).toBe('Zhuk, kv. 5');
  });
});

describe('reading a romanized name back in Cyrillic', () => {
  it('gives the likeliest spelling, ы after a consonant and й elsewhere', () => {
    expect(latinToCyrillic('Kovalev')).toBe('Ковалев');
    expect(latinToCyrillic('Artyom')).toBe('Артём');
    expect(latinToCyrillic('Shchukina Yuliya')).toBe('Щукина Юлия');
    expect(latinToCyrillic('Rybak')).toBe('Рыбак');
    expect(latinToCyrillic('Sergey')).toBe('Сергей');
    expect(latinToCyrillic('Khomich')).toBe('Хомич');
  });
  it('round-trips a name without ё, ь or ъ', () => {
    for (const name of ['Зинаида Жукова', 'Шарапов', 'Цыганков', 'Чижевская']) {
      expect(latinToCyrillic(cyrillicToLatin(name))).toBe(name);
    }
  });
});

describe('the search key', () => {
  const same = (...spellings: string[]) =>
    expect(new Set(spellings.map(nameSearchKey)).size, spellings.join(' / ')).toBe(1);
  it('is the same for a Cyrillic name and its common Latin spellings', () => {
    same('Ковалёв', 'Ковалев', 'Kovalev', 'Kovalyov', 'KOVALEV');
    same('Артём', 'Artem', 'Artyom', 'Artiom');
    same('Евгений', 'Evgeniy', 'Yevgeniy', 'Evgenij', 'Evgeny');
    same('Юлия', 'Yuliya', 'Julia', 'Iulia', 'Yulia');
    same('Хомич', 'Khomich', 'Homich');
    same('Дмитрий', 'Dmitriy', 'Dmitrii', 'Dmitry');
    same('Сергей', 'Sergey', 'Sergei');
    same('Соловьёв', 'Solovyov', 'Soloviev', 'Solovev');
    same('Александр', 'Aleksandr', 'Alexandr');
  });
  it('keeps different names apart', () => {
    expect(nameSearchKey('Ковалёв')).not.toBe(nameSearchKey('Ковалевский'));
    expect(nameSearchKey('Артём')).not.toBe(nameSearchKey('Антон'));
  });
});

describe('matching a search to a name', () => {
  const kovalev = ['Ковалёв', 'Артём', 'Игоревич'];
  it('finds the full name in either order, in either alphabet, and a start of it', () => {
    for (const q of [
      'Артём Ковалёв',
      'Ковалёв Артём',
      'Kovalev Artem',
      'artyom kovalyov',
      'Ковалев',
      'Ков',
      'Kov',
    ]) {
      expect(nameMatches(q, kovalev), q).toBe(true);
    }
    expect(nameMatches('Ковалёв Артём Игоревич', kovalev)).toBe(true);
  });
  it('needs every word to fit', () => {
    expect(nameMatches('Ковалёв Антон', kovalev)).toBe(false);
    expect(nameMatches('Петров', kovalev)).toBe(false);
    expect(nameMatches('   ', kovalev)).toBe(false);
  });
});

describe('an ICD-10 code in the search box', () => {
  it('is recognised in any case, with or without the part after the dot', () => {
    expect(icd10SearchPrefix('C34')).toBe('C34');
    expect(icd10SearchPrefix(' c34.1 ')).toBe('C34.1');
    expect(icd10SearchPrefix('C34.')).toBe('C34.');
    expect(icd10SearchPrefix('Ковалёв')).toBeUndefined();
    expect(icd10SearchPrefix('C3')).toBeUndefined();
  });
});
