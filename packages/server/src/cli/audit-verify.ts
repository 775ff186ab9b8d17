import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { allOrganizationIds, sealAndVerify } from '../platform/audit/audit.service.ts';

/**
 * `npm run audit:verify`: seals pending events, re-computes every organization's audit hash chain
 * from the first event, compares its end with the last anchor (the file beside the data folder),
 * and exits 1 if any link or event was changed or events were removed, 0 if all hold.
 */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    let broken = 0;
    for (const orgId of await allOrganizationIds(database.db)) {
      const result = await sealAndVerify(database.db, orgId, config.audit.anchorFile, new Date());
      const anchor =
        result.anchoredSeq === null ? 'no anchor yet' : `anchored at event ${result.anchoredSeq}`;
      if (result.ok)
        console.log(
          `organization ${orgId}: ${result.checked} events, chain intact (${anchor}; ${result.unsealed} not yet sealed)`,
        );
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
