import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

const dist = mkdtempSync(join(tmpdir(), 'hearth-web-'));
let t: TestApp;
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hearth</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({ env: { HEARTH_WEB_DIST: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the built files and falls back to index.html for the app’s own routes', async () => {
    const asset = await t.anonymous().get('/assets/app.js');
    expect(asset.status).toBe(200);
    for (const path of ['/', '/request', '/app/patients/123', '/portal']) {
      const page = await t.anonymous().get(path);
      expect(page.status, path).toBe(200);
      expect(page.raw).toContain('<div id="root">');
    }
  });

  it('keeps answering unknown API paths with the JSON error, not the page', async () => {
    const res = await t.anonymous().get('/api/v1/not-a-route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('sends security headers', async () => {
    const res = await t.anonymous().get('/request');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
