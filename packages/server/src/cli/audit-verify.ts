import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { allOrganizationIds, verifyOrganizationChain } from '../features/audit/audit.service.ts';

/**
 * `npm run audit:verify`: re-computes every organization's audit hash chain from the first
 * event and exits 1 if any link or event was changed, 0 if all hold.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    let broken = 0;
    for (const orgId of await allOrganizationIds(database.db)) {
      const result = await verifyOrganizationChain(database.db, orgId);
      if (result.ok) console.log(`organization ${orgId}: ${result.checked} events, chain intact`);
      else {
        broken += 1;
        console.error(`organization ${orgId}: BROKEN at event ${result.firstBrokenSeq}: ${result.problem}`);
      }
    }
    process.exitCode = broken ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
