import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webLiveEventTypes } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { knownEventTypes } from '../../../../web/src/live/event-keys.ts';

const serverSources = join(import.meta.dirname, '../..');

/**
 * The server's own code (no tests) in files that publish live events or build them for the
 * envelope to publish (a feature's typed event drafts).
 */
function publishingSources(): string {
  return readdirSync(serverSources, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test/'))
    .map((f) => readFileSync(join(serverSources, f), 'utf8'))
    .filter((text) => /\bpublish\w*\(|\bHearthEventDraft\b/.test(text))
    .join('\n');
}

describe('the live-event contract between server and web', () => {
  it('has the web listen only for events the server publishes somewhere', () => {
    const sources = publishingSources();
    const unpublished = knownEventTypes.filter((type) => !sources.includes(`'${type}'`));
    expect(unpublished).toEqual([]);
    expect([...knownEventTypes].sort()).toEqual([...webLiveEventTypes].sort());
  });
});
