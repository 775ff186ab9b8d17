import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are stored only as their hash, so a copy of the database opens no session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
