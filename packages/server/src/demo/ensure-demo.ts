import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roleSlug, staffRoles } from '@hearth/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { countOrganizations } from '../platform/settings/settings.repository.ts';
import { seedDemo } from './seed.ts';

const allLogins = [...staffRoles.map(roleSlug), 'volunteer', 'family'];

/**
 * Seeds the demo into an empty database. The password is HEARTH_DEMO_PASSWORD, or one made up
 * on first run and kept beside the embedded database so later starts can print it again.
 * Returns null when the database already holds a service that is not the demo's.
 */
export async function ensureDemo(
  db: Db,
  config: Config,
): Promise<{ password: string; logins: string[] } | null> {
  const passwordFile = config.databaseUrl ? null : join(config.dataDir, 'demo-password.txt');
  if ((await countOrganizations(db)) > 0) {
    if (config.demoPassword) return { password: config.demoPassword, logins: allLogins };
    if (passwordFile && existsSync(passwordFile))
      return { password: readFileSync(passwordFile, 'utf8').trim(), logins: allLogins };
    return null;
  }
  const password = config.demoPassword ?? `demo-${randomBytes(6).toString('base64url')}`;
  const { logins } = await seedDemo(db, password, new Date());
  if (passwordFile && !config.demoPassword) writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return { password, logins };
}
