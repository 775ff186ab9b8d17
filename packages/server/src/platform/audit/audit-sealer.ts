import type { Conn } from '../../db/conn.ts';
import { Periodic } from '../periodic.ts';
import { chainHeads, sealAll } from './audit.service.ts';
import { type AuditAnchor, writeAnchors } from './audit-anchor.ts';

export interface AuditSealerOptions {
  /** Where chain heads are anchored outside the database. */
  anchorFile: string;
  /** At most one anchor per this many milliseconds (each also goes to the log). */
  anchorEveryMs: number;
  clock: () => Date;
  log: (line: string) => void;
}

/**
 * Runs in every server process: seals pending audit events shortly after their requests commit
 * and, at intervals, anchors each chain head in a file beside the data folder and in the log.
 * Several processes may run it; the per-organization sealing lock keeps them in order.
 */
export class AuditSealer {
  private readonly periodic: Periodic<void>;
  private lastAnchorAt = 0;
  private lastAnchored: Record<string, AuditAnchor> = {};

  constructor(
    private readonly db: Conn,
    private readonly options: AuditSealerOptions,
  ) {
    this.periodic = new Periodic(
      () => this.pass(),
      (err) => options.log(`audit sealing failed: ${String(err)}`),
    );
  }

  /** One pass: seal, then anchor if the interval has passed and a head moved. */
  runOnce(): Promise<void> {
    return this.periodic.run();
  }

  private async pass(): Promise<void> {
    await sealAll(this.db);
    const now = this.options.clock();
    if (now.getTime() - this.lastAnchorAt < this.options.anchorEveryMs) return;
    await this.anchor(now);
  }

  /** Writes the current heads that moved since the last anchor. */
  async anchor(now: Date = this.options.clock()): Promise<void> {
    this.lastAnchorAt = now.getTime();
    const heads = await chainHeads(this.db, now);
    const moved = Object.fromEntries(
      Object.entries(heads).filter(([org, head]) => this.lastAnchored[org]?.hash !== head.hash),
    );
    if (!Object.keys(moved).length) return;
    writeAnchors(this.options.anchorFile, moved);
    for (const [org, head] of Object.entries(moved))
      this.options.log(`audit anchor organization=${org} seq=${head.seq} hash=${head.hash}`);
    this.lastAnchored = { ...this.lastAnchored, ...moved };
  }

  start(intervalMs: number): void {
    this.periodic.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
