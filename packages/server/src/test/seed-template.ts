import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { TestTemplate } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed.ts';
import { findDemoOrganizationId } from '../platform/settings/settings.repository.ts';

export interface DemoSeedOptions {
  symptomHistory: boolean;
  teamMeetings: boolean;
  fieldDay: boolean;
}

/**
 * The migrated, seeded demo as a template test databases are copied from. Its key holds the seed's
 * inputs and a fingerprint of the code that writes the data (the server's and the domain's
 * sources), so any change to a migration or to the seed builds a new template.
 */
export function demoTemplate(password: string, now: Date, options: DemoSeedOptions): TestTemplate {
  return {
    key: JSON.stringify({ now: now.toISOString(), password, options, sources: sourceFingerprint() }),
    async build(db) {
      await migrateToLatest(db);
      await seedDemo(db, password, now, options);
    },
  };
}

let fingerprint: string | null = null;

/**
 * A hash of every non-test source file of the server and the domain packages (the migrations, the
 * seed and everything they call). Coarser than needed, and cheap: a few milliseconds per process.
 */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const packages = fileURLToPath(new URL('../../../', import.meta.url));
  for (const root of [join(packages, 'server/src'), join(packages, 'domain/src')]) {
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|sql|json)$/.test(f) && !/\.test\.ts$/.test(f))
      .sort();
    for (const file of files)
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(root, file)))
        .update('\0');
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The seeded demo service of a database copied from `demoTemplate`. */
export const demoOrganizationId = (db: Db) => findDemoOrganizationId(db);
