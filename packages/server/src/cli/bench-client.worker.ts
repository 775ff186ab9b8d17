import { parentPort, workerData } from 'node:worker_threads';
import { type CapturedStatement, directReads } from '../db/bench-direct.ts';
import { closedLoop, fixedRate, type LoadFigures } from './bench-load.ts';

/**
 * The API benchmark's clients, in a thread of their own: the server under test keeps its event
 * loop to itself, as it would with its clients on other machines, and the direct reads are sent
 * from here too, so both sides of the comparison pay the same client costs.
 */
export interface ClientSetup {
  url: string;
  readHeaders: Record<string, string>;
  writeHeaders: Record<string, string>;
  patientIds: string[];
  /** The chart read's SELECTs as captured from the server, replayed straight through `pg`. */
  direct: {
    databaseUrl: string;
    statements: CapturedStatement[];
    sampleId: string;
    connections: number;
  } | null;
}

export type ClientTask =
  | { op: 'chart'; clients: number; seconds: number }
  | { op: 'chart-at-rate'; rate: number; seconds: number }
  | { op: 'esas'; clients: number; seconds: number }
  | { op: 'direct'; clients: number; seconds: number };

const setup = workerData as ClientSetup;
const patientAt = (i: number) => setup.patientIds[i % setup.patientIds.length]!;

async function chartRead(patientId: string) {
  const path = `/api/v1/patients/${patientId}/chart`;
  const res = await fetch(`${setup.url}${path}`, { headers: setup.readHeaders });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

async function recordEsas(patientId: string) {
  const res = await fetch(`${setup.url}/api/v1/patients/${patientId}/assessments`, {
    method: 'POST',
    headers: setup.writeHeaders,
    // quiet answers: the write is measured, not the alerts a severe score would raise
    body: JSON.stringify({ instrument: 'esas_r', answers: { pain: 1, tiredness: 2, wellbeing: 2 } }),
  });
  if (res.status !== 201) throw new Error(`ESAS-r answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

const direct = setup.direct
  ? directReads(
      setup.direct.databaseUrl,
      setup.direct.statements,
      setup.direct.sampleId,
      setup.direct.connections,
    )
  : null;

async function run(task: ClientTask): Promise<LoadFigures> {
  switch (task.op) {
    case 'chart':
      return closedLoop(task.clients, task.seconds, (i) => chartRead(patientAt(i)));
    case 'chart-at-rate':
      return fixedRate(task.rate, task.seconds, (i) => chartRead(patientAt(i)));
    case 'esas':
      return closedLoop(task.clients, task.seconds, (i) => recordEsas(patientAt(i)));
    case 'direct': {
      if (!direct) throw new Error('direct reads need PostgreSQL');
      return closedLoop(task.clients, task.seconds, (i) => direct.read(patientAt(i)));
    }
  }
}

parentPort!.on('message', (task: ClientTask | { op: 'end' }) => {
  if (task.op === 'end') {
    void (direct?.end() ?? Promise.resolve()).then(() => parentPort!.close());
    return;
  }
  run(task).then(
    (figures) => parentPort!.postMessage({ figures }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.stack : String(err) }),
  );
});
