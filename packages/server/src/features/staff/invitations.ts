import { randomUUID } from 'node:crypto';
import { because, conflict, type Role } from '@hearth/domain';
import type { Conn } from '../../db/conn.ts';
import * as users from '../auth/auth.repository.ts';
import { hashToken, newToken } from '../auth/tokens.ts';

const invitationDays = 7;

/**
 * Creates an invited account with a one-time token (shown once to the inviter, who passes the
 * link on; no e-mail server is assumed). Shared by staff and family invitations.
 */
export async function createInvitedUser(
  db: Conn,
  now: Date,
  input: {
    organizationId: string;
    email: string;
    name: string;
    role: Role;
    isLead?: boolean;
    phone?: string | undefined;
  },
) {
  if (await users.findUserByEmail(db, input.email))
    throw conflict(
      'Someone with this e-mail already has an account.',
      undefined,
      because('staff.emailTaken'),
    );
  const { token, tokenHash, expiresAt } = newInvitationToken(now);
  const id = randomUUID();
  await users.insertUser(db, {
    id,
    organization_id: input.organizationId,
    email: input.email,
    name: input.name,
    role: input.role,
    is_lead: input.isLead ?? false,
    phone: input.phone ?? null,
    status: 'invited',
    password_hash: null,
    invite_token_hash: tokenHash,
    invite_expires_at: expiresAt,
    created_at: now,
    updated_at: now,
  });
  return { userId: id, email: input.email, acceptToken: token, expiresAt: expiresAt.toISOString() };
}

/** A fresh one-time link: the token for the person, its hash for the database. */
export function newInvitationToken(now: Date) {
  const token = newToken();
  return {
    token,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + invitationDays * 86_400_000),
  };
}
