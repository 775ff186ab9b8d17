/** Bodies that pass validation, for tests that need a valid request to start from. */
export const validCareRequest = {
  patientName: 'Иван Петров',
  patientAgeYears: 71,
  requesterName: 'Мария Петрова',
  relationship: 'child',
  diagnosisText: 'рак лёгкого, сильные боли, почти не встаёт',
  address: 'Минск, ул. Сурганова 10, кв. 5',
  phone: '+375 29 123-45-67',
  preferredCallTime: 'evening',
  consent: true,
  locale: 'ru',
} as const;

export const validNewPatient = {
  firstName: 'Иван',
  lastName: 'Петров',
  dateOfBirth: '1955-03-14',
  sex: 'male',
  address: 'Минск, ул. Сурганова 10, кв. 5',
  area: 'Минск',
  coordinates: { lat: 53.92, lon: 27.6 },
  phone: '+375 29 123-45-67',
  contacts: [
    { name: 'Мария Петрова', relationship: 'дочь', phone: '+375 29 123-45-67', livesWithPatient: false },
  ],
} as const;
