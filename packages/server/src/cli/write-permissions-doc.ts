import { writeFileSync } from 'node:fs';
import { permissionsMarkdown } from '@hearth/domain';

/** Writes docs/permissions.md from the permission matrix: `npm run docs:permissions` (from the root). */
const target = new URL('../../../../docs/permissions.md', import.meta.url);
writeFileSync(target, permissionsMarkdown());
console.log(`written ${target.pathname}`);
