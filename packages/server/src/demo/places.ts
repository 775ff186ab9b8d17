/**
 * Towns around Minsk with approximate centre coordinates (public gazetteer values), all within
 * 250 km of the team's base in Minsk. Streets are common street names, not real addresses of
 * real people.
 */
export const demoBase = { lat: 53.9006, lon: 27.559 };

export const demoTowns = [
  { area: 'Минск', lat: 53.9006, lon: 27.559, weight: 10 },
  { area: 'Барысаў', lat: 54.2279, lon: 28.505, weight: 2 },
  { area: 'Маладзечна', lat: 54.3107, lon: 26.853, weight: 2 },
  { area: 'Жодзіна', lat: 54.0985, lon: 28.3331, weight: 1 },
  { area: 'Слуцк', lat: 53.0274, lon: 27.5597, weight: 1 },
  { area: 'Салігорск', lat: 52.7876, lon: 27.5415, weight: 1 },
  { area: 'Дзяржынск', lat: 53.6832, lon: 27.138, weight: 1 },
  { area: 'Вілейка', lat: 54.4914, lon: 26.9111, weight: 1 },
  { area: 'Стоўбцы', lat: 53.4785, lon: 26.7434, weight: 1 },
  { area: 'Мар’іна Горка', lat: 53.507, lon: 28.147, weight: 1 },
  { area: 'Лагойск', lat: 54.206, lon: 27.853, weight: 1 },
  { area: 'Смалявічы', lat: 54.03, lon: 28.089, weight: 1 },
  { area: 'Фаніпаль', lat: 53.75, lon: 27.333, weight: 1 },
  { area: 'Заслаўе', lat: 54.011, lon: 27.281, weight: 1 },
  { area: 'Нясвіж', lat: 53.2189, lon: 26.6766, weight: 1 },
  { area: 'Баранавічы', lat: 53.1327, lon: 26.0139, weight: 1 },
  { area: 'Бабруйск', lat: 53.1384, lon: 29.2214, weight: 1 },
  { area: 'Магілёў', lat: 53.9168, lon: 30.3449, weight: 1 },
  { area: 'Ліда', lat: 53.8885, lon: 25.2894, weight: 1 },
  { area: 'Віцебск', lat: 55.1904, lon: 30.2049, weight: 1 },
  { area: 'Пінск', lat: 52.1229, lon: 26.0951, weight: 1 },
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
