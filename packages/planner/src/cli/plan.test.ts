import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'plan.mjs');

function tinySolomon(): string {
  const rows = [
    'TINY',
    '',
    'VEHICLE',
    'NUMBER     CAPACITY',
    '  4         50',
    '',
    'CUSTOMER',
    'CUST NO.',
    '',
  ];
  rows.push('    0      40         50          0          0       500          0');
  for (let i = 1; i <= 12; i++)
    rows.push(`    ${i}   ${10 + i * 5}   ${20 + ((i * 13) % 50)}   10   0   400   10`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-cli-')), 'tiny.txt');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

function plan(args: string[]) {
  const r = spawnSync('node', [bin, ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, out: r.status === 0 ? JSON.parse(r.stdout) : null };
}

describe('planner CLI (bundled JavaScript)', () => {
  it('gives the same plan twice for an iteration budget, on two threads', () => {
    const file = tinySolomon();
    const a = plan([file, '--iterations', '40', '--threads', '2', '--seed', '3']);
    const b = plan([file, '--iterations', '40', '--threads', '2', '--seed', '3']);
    expect(a.stderr).toBe('');
    expect(a.out.routes.flat().sort((x: number, y: number) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(b.out.routes).toEqual(a.out.routes);
    expect(b.out.distance).toBe(a.out.distance);
  });

  it('refuses a budget that is not a positive whole number', () => {
    const r = plan([tinySolomon(), '--iterations', '2.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--iterations must be a positive integer/);
  });
});
