import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSecretKey } from './embedded-key.ts';
import { newSecretKey, openSecret, parseSecretKey, sealSecret } from './secret-box.ts';

describe('sealed secrets', () => {
  const key = parseSecretKey(newSecretKey())!;

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = sealSecret(key, 'пароль-smtp');
    const b = sealSecret(key, 'пароль-smtp');
    expect(a).not.toBe(b);
    expect(openSecret(key, a)).toBe('пароль-smtp');
  });

  it('refuses a changed value and another key', () => {
    const sealed = sealSecret(key, 'secret');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(key, `v1:${raw.toString('base64')}`)).toThrow(/HEARTH_SECRET_KEY/);
    expect(() => openSecret(parseSecretKey(newSecretKey())!, sealed)).toThrow(/HEARTH_SECRET_KEY/);
  });

  it('reads a key as 64 hex digits or base64 of 32 bytes, and refuses anything else', () => {
    expect(parseSecretKey(undefined)).toBeNull();
    expect(parseSecretKey('  ')).toBeNull();
    expect(parseSecretKey('ab'.repeat(32))?.length).toBe(32);
    expect(() => parseSecretKey('too-short')).toThrow(/32 random bytes/);
    expect(() => parseSecretKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 random bytes/);
  });

  it('makes the embedded key once, readable by its owner only, and reads the same key after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-key-'));
    try {
      const first = embeddedSecretKey(join(dir, 'data'));
      expect(embeddedSecretKey(join(dir, 'data')).equals(first)).toBe(true);
      const file = join(dir, 'data', 'secret.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(parseSecretKey(readFileSync(file, 'utf8'))?.equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
