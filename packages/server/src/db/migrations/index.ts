import type { Migration } from 'kysely/migration';
import * as foundation from './2026_11_23_0001_foundation.ts';
import * as homeFamily from './2026_11_23_0300_home_family.ts';

/** Every migration, keyed by its timestamped name; the Migrator runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': foundation,
  '2026_11_23_0300_home_family': homeFamily,
};
