import {
  type Because,
  because,
  DomainError,
  isPortalRole,
  roleSchema,
  type WitnessConfirmation,
} from '@hearth/domain';
import type { AppDeps, RequestContext } from '../../app-context.ts';
import * as repo from './auth.repository.ts';
import { countPasswordAttempt } from './auth.service.ts';
import { dummyHashForTiming, verifyPassword } from './passwords.ts';

const refused = (field: string, message: string, why: Because) =>
  new DomainError('VALIDATION', message, { fields: [{ field, message }] }, why);

/**
 * Checks that a second, active member of staff of the same organization confirms with their own
 * password (issue 13). Wrong passwords count against the same per-account limit as logins, so
 * this field cannot be used to guess a password faster than the login form allows. Call it
 * before the write's transaction: a refused attempt is counted even though the write is not.
 */
export async function confirmWitness(
  deps: AppDeps,
  ctx: RequestContext,
  witness: WitnessConfirmation | undefined,
  field: string,
): Promise<{ id: string; name: string }> {
  if (!witness)
    throw refused(
      field,
      'A second member of staff confirms this with their own account.',
      because('witness.required'),
    );
  const keys = await countPasswordAttempt(deps, witness.email, ctx.ip, deps.clock());
  const user = await repo.findUserByEmail(deps.db, witness.email);
  const ok = await verifyPassword(witness.password, user?.passwordHash ?? dummyHashForTiming);
  const role = user ? roleSchema.safeParse(user.role) : undefined;
  if (
    !user ||
    !ok ||
    user.status !== 'active' ||
    user.organizationId !== ctx.actor.organizationId ||
    !role?.success
  ) {
    throw refused(field, 'The witness e-mail or password is not right.', because('witness.wrongCredentials'));
  }
  if (isPortalRole(role.data))
    throw refused(field, 'The witness must be a member of staff.', because('witness.notStaff'));
  if (user.id === ctx.actor.userId)
    throw refused(field, 'The witness must be someone else.', because('witness.notYourself'));
  // a right password starts the count again, as a login does
  await repo.clearLoginAttempts(deps.db, [keys.account, keys.accountAddress], keys.address);
  return { id: user.id, name: user.name };
}
