import { reasonCatalogue } from '@hearth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The params a refusal carries match the shape its reason declares in the catalogue. */
const expectCatalogued = (error: { reason: keyof typeof reasonCatalogue; params: unknown }) =>
  expect(reasonCatalogue[error.reason].safeParse(error.params).success).toBe(true);

describe('refusals name their reason (issue 16)', () => {
  it('a 409 says which move was refused, with the statuses as parameters, and keeps the English message', async () => {
    const physician = await t.login('physician');
    const id = (await physician.get('/api/v1/patients?status=active&limit=1')).body.items[0].id;
    const res = await physician.post(`/api/v1/patients/${id}/status`, {
      status: 'referred',
      reason: 'проверка',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'CONFLICT',
      reason: 'patient.cannotMove',
      params: { from: 'active', to: 'referred' },
      message: 'A patient cannot move from active to referred.',
      details: { from: 'active', to: 'referred' },
    });
    expectCatalogued(res.body.error);
    expect((await physician.get(`/api/v1/patients/${id}`)).body.status).toBe('active');
  });

  it('a 404 names the thing that was not found by its code', async () => {
    const coordinator = await t.login('coordinator');
    const res = await coordinator.get('/api/v1/patients/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'notFound',
      params: { what: 'patient' },
      message: 'The patient was not found.',
    });
    expectCatalogued(res.body.error);
  });

  it('the generic answers carry a reason too: bad fields, no permission, not logged in', async () => {
    const nurse = await t.login('nurse');
    const bad = await nurse.post('/api/v1/staff', { email: 'x@example.org', name: 'Икс', role: 'nurse' });
    expect(bad.status).toBe(403);
    expect(bad.body.error).toMatchObject({ reason: 'forbidden', params: {} });
    const admin = await t.login('admin');
    const invalid = await admin.post('/api/v1/staff', {
      email: 'x@example.org',
      name: 'Икс',
      role: 'wizard',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ reason: 'fieldsInvalid', params: {} });
    expect(invalid.body.error.details.fields.length).toBeGreaterThan(0);
    const anonymous = await t.anonymous().get('/api/v1/patients');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ reason: 'loginRequired', params: {} });
  });
});
