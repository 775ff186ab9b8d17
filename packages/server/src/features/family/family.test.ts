import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let family: Agent;
let coordinator: Agent;
let ownPatientId: string;
let otherPatientId: string;
beforeAll(async () => {
  // one family session sweeps every patient-scoped endpoint here, far beyond what a family's
  // phone ever asks for in a minute; the per-session limit itself is tested in secure-defaults
  t = await createTestApp({ env: { HEARTH_API_RATE_MAX_PORTAL: '100000' } });
  family = await t.login('family');
  coordinator = await t.login('coordinator');
  const me = await family.get('/api/v1/auth/me');
  ownPatientId = me.body.linkedPatientIds[0];
  const all = await coordinator.get('/api/v1/patients?limit=200');
  otherPatientId = all.body.items.find((p: { id: string }) => p.id !== ownPatientId).id;
});
afterAll(async () => t.close());

describe('a family member', () => {
  it('reads their own patient', async () => {
    const res = await family.get(`/api/v1/patients/${ownPatientId}`);
    expect(res.status).toBe(200);
    expect(res.body.designatedFamilyUserId).toBe(family.userId);
  });

  it('gets 404 for any other patient on every patient-scoped endpoint, as for an id that does not exist', async () => {
    const scoped = t.hearth.routes.filter(
      (r) => r.url.includes(':patientId') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );
    expect(scoped.length).toBeGreaterThanOrEqual(8);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const route of scoped) {
      for (const patientId of [otherPatientId, missing]) {
        const url = route.url.replace(':patientId', patientId).replaceAll(/:[a-zA-Z]+/g, missing);
        const res = await family.request(
          route.method as 'GET',
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        expect(res.status, `${route.method} ${route.url}`).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    }
  });

  it('cannot list patients or see the queue', async () => {
    expect((await family.get('/api/v1/patients')).status).toBe(403);
  });

  it('as the designated member, invites a relative who then sees the same patient, and removes them', async () => {
    const invite = await family.post(`/api/v1/patients/${ownPatientId}/family`, {
      email: 'brother@example.org',
      name: 'Сергей Ковалёв',
      relationship: 'сын',
    });
    expect(invite.status, invite.raw).toBe(201);
    await t.anonymous().post('/api/v1/auth/accept-invitation', {
      token: invite.body.acceptToken,
      password: 'brother-password',
    });
    const brother = await t.login('brother@example.org', 'brother-password');
    expect((await brother.get(`/api/v1/patients/${ownPatientId}`)).status).toBe(200);
    expect((await brother.get(`/api/v1/patients/${otherPatientId}`)).status).toBe(404);

    const list = await family.get(`/api/v1/patients/${ownPatientId}/family`);
    expect(list.body.map((m: { email: string }) => m.email)).toContain('brother@example.org');

    // a relative who is not the designated member cannot invite
    const notDesignated = await brother.post(`/api/v1/patients/${ownPatientId}/family`, {
      email: 'x@example.org',
      name: 'Икс Игрек',
      relationship: 'друг',
    });
    expect(notDesignated.status).toBe(403);

    expect(
      (await family.delete(`/api/v1/patients/${ownPatientId}/family/${invite.body.userId}`)).status,
    ).toBe(200);
    expect((await brother.get(`/api/v1/patients/${ownPatientId}`)).status).toBe(401);
  });

  it('cannot make someone else the designated member; a coordinator can', async () => {
    const res = await family.post(`/api/v1/patients/${ownPatientId}/family`, {
      email: 'd@example.org',
      name: 'Дизайн Член',
      relationship: 'дочь',
      designated: true,
    });
    expect(res.status).toBe(403);
    const other = await coordinator.post(`/api/v1/patients/${otherPatientId}/family`, {
      email: 'wife@example.org',
      name: 'Жена Пациента',
      relationship: 'жена',
      designated: true,
    });
    expect(other.status).toBe(201);
    expect((await coordinator.get(`/api/v1/patients/${otherPatientId}`)).body.designatedFamilyUserId).toBe(
      other.body.userId,
    );
  });
});
