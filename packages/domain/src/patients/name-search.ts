/**
 * Finding a patient by name across alphabets (issue 13). Names are kept as the family wrote them,
 * usually in Cyrillic; a hospital letter, a passport or a colleague may spell them in Latin.
 *
 * The scheme is BGN/PCGN romanization for Russian and Belarusian letters, simplified as passports
 * and hospital systems use it: ё is written e (Ковалёв → Kovalev), й is y, and the soft and hard
 * signs are dropped. Latin spellings differ more than the scheme does (Kovalyov, Artyom,
 * Yevgeniy, Evgenij, Julia, Khomich, Homich), so search compares a loose key on both sides
 * (`nameSearchKey`): each spelling is romanized, then its variants are folded together. The
 * reverse direction (`latinToCyrillic`) gives the likeliest Cyrillic spelling of a Latin name.
 */

const toLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Belarusian letters
  і: 'i',
  ў: 'w',
};

/** Romanizes Cyrillic letters (BGN/PCGN, ё → e); other characters pass through. Keeps capitals. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = toLatin[lower];
    if (latin === undefined) out += ch;
    else if (ch === lower || latin === '') out += latin;
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

// Longest spellings first, so "shch" is read before "sh" and "ch", and "zh" before "z".
const fromLatin: [string, string][] = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['ye', 'е'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['w', 'в'],
  ['x', 'кс'],
  ['j', 'й'],
  ['q', 'к'],
];
const consonants = 'бвгджзйклмнпрстфхцчшщ';

/**
 * The likeliest Cyrillic spelling of a romanized name (Kovalev → Ковалев, Artyom → Артём). A
 * "y" after a consonant is read as ы (Rybak → Рыбак), elsewhere as й (Sergey → Сергей).
 */
export function latinToCyrillic(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i).toLowerCase();
    const match = fromLatin.find(([latin]) => rest.startsWith(latin));
    if (!match) {
      out += text.charAt(i);
      i += 1;
      continue;
    }
    const [latin, cyrillic] = match;
    const previous = out.slice(-1).toLowerCase();
    const letter = latin === 'y' && previous !== '' && consonants.includes(previous) ? 'ы' : cyrillic;
    const upper = text.charAt(i) !== text.charAt(i).toLowerCase();
    out += upper ? letter.charAt(0).toUpperCase() + letter.slice(1) : letter;
    i += latin.length;
  }
  return out;
}

// Folds of common Latin variants onto one spelling, applied in order.
const folds: [RegExp, string][] = [
  [/kh/g, 'h'],
  [/t[sz]/g, 'c'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/j/g, 'y'],
  [/([aeou])i\b/g, '$1y'], // Sergei, Nikolai, Tsoi: a final й written i
  [/i(?=[auo])/g, 'y'], // Iulia, Fiodor: i before a vowel reads as y
  [/yy/g, 'y'],
  [/y[oe]/g, 'e'], // Artyom, Kovalyov, Yevgeniy: ё and е are e
  [/ie/g, 'e'], // Soloviev
  [/iya/g, 'ya'], // Mariya and Maria
  [/i[iy]\b/g, 'y'], // Dmitrii, Dmitriy and Dmitry
  [/iy/g, 'y'],
];

/** A loose Latin key for one word of a name: the same for its Cyrillic and common Latin spellings. */
export function nameSearchKey(word: string): string {
  let key = cyrillicToLatin(word.toLowerCase()).replace(/[^a-z]/g, '');
  for (const [from, to] of folds) key = key.replace(from, to);
  return key;
}

/**
 * Whether a search text finds a person: every word of the text must begin one of the words of
 * the name (last, first and middle name in any order), compared by `nameSearchKey`.
 */
export function nameMatches(query: string, nameParts: readonly (string | null)[]): boolean {
  const words = nameParts
    .filter((p): p is string => !!p)
    .flatMap((p) => p.split(/[\s-]+/))
    .map(nameSearchKey)
    .filter(Boolean);
  const wanted = query
    .split(/[\s,]+/)
    .map(nameSearchKey)
    .filter(Boolean);
  return wanted.length > 0 && wanted.every((w) => words.some((n) => n.startsWith(w)));
}

/** An ICD-10 code or its start typed into a search (C34, c34.1), upper-cased; undefined otherwise. */
export function icd10SearchPrefix(query: string): string | undefined {
  const q = query.trim().toUpperCase();
  return /^[A-Z][0-9]{2}(\.[0-9A-Z]{0,4})?$/.test(q) ? q : undefined;
}
