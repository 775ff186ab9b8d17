import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { migrations } from './db/migrations/index.ts';
import { ensureDemo } from './demo/ensure-demo.ts';
import { sealStoredSecrets } from './features/email/email.service.ts';
import { setAsideAnchorsOfFormerDatabase } from './platform/audit/audit-anchor.ts';
import { embeddedSecretKey } from './platform/secrets/embedded-key.ts';

/** `npm start`: open the database, migrate, seed the demo if it is new, serve web app and API. */
async function main() {
  // how long each start-up phase takes, printed once serving: a slow start is then easy to place
  const phases: string[] = [];
  let phaseStart = 0; // performance.now() counts from the process start, so "loading" is the imports
  const phaseDone = (name: string) => {
    const now = performance.now();
    phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = now;
  };
  phaseDone('loading');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  // after the database holds the folder's lock, so two processes never race to make the key
  if (!config.secretKey && !config.databaseUrl) config.secretKey = embeddedSecretKey(config.dataDir);
  phaseDone('database');
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  if (applied.length === Object.keys(migrations).length) {
    const aside = setAsideAnchorsOfFormerDatabase(config.audit.anchorFile, new Date());
    if (aside) console.log(`New database: audit anchors of an earlier one kept as ${aside}`);
  }
  phaseDone('migrations');
  const sealed = await sealStoredSecrets(database.db, config.secretKey);
  if (sealed) console.log(`Stored SMTP passwords encrypted: ${sealed}`);
  const demo = config.seedDemo ? await ensureDemo(database.db, config) : null;
  phaseDone('demo');

  const hearth = await buildApp({ config, database, logger: process.env.HEARTH_LOG === '1' });
  hearth.jobs.start(config.jobPollMs);
  hearth.audit.start(config.audit.sealEveryMs);
  await hearth.jobs.runDue(); // deadlines that passed while the server was down
  await hearth.app.listen({ port: config.port, host: config.host });
  phaseDone('app');

  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Hearth is running on http://localhost:${config.port} (${where})`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
  console.log(`Started in ${(performance.now() / 1000).toFixed(1)} s (${phases.join(', ')})`);
  if (demo) {
    console.log('\nDEMO SERVICE (made-up people and data, for trying Hearth out):');
    console.log(`  log in as <role>@demo.hearth.local, e.g. coordinator@demo.hearth.local`);
    console.log(`  roles: ${demo.logins.join(', ')}`);
    console.log(`  password: ${demo.password}\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await hearth.close();
    await hearth.audit.runOnce().catch(() => {});
    await hearth.audit.anchor().catch(() => {});
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
