import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir, lockFileName } from './data-dir-lock.ts';

const holder = join(import.meta.dirname, '../test/hold-data-dir.ts');
const folders: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-lock-'));
  folders.push(dir);
  return dir;
};

/** Starts a real process holding the folder; resolves once it printed "open". */
function holdFolder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dir], { stdio: 'pipe' });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      if (String(d).includes('open')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

const openInSecondProcess = (dir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', holder, dir], { encoding: 'utf8', input: '' });

/** A pid that certainly belongs to no running process: a child that has already exited. */
const deadPid = () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
};

describe('the embedded data folder lock', () => {
  it('makes a second process refuse the folder with a clear message while the first holds it', async () => {
    const dir = freshFolder();
    const first = await holdFolder(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(first.pid));

    const second = openInSecondProcess(dir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by another Hearth process (pid ${first.pid})`);
    // the refused process left the owner's lock alone
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(first.pid));

    // after the first one stops, the folder opens again
    const exited = new Promise((r) => first.on('exit', r));
    first.stdin?.end();
    await exited;
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    const third = openInSecondProcess(dir);
    expect(third.stderr).toBe('');
    expect(third.status).toBe(0);
  });

  it('takes over a lock left by a process that died (kill -9)', async () => {
    const dir = freshFolder();
    const first = await holdFolder(dir);
    const died = new Promise((r) => first.on('exit', r));
    first.kill('SIGKILL');
    await died;
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(first.pid));

    const second = await holdFolder(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(second.pid));
    second.kill('SIGKILL');
  });

  it('lets exactly one of several takers win a stale lock', () => {
    const dir = freshFolder();
    writeFileSync(join(dir, lockFileName), `${deadPid()}\n`);
    // three "processes" (distinct live pids: this one, and two children that are still running)
    const sleepers = [1, 2].map(() => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']));
    children.push(...sleepers);
    const pids = [process.pid, ...sleepers.map((s) => s.pid ?? 0)];
    const outcomes = pids.map((pid) => {
      try {
        lockDataDir(dir, pid);
        return 'won';
      } catch {
        return 'refused';
      }
    });
    expect(outcomes).toEqual(['won', 'refused', 'refused']);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    for (const s of sleepers) s.kill('SIGKILL');
  });
});
