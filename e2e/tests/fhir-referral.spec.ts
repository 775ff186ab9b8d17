import { expect, test } from '@playwright/test';
import { apiLogin, logIn, newPerson, phone, shot } from './helpers.ts';

/**
 * Issue 19: a hospital sends a referral over FHIR; it lands in the coordinators' queue marked
 * "FHIR referral", and the coordinator reads what the hospital sent (diagnoses, the request, the
 * discharge letter) before calling back.
 */
test('a FHIR referral appears in the queue with its data', async ({ browser, request }) => {
  const surname = `Референтова${Date.now().toString().slice(-5)}`;
  const me = await apiLogin(request, 'coordinator');
  const letter = 'Выписной эпикриз: рак яичника IV ст., асцит. Боль 5/10.';
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:2c9d0c55-8f7e-4d6b-9a0e-3f4b5c6d7001',
        resource: {
          resourceType: 'Patient',
          name: [{ family: surname, given: ['Нина'] }],
          gender: 'female',
          birthDate: '1958-01-30',
          telecom: [{ system: 'phone', value: '+375 29 700-11-22' }],
          address: [{ text: 'Минск, ул. Притыцкого, д. 9, кв. 3' }],
        },
      },
      {
        fullUrl: 'urn:uuid:2c9d0c55-8f7e-4d6b-9a0e-3f4b5c6d7002',
        resource: {
          resourceType: 'Condition',
          subject: { reference: 'urn:uuid:2c9d0c55-8f7e-4d6b-9a0e-3f4b5c6d7001' },
          code: {
            coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'C56', display: 'Рак яичника' }],
          },
        },
      },
      {
        fullUrl: 'urn:uuid:2c9d0c55-8f7e-4d6b-9a0e-3f4b5c6d7003',
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          priority: 'urgent',
          code: { text: 'Паллиативная помощь на дому' },
          subject: { reference: 'urn:uuid:2c9d0c55-8f7e-4d6b-9a0e-3f4b5c6d7001' },
          requester: { display: 'Онкодиспансер, отделение гинекологии' },
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          content: [
            {
              attachment: {
                contentType: 'text/plain',
                title: 'Эпикриз',
                data: Buffer.from(letter, 'utf8').toString('base64'),
              },
            },
          ],
        },
      },
    ],
  };
  const res = await request.post('/api/fhir/R4/Bundle', {
    data: JSON.stringify(bundle),
    headers: { 'content-type': 'application/fhir+json', 'x-csrf-token': me.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);

  const coordinator = await newPerson(browser, { language: 'en' });
  await logIn(coordinator.page, 'coordinator');
  const card = coordinator.page.getByTestId('request-card').filter({ hasText: surname });
  await expect(card).toBeVisible();
  await expect(card.getByText('FHIR referral')).toBeVisible();
  await card.getByRole('link', { name: 'Open' }).click();
  const referral = coordinator.page.getByTestId('fhir-referral');
  await expect(referral.getByRole('heading', { name: 'Referral from the hospital (FHIR)' })).toBeVisible();
  await expect(referral.getByText('Онкодиспансер, отделение гинекологии')).toBeVisible();
  await expect(referral.getByText('C56')).toBeVisible();
  await expect(referral.getByText('Urgent', { exact: true })).toBeVisible();
  await expect(referral.getByText(letter)).toBeVisible();
  await shot(coordinator.page, 'fhir-referral-request-en');

  // the same on a phone, in Russian
  const onPhone = await newPerson(browser, { language: 'ru', viewport: phone });
  await logIn(onPhone.page, 'coordinator2');
  const phoneCard = onPhone.page.getByTestId('request-card').filter({ hasText: surname });
  await expect(phoneCard.getByText('Направление FHIR')).toBeVisible();
  await shot(onPhone.page, 'fhir-referral-queue-phone-ru');
  await phoneCard.getByRole('link', { name: 'Открыть' }).click();
  await expect(onPhone.page.getByRole('heading', { name: 'Направление из больницы (FHIR)' })).toBeVisible();
  await expect(onPhone.page.getByText('Срочно', { exact: true })).toBeVisible();
  await shot(onPhone.page, 'fhir-referral-request-phone-ru');
});
