import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnchors, setAsideAnchorsOfFormerDatabase, writeAnchors } from './audit-anchor.ts';

describe('audit anchors of a database that was created again', () => {
  it('are kept aside, so the new chain starts clean and the old heads remain as evidence', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hearth-anchor-')), 'demo.audit-anchors.json');
    writeAnchors(file, { org: { seq: 2328, hash: 'abc', at: '2026-12-02T16:39:05.845Z' } });

    const aside = setAsideAnchorsOfFormerDatabase(file, new Date('2026-12-02T17:00:00Z'));

    expect(aside).not.toBeNull();
    expect(readAnchors(file)).toEqual({});
    expect(readAnchors(aside as string).org?.seq).toBe(2328);
    expect(setAsideAnchorsOfFormerDatabase(file, new Date())).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
