import { openDatabase } from '../db/database.ts';

/**
 * Test helper process: opens the embedded database in the folder given as the first argument,
 * prints "open", and holds it until stdin closes or SIGTERM. A refusal prints the error and
 * exits 1, as `npm start` does.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-dir.ts <folder>');
try {
  const database = await openDatabase({ dataDir });
  process.stdout.write('open\n');
  const stop = async () => {
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
