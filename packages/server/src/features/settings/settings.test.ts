import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeRawSetting } from '../../db/test-bad-setting.ts';
import { type Agent, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

/** What each Settings page section sends (issue 13): only its own fields. */
const sections: Record<string, Record<string, unknown>> = {
  general: {
    callbackDeadlineMinutes: 20,
    callRetryMinutes: 25,
    callAttemptsBeforeEscalation: 4,
    serviceRadiusKm: 120,
    base: { lat: 53.91, lon: 27.56 },
    servicePhone: '+375 17 222-33-44',
    timeZone: 'Europe/Vilnius',
    language: 'en',
    sessionHours: 10,
    volunteerHoursBenchmarkPercent: 7,
  },
  travel: {
    travel: {
      roadFactor: 1.5,
      speedKmh: 35,
      tableUrl: null,
      tableTimeoutMs: 3000,
      mapTileUrl: '/tiles/{z}/{x}/{y}.png',
      mapAttribution: '© OpenStreetMap contributors',
    },
    planningTimeLimitSeconds: 5,
    planningBalanceWeight: 2,
    planningOvertimeWeight: 4,
  },
  caregiverInstrument: { triage: { caregiverInstrument: 'zbi12', mcsiThreshold: 12 } },
  alerts: { alerts: { urgentMinutes: 45, reviewMinutes: 720 } },
  medicineSafety: {
    lateEntryWindowHours: 12,
    verbalOrderValidMinutes: 30,
    rescueDosesReviewThreshold: 4,
    opioidReferenceSource: 'ukRegional',
  },
};

const settings = async () => (await admin.get('/api/v1/settings')).body as Record<string, unknown>;

/** The stored settings with the keys a section sent overlaid, so the rest must match exactly. */
function expectOnlySectionChanged(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  sent: object,
) {
  for (const key of Object.keys(before)) {
    if (key in sent) continue;
    expect(after[key], `${key} must be unchanged`).toEqual(before[key]);
  }
}

describe('settings sections (PATCH)', () => {
  it('saves each section without resetting the others', async () => {
    // a non-default phone and alert deadline first, as the report had them
    expect(
      (
        await admin.patch('/api/v1/settings', {
          servicePhone: '+375 29 555-66-77',
          alerts: { urgentMinutes: 30 },
        })
      ).status,
    ).toBe(200);
    for (const [name, body] of Object.entries(sections)) {
      const before = await settings();
      const res = await admin.patch('/api/v1/settings', body);
      expect(res.status, name).toBe(200);
      const after = await settings();
      expectOnlySectionChanged(before, after, body);
      expect(after).toEqual(res.body);
    }
    const final = await settings();
    expect(final.servicePhone).toBe('+375 17 222-33-44');
    // the alert section named two fields: the other two deadlines kept their stored values
    expect(final.alerts).toEqual({
      urgentMinutes: 45,
      reviewMinutes: 720,
      routineMinutes: 4320,
      escalationStepMinutes: 30,
    });
    expect((final.triage as Record<string, unknown>).followUpHours).toBe(48);
    expect((final.travel as Record<string, unknown>).roadFactor).toBe(1.5);
  });

  it('validates the medication safety section field by field and changes nothing on refusal', async () => {
    const before = await settings();
    for (const [field, value] of [
      ['lateEntryWindowHours', 0],
      ['lateEntryWindowHours', 73],
      ['lateEntryWindowHours', 1.5],
      ['verbalOrderValidMinutes', 4],
      ['verbalOrderValidMinutes', 24 * 60 + 1],
      ['rescueDosesReviewThreshold', 0],
      ['opioidReferenceSource', 'who'],
    ] as const) {
      const res = await admin.patch('/api/v1/settings', {
        lateEntryWindowHours: 6,
        opioidReferenceSource: 'sps',
        [field]: value,
      });
      expect(res.status, `${field}=${value}`).toBe(400);
      expect(JSON.stringify(res.body.error.details), field).toContain(field);
    }
    expect(await settings()).toEqual(before);
  });

  it('refuses a made-up time zone, an implausible phone and a bad SMTP host, changing nothing', async () => {
    const before = await settings();
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ timeZone: 'Minsk' }, 'body.timeZone'],
      [{ servicePhone: '+(((---)))' }, 'body.servicePhone'],
      [{ servicePhone: '12' }, 'body.servicePhone'],
      [{ alerts: { urgentMinutes: 1 } }, 'body.alerts.urgentMinutes'],
      [{ callRetryMinutes: 2 }, 'body.callRetryMinutes'],
      [{ callRetryMinutes: 7.5 }, 'body.callRetryMinutes'],
      [{ callAttemptsBeforeEscalation: 0 }, 'body.callAttemptsBeforeEscalation'],
      [{ callAttemptsBeforeEscalation: 50 }, 'body.callAttemptsBeforeEscalation'],
      [{ planningBalanceWeight: -1 }, 'body.planningBalanceWeight'],
      [{ planningOvertimeWeight: 1000 }, 'body.planningOvertimeWeight'],
      // map tiles only from this service's own address (the CSP allows no other image source)
      [{ travel: { mapTileUrl: 'https://tile.example.org/{z}/{x}/{y}.png' } }, 'body.travel.mapTileUrl'],
      // the map credit is shown as text: markup is refused, not stored
      [{ travel: { mapAttribution: '<img src=x onerror=alert(1)>' } }, 'body.travel.mapAttribution'],
    ] as const) {
      const res = await admin.patch('/api/v1/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await settings()).toEqual(before);
    for (const host of [
      'smtp://mail.example.org',
      'mail example.org',
      'mail.example.org:587',
      '-bad.example',
    ]) {
      const res = await admin.request('PUT', '/api/v1/settings/email', {
        enabled: false,
        host,
        port: 587,
        secure: false,
        username: '',
        fromAddress: '',
        baseUrl: '',
      });
      expect(res.status, host).toBe(400);
    }
    const ok = await admin.request('PUT', '/api/v1/settings/email', {
      enabled: false,
      host: 'mail.example.org',
      port: 587,
      secure: false,
      username: '',
      fromAddress: '',
      baseUrl: '',
    });
    expect(ok.status).toBe(200);
  });

  it('keeps answering when a bad time zone is already stored, and tells the administrator', async () => {
    await storeRawSetting(t.database.db, t.organizationId, 'timeZone', 'Mars/Olympus_Mons');
    const nurse = await t.login('nurse');
    const coordinator = await t.login('coordinator');
    const family = await t.login('family');
    const patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
    expect((await coordinator.get('/api/v1/patients?limit=20')).status).toBe(200);
    expect((await nurse.get('/api/v1/visits/mine')).status).toBe(200);
    expect((await coordinator.get('/api/v1/dispatch/board')).status).toBe(200);
    expect((await family.get(`/api/v1/patients/${patientId}/medicines/today`)).status).toBe(200);
    expect((await admin.get('/api/v1/settings')).body.timeZone).toBe('Europe/Minsk');
    expect((await admin.get('/api/v1/settings/problems')).body).toEqual({ replaced: ['timeZone'] });
    expect((await coordinator.get('/api/v1/settings/problems')).status).toBe(403);
    // saving any section stores the fallback, and the warning goes away
    expect((await admin.patch('/api/v1/settings', { language: 'ru' })).status).toBe(200);
    expect((await admin.get('/api/v1/settings/problems')).body).toEqual({ replaced: [] });
  });
});
