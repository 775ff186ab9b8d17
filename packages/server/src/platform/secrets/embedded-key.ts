import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSecretKey, parseSecretKey } from './secret-box.ts';

/**
 * The embedded (single-folder) installation needs no set-up, so when `HEARTH_SECRET_KEY` is not
 * given its key is generated once and kept in the data folder, readable by the owner only. It
 * protects a stolen database dump, not a stolen folder; with PostgreSQL the key must be given.
 */
export function embeddedSecretKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} is empty: delete it to have a new key made.`);
  return key;
}
