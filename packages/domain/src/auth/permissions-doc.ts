import { actions, rolesFor } from './permissions.ts';
import { roles } from './roles.ts';

/**
 * The permission matrix as a Markdown table (actions × roles), for docs/permissions.md. The file
 * is written by `npm run docs:permissions` and a test fails when it differs from the matrix, so
 * the published table cannot drift from what the server enforces.
 */
export function permissionsMarkdown(): string {
  const header = `| action | ${roles.join(' | ')} |`;
  const rule = `|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = actions.map((action) => {
    const allowed = rolesFor(action);
    return `| \`${action}\` | ${roles.map((r) => (allowed.includes(r) ? '✓' : '')).join(' | ')} |`;
  });
  return [
    '# Permissions',
    '',
    'Who may do what in Hearth: one row per action, one column per role. The server checks every',
    'action in its services and the web hides what a role may not do, both from the same matrix',
    '(`packages/domain/src/auth/permissions.ts`). This file is generated from it by',
    '`npm run docs:permissions`; a test fails when the two differ.',
    '',
    'Family members (and volunteers in their portal) pass a check only for the patients they are',
    'linked to; some actions add a rule of their own, written beside the action in the matrix:',
    '',
    '- a resuscitation decision (DNACPR) or ceilings of treatment: `acp:decide`, physicians only; a',
    '  nurse records the rest of the advance care plan and leaves these as the physician set them;',
    '- a diagnosis: `diagnosis:write`, physicians only;',
    '- correcting an assessment: its author, or anyone with `assessment:correct-any` (physicians);',
    '- the death-certification checklist item: `death:certify`, physicians only;',
    '- controlled-drug disposal, and a stock count that differs from the register: the person',
    '  recording it and a second member of staff who confirms with their own password;',
    "- a summer camp application: the programme staff see the child's needs, and only",
    '  `camp:read-medicines` (nurses, physicians) sees the prescriptions and the medicines note;',
    '- name, date of birth and sex: corrected with a reason through `patient:correct-identity`,',
    "  and the earlier values are kept in the patient's history;",
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}
