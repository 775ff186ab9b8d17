/**
 * Towns around Minsk with approximate centre coordinates (public gazetteer values), all within
 * about 70 km of the team's base in Minsk: the area one mobile team can reach and come back from
 * within a shift. (An earlier demo spread patients up to 230 km away; most of a nurse's day went
 * on driving and the week plan could serve only part of the care plans' visits.) Streets are
 * common street names, not real addresses of real people.
 */
export const demoBase = { lat: 53.9006, lon: 27.559 };

export const demoTowns = [
  { area: 'Минск', lat: 53.9006, lon: 27.559, weight: 10 },
  { area: 'Барысаў', lat: 54.2279, lon: 28.505, weight: 2 },
  { area: 'Маладзечна', lat: 54.3107, lon: 26.853, weight: 2 },
  { area: 'Жодзіна', lat: 54.0985, lon: 28.3331, weight: 1 },
  { area: 'Дзяржынск', lat: 53.6832, lon: 27.138, weight: 1 },
  { area: 'Стоўбцы', lat: 53.4785, lon: 26.7434, weight: 1 },
  { area: 'Мар’іна Горка', lat: 53.507, lon: 28.147, weight: 1 },
  { area: 'Лагойск', lat: 54.206, lon: 27.853, weight: 1 },
  { area: 'Смалявічы', lat: 54.03, lon: 28.089, weight: 1 },
  { area: 'Фаніпаль', lat: 53.75, lon: 27.333, weight: 1 },
  { area: 'Заслаўе', lat: 54.011, lon: 27.281, weight: 1 },
] as const;

export const demoStreets = [
  'ул. Сурганова',
  'пр. Независимости',
  'ул. Притыцкого',
  'ул. Якуба Коласа',
  'ул. Кальварийская',
  'ул. Есенина',
  'ул. Голубева',
  'ул. Ленина',
  'ул. Советская',
  'ул. Гагарина',
  'ул. Мира',
  'ул. Садовая',
  'ул. Пушкина',
  'ул. Победы',
  'ул. Молодёжная',
] as const;
