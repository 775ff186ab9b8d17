import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { travelSettingsSchema } from '@hearth/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { travelMatrix } from './travel.ts';

const points = [
  { lat: 53.9006, lon: 27.559 },
  { lat: 54.2279, lon: 28.505 },
  { lat: 53.0274, lon: 27.5597 },
];
const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('travel matrix', () => {
  it('uses the estimate when no table service is set', async () => {
    const m = await travelMatrix(points, travelSettingsSchema.parse({}));
    expect(m.source).toBe('estimate');
    expect(m.km[0]![1]).toBeGreaterThan(85);
    expect(m.minutes[0]![1]).toBeCloseTo((m.km[0]![1]! / 40) * 60, 5);
  });

  it('uses an OSRM-compatible table service when it answers', async () => {
    let asked = '';
    const url = await serve((req, res) => {
      asked = req.url ?? '';
      const n = 3;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          code: 'Ok',
          durations: Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => (i === j ? 0 : 600)),
          ),
          distances: Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => (i === j ? 0 : 12_000)),
          ),
        }),
      );
    });
    const m = await travelMatrix(points, travelSettingsSchema.parse({ tableUrl: url }));
    expect(asked).toMatch(/^\/table\/v1\/driving\/27\.559000,53\.900600;28\.505000,54\.227900;/);
    expect(m).toMatchObject({ source: 'table' });
    expect(m.minutes[0]![1]).toBe(10);
    expect(m.km[0]![1]).toBe(12);
  });

  it('falls back to the estimate when the service refuses the connection', async () => {
    const url = await serve(() => undefined);
    const port = Number(new URL(url).port);
    const closed = servers.pop()!;
    closed.closeAllConnections();
    await new Promise((r) => closed.close(r));
    const m = await travelMatrix(
      points,
      travelSettingsSchema.parse({ tableUrl: `http://127.0.0.1:${port}` }),
    );
    expect(m.source).toBe('estimate');
  });

  it('falls back to the estimate when the service does not answer in time', async () => {
    const url = await serve(() => undefined); // accepts, never answers
    const t0 = performance.now();
    const m = await travelMatrix(points, travelSettingsSchema.parse({ tableUrl: url, tableTimeoutMs: 300 }));
    expect(m.source).toBe('estimate');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('falls back when the service answers an error', async () => {
    const url = await serve((_req, res) => {
      res.statusCode = 400;
      res.end(JSON.stringify({ code: 'InvalidQuery' }));
    });
    expect((await travelMatrix(points, travelSettingsSchema.parse({ tableUrl: url }))).source).toBe(
      'estimate',
    );
  });
});
