import { createHash } from 'node:crypto';
import { type AuditHashInput, auditGenesisHash, canonicalAuditRecord } from '@hearth/domain';

export const hashAuditRecord = (prevHash: string, record: AuditHashInput) =>
  createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditRecord(record)}`)
    .digest('hex');

export interface ChainRow extends AuditHashInput {
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

/** Walks rows in `seq` order and reports the first one whose link or hash does not hold. */
export function checkChain(
  rows: Iterable<ChainRow>,
  state = { prevHash: auditGenesisHash, prevSeq: 0, checked: 0 },
) {
  for (const row of rows) {
    state.checked += 1;
    if (row.seq !== state.prevSeq + 1) return broken(state, row.seq, `sequence gap after ${state.prevSeq}`);
    if (row.prevHash !== state.prevHash)
      return broken(state, row.seq, 'link to the previous event does not match');
    if (hashAuditRecord(row.prevHash, row) !== row.hash)
      return broken(state, row.seq, 'event content was changed');
    state.prevHash = row.hash;
    state.prevSeq = row.seq;
  }
  return { result: null, state };
}

function broken(state: { checked: number }, seq: number, problem: string) {
  return {
    result: { ok: false, checked: state.checked, firstBrokenSeq: seq, problem } satisfies ChainCheck,
    state,
  };
}
