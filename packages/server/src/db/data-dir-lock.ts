import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file inside the embedded data folder that names the process owning it. */
export const lockFileName = 'hearth.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Hearth process (pid ${ownerPid}). ` +
        'Stop that process first, or point HEARTH_DATA_DIR at another folder. Two processes on one ' +
        'embedded database would lose each other’s writes.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes the embedded database folder for this process alone. PGlite keeps the database in
 * memory and writes it back to the folder, so a second process on the same folder would answer
 * "healthy" while its writes are silently overwritten; the lock makes it refuse to start instead.
 *
 * The lock is a file created with O_EXCL holding the owner's pid. A lock left by a process that
 * died (kill -9, power loss) is taken over: the stale file is first renamed to a name only this
 * process uses, and the takeover goes on only if the renamed file still names the dead pid. If
 * another process got there first, the file it wrote is put back untouched.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, pid)) return releaser(path, pid);
    const owner = readOwner(path);
    if (owner === null) continue; // removed (or half-written) in between: try again
    if (owner === pid) return releaser(path, pid);
    if (isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
    takeOverStale(path, owner, pid);
  }
  const owner = readOwner(path);
  throw new DataDirLockedError(dataDir, owner ?? -1);
}

function tryCreate(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, `${pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** `kill(pid, 0)` checks existence without sending anything; EPERM means it exists (another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeOverStale(path: string, stalePid: number, pid: number) {
  const aside = `${path}.stale-${pid}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
    throw err;
  }
  if (readOwner(aside) !== stalePid) {
    // we moved a lock another process had just written: put it back (link never overwrites)
    try {
      linkSync(aside, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  unlinkSync(aside);
}

function releaser(path: string, pid: number): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // only remove the file while it still names this process
    if (readOwner(path) === pid) unlinkSync(path);
  };
  process.on('exit', release);
  return { release };
}
