import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureDemo } from './demo/ensure-demo.ts';

/** `npm start`: open the database, migrate, seed the demo if it is new, serve web app and API. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  const demo = config.seedDemo ? await ensureDemo(database.db, config) : null;

  const hearth = await buildApp({ config, database, logger: process.env.HEARTH_LOG === '1' });
  hearth.jobs.start(config.jobPollMs);
  await hearth.jobs.runDue(); // deadlines that passed while the server was down
  await hearth.app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Hearth is running on http://localhost:${config.port} (${where})`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
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
