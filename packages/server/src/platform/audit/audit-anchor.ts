import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The head of one organization's chain as it was seen at `at`. */
export const auditAnchorSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  at: z.string(),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

const anchorFileSchema = z.record(z.string(), auditAnchorSchema);

/**
 * The chain heads kept outside the database. Whoever can rewrite the audit table can also
 * rebuild a consistent chain after cutting its tail; a head recorded elsewhere (this file beside
 * the data folder, and the server log) is what shows that events once existed.
 */
export function readAnchors(file: string): Record<string, AuditAnchor> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = anchorFileSchema.safeParse(parseJson(text));
  if (!parsed.success) throw new Error(`the audit anchor file ${file} is not valid`);
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Records heads, keeping other organizations' anchors and never moving one backwards (a process
 * that lags behind another must not replace a later head); write-then-rename never leaves half a file.
 */
export function writeAnchors(file: string, heads: Record<string, AuditAnchor>): void {
  const next = readAnchors(file);
  for (const [org, head] of Object.entries(heads)) {
    const known = next[org];
    if (!known || known.seq <= head.seq) next[org] = head;
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * A database created just now has no history to protect, so anchors left by an earlier database of
 * the same name (a demo folder deleted and started again) would report its chain as cut. They are
 * kept aside, not deleted: if the database was wiped on purpose, the old heads are the evidence.
 * Returns where they went, or null when there were none.
 */
export function setAsideAnchorsOfFormerDatabase(file: string, now: Date): string | null {
  if (!existsSync(file)) return null;
  const aside = `${file}.before-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}
