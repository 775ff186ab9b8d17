import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type Agent, createTestApp, type TestApp } from '../test/harness.ts';
import { parseStored, StoredValueError } from './stored-json.ts';

describe('parseStored', () => {
  const at = { table: 'care_plan_version', column: 'content', id: 'row-1' };

  it('gives the value typed by its domain schema', () => {
    expect(parseStored(z.object({ n: z.number() }), { n: 3 }, at)).toEqual({ n: 3 });
  });

  it('names the table, column, row and failing paths, never the stored values', () => {
    const schema = z.object({ note: z.string(), items: z.array(z.number()) });
    let error: unknown;
    try {
      parseStored(schema, { note: 42, items: ['Морфин 5 мг'] }, at);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoredValueError);
    const message = (error as Error).message;
    expect(message).toContain('care_plan_version.content of row row-1');
    expect(message).toContain('note invalid_type');
    expect(message).toContain('items.0 invalid_type');
    expect(message).not.toContain('Морфин');
    expect(message).not.toContain('42');
  });
});

describe('a stored value that no longer fits its schema', () => {
  let t: TestApp;
  let physician: Agent;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    physician = await t.login('physician');
    const family = await t.login('family');
    patientId = (await family.get('/api/v1/auth/me')).body.linkedPatientIds[0];
  });
  afterAll(async () => t.close());

  it('is a server error naming the row in the log, not a wrong screen', async () => {
    const url = `/api/v1/patients/${patientId}/advance-care-plan`;
    const created = await physician.post(url, {
      preferredPlaceOfCare: 'home',
      preferredPlaceOfDeath: 'home',
      resuscitation: { decision: 'not_discussed' },
      patientKnowsPrognosis: 'yes',
      familyKnowsPrognosis: 'partly',
      consentToShare: true,
      changeReason: 'Первая беседа',
    });
    expect(created.status, created.raw).toBe(201);
    const id: string = created.body.current.id;
    // a hand edit outside the application leaves a place no screen knows
    await sql`update advance_care_plan set plan = jsonb_set(plan, '{preferredPlaceOfDeath}', '"garden"') where id = ${id}`.execute(
      t.database.db,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const read = await physician.get(url);
      expect(read.status).toBe(500);
      expect(read.body.error.code).toBe('INTERNAL');
      expect(read.raw).not.toContain('garden');
      const lines = logged.mock.calls.map((c) => String(c[0]));
      expect(lines.some((l) => l.includes(`advance_care_plan.plan of row ${id}`))).toBe(true);
      expect(lines.some((l) => l.includes('preferredPlaceOfDeath invalid_value'))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});
