import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleIds } from '../db/test-sample-ids.ts';
import { sealAll } from '../platform/audit/audit.service.ts';
import { type Agent, createTestApp } from '../test/harness.ts';
import { waitForPlanRuns } from '../test/plan-runs.ts';
import { arbitraryFor, type JsonSchema } from '../test/schema-arbitrary.ts';

/**
 * Fuzzing from the outside, driven by the app's own OpenAPI document: for every write operation
 * some hundreds of bodies (mostly well-formed, some hostile), and for every list some query
 * strings, sent by several roles. No answer may be a 5xx, and a refused request (4xx) must not
 * have written anything: no successful audit event (every write appends one in its own
 * transaction) was appended while it ran.
 *
 * FUZZ_RUNS (bodies per write operation, default 200) and FUZZ_SEED make a run longer or repeat one.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
}

const t = await createTestApp({ env: { HEARTH_API_RATE_MAX: '1000000' } });
afterAll(async () => t.close());

const agents: Agent[] = [];
for (const role of ['admin', 'coordinator', 'physician', 'nurse', 'volunteer_coordinator', 'family'])
  agents.push(await t.login(role));
const agentIds = new Set(agents.map((a) => a.userId));

// real ids from the demo service, so generated foreign keys and path ids often point at rows
// that exist (the agents' own accounts are left out: deactivating them would end the run)
const idsByTable = await sampleIds(t.database.db, 6);
const ids = [...idsByTable.values()].flat().filter((id) => !agentIds.has(id));
const familyPatientId = (await agents[5]?.get('/api/v1/auth/me'))?.body.linkedPatientIds[0] as string;

/**
 * Real ids for a path parameter, so requests get past "not found" into the service: the family
 * member's patient for `patientId` (every role may reach it), else the table the path segment
 * before the parameter names (`/volunteer-requests/{id}` → volunteer_request).
 */
function idsForParam(path: string, name: string): string[] {
  if (name === 'patientId') return [familyPatientId];
  const segment = /\/([a-z-]+)\/\{\w+\}/.exec(
    path.slice(0, path.indexOf(`{${name}}`) + name.length + 2),
  )?.[1];
  const singular = segment?.replace(/-/g, '_').replace(/ies$/, 'y').replace(/s$/, '');
  const table = [...idsByTable.keys()].find(
    (tbl) => singular && (tbl === singular || tbl.endsWith(`_${singular}`)),
  );
  return (table ? idsByTable.get(table) : undefined)?.filter((id) => !agentIds.has(id)) ?? [];
}

// logging out or changing the password would end the fuzzing sessions themselves
const skipped = new Set(['post /api/v1/auth/logout', 'post /api/v1/auth/password']);
const document = (await t.anonymous().get('/api/openapi.json')).body as {
  paths: Record<string, Record<string, OpenApiOperation>>;
};
interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
}
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([method]) => !skipped.has(`${method} ${path}`))
    .map(([method, op]) => ({
      method,
      path,
      ...(op.requestBody?.content['application/json']
        ? { body: op.requestBody.content['application/json'].schema }
        : {}),
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ ...p, required: p.required ?? false })),
    })),
);
const writes = operations.filter((o) => o.method !== 'get' && o.body);
const lists = operations.filter((o) => o.method === 'get' && o.query.length > 0);

// counted, not compared by sequence number: the count holds however the chain is sealed; events
// wait in the pending table until sealed, so seal first or a write on refusal would go unseen
const successfulAuditEvents = async () => {
  await sealAll(t.database.db);
  return Number(
    (
      await t.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', t.organizationId)
        .where('outcome', '=', 'success')
        .executeTakeFirstOrThrow()
    ).n,
  );
};

const pathArbitrary = (op: Operation) =>
  fc
    .record(
      Object.fromEntries(
        op.pathParams.map((p) => {
          const real = idsForParam(op.path, p.name);
          const any = arbitraryFor(p.schema, { ids, hostilePerTen: 1 });
          return [
            p.name,
            real.length ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, any) : any,
          ];
        }),
      ),
    )
    .map((values) =>
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncoded(String(values[name] ?? ''))),
    );

/** Every byte of the UTF-8 form percent-encoded (a lone surrogate becomes U+FFFD, as in a browser). */
const percentEncoded = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const queryArbitrary = (op: Operation) =>
  fc
    .record(
      Object.fromEntries(op.query.map((q) => [q.name, arbitraryFor(q.schema, { ids, hostilePerTen: 2 })])),
      { requiredKeys: [] },
    )
    .map((values) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(values))
        search.append(k, typeof v === 'string' ? v : JSON.stringify(v));
      return search.toString();
    });

/** Sends one request; a refusal must leave the successful audit count where it was. */
async function probe(agent: Agent, method: string, url: string, body?: unknown) {
  // a plan run an earlier request started writes its result later: let it land first
  await waitForPlanRuns(t.database.db);
  const before = await successfulAuditEvents();
  const res = await agent.request(method.toUpperCase() as 'POST', url, body);
  const what = `${method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 400)} → ${res.raw.slice(0, 400)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) expect(await successfulAuditEvents(), `wrote while refusing: ${what}`).toBe(before);
}

describe('fuzzing every write operation from the OpenAPI document', () => {
  it('finds the operations', () => {
    expect(writes.length).toBeGreaterThan(50);
    expect(lists.length).toBeGreaterThan(10);
  });

  for (const op of writes) {
    // an accepted plan request solves a plan before the next probe may start: keep each solve
    // short (the settings operation's own fuzzing may have set any limit)
    const plans = op.path.startsWith('/api/v1/planning/');
    it(`${op.method.toUpperCase()} ${op.path}: no 5xx, no write on refusal`, {
      timeout: plans ? 300_000 : undefined,
    }, async () => {
      if (plans)
        expect((await agents[0]!.patch('/api/v1/settings', { planningTimeLimitSeconds: 0.5 })).status).toBe(
          200,
        );
      const body = arbitraryFor(op.body ?? {}, { ids, hostilePerTen: 2 });
      await fc.assert(
        fc.asyncProperty(fc.nat(agents.length - 1), pathArbitrary(op), body, async (who, url, payload) =>
          probe(agents[who] as Agent, op.method, url, payload),
        ),
        { numRuns: runs, seed, endOnFailure: true },
      );
    });
  }

  for (const op of lists) {
    it(`GET ${op.path} with fuzzed query strings: no 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(agents.length - 1),
          pathArbitrary(op),
          queryArbitrary(op),
          async (who, url, q) => probe(agents[who] as Agent, 'get', `${url}?${q}`),
        ),
        { numRuns: Math.ceil(runs / 4), seed, endOnFailure: true },
      );
    });
  }
});
