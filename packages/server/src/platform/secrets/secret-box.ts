import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the service must keep and use in clear later (the SMTP password) are stored sealed
 * with AES-256-GCM under a key that lives outside the database (`HEARTH_SECRET_KEY`), so a copy
 * of the database or a backup does not give them away. GCM also authenticates: a sealed value
 * that was changed, or opened with another key, is refused rather than read as garbage.
 */
const prefix = 'v1:';
const ivBytes = 12;
const tagBytes = 16;

/** 32 bytes, given as 64 hexadecimal digits or as base64 (e.g. `openssl rand -base64 32`). */
export function parseSecretKey(value: string | undefined): Buffer | null {
  const text = value?.trim();
  if (!text) return null;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(text) && key.toString('base64') !== text)) {
    throw new Error(
      'HEARTH_SECRET_KEY must be 32 random bytes, as 64 hexadecimal digits or in base64 (openssl rand -base64 32).',
    );
  }
  return key;
}

/** A new random key in the form `parseSecretKey` reads. */
export const newSecretKey = () => randomBytes(32).toString('base64');

export const isSealed = (stored: string) => stored.startsWith(prefix);

export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openSecret(key: Buffer, sealed: string): string {
  if (!isSealed(sealed)) throw new Error('This stored secret is not sealed.');
  const raw = Buffer.from(sealed.slice(prefix.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes));
  decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
  try {
    return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error(
      'A stored secret could not be opened: HEARTH_SECRET_KEY is not the key it was sealed with.',
    );
  }
}
