import { readFileSync } from 'node:fs';
import { permissionsMarkdown } from '@hearth/domain';
import { describe, expect, it } from 'vitest';

describe('docs/permissions.md', () => {
  it('is the permission matrix as it stands (run `npm run docs:permissions` after changing it)', () => {
    const doc = readFileSync(new URL('../../../../docs/permissions.md', import.meta.url), 'utf8');
    expect(doc).toBe(permissionsMarkdown());
  });
  it('lists every role as a column and shows that only physicians record resuscitation decisions', () => {
    const row = permissionsMarkdown()
      .split('\n')
      .find((l) => l.startsWith('| `acp:decide`'));
    expect(row?.split('|').filter((c) => c.trim() === '✓')).toHaveLength(1);
  });
});
