import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solve } from '../solve.ts';
import { checkPlan } from '../testing/check.ts';
import { validateProblem } from '../validate.ts';
import { mankowskaToProblem, parseMankowska } from './mankowska.ts';
import { parseSolomon, solomonToProblem } from './solomon.ts';
import { type UhhcInstance, uhhcToProblem } from './uhhc.ts';

const SOLOMON = `TINY

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0         0          0          0       100          0
    1      3         4          6          0        50          5
    2      6         8          6          0        50          5
    3      0         5          2         20        30          1
`;

describe('Solomon reader', () => {
  it('parses the fleet and customers and yields a valid problem that solves', () => {
    const s = parseSolomon(SOLOMON);
    expect(s.vehicles).toBe(2);
    expect(s.capacity).toBe(10);
    expect(s.nodes).toHaveLength(4);
    const p = solomonToProblem(s);
    expect(validateProblem(p).ok).toBe(true);
    const plan = solve(p, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([]);
    expect(plan.vehicles).toBe(2);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('rejects a file without a customer section', () => {
    expect(() => parseSolomon('X\nVEHICLE\nNUMBER CAPACITY\n 2 10\n')).toThrow(/CUSTOMER/);
  });
});

const DATA = new URL('../../../../../shared/benchdata/hhc/', import.meta.url).pathname;

describe('home-care readers', () => {
  it('reads a Mankowska instance into linked, skilled, soft-window visits and plans all services', () => {
    const text = readFileSync(`${DATA}mankowska2014/InstanzCPLEX_HCSRP_10_1.txt`, 'utf8');
    const m = parseMankowska(text, 'A1');
    expect(m.nodes).toBe(12);
    const p = mankowskaToProblem(m);
    expect(validateProblem(p).ok).toBe(true);
    expect(p.visits.filter((v) => v.linkedTo)).toHaveLength(3);
    const plan = solve(p, { maxIterations: 200 });
    expect(plan.unassigned).toEqual([]);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('reads a UHHC instance with breaks, multiple windows and preferences', () => {
    const u = JSON.parse(readFileSync(`${DATA}uhhc-small/instance-004.json`, 'utf8')) as UhhcInstance;
    const p = uhhcToProblem(u);
    expect(validateProblem(p).ok).toBe(true);
    const plan = solve(p, { maxIterations: 200 });
    expect(checkPlan(p, plan)).toEqual([]);
  });
});
