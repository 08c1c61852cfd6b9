import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.js';

/**
 * Encrypts stored credentials (the WeChat AppSecret, the cached access token) with AES-256-GCM:
 * a random 12-byte IV per value and the 16-byte authentication tag, written as
 * "v1:<iv>:<tag>:<ciphertext>" in base64. The version prefix lets a later format or key coexist.
 *
 * The key: SECRET_KEY when set (config.secretKey); otherwise DATA_DIR/secret.key, 32 random bytes
 * generated on first use and kept there (mode 0600). A deployment whose DATA_DIR is not kept
 * (PostgreSQL with an ephemeral disk) must set SECRET_KEY, or stored secrets become unreadable
 * and must be entered again.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

export function encryptSecret(plain: string, key: Buffer): string {
  if (key.length !== 32) throw new SecretBoxError('the key must be 32 bytes');
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** The plain text; throws SecretBoxError when the value is malformed, altered or under another key. */
export function decryptSecret(boxed: string, key: Buffer): string {
  const parts = boxed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('unknown format');
  const [, iv, tag, data] = parts as [string, string, string, string];
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('cannot decrypt (altered, or encrypted under another key)');
  }
}

const fileKeys = new Map<string, Buffer>();

/** The server's key: SECRET_KEY, else DATA_DIR/secret.key (created on first use). */
export function secretKeyOf(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  const cached = fileKeys.get(file);
  if (cached) return cached;
  let key: Buffer;
  if (fs.existsSync(file)) {
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new SecretBoxError(`${file} must hold 64 hex digits`);
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    key = crypto.randomBytes(32);
    try {
      // 'wx': never overwrite a key another process wrote meanwhile.
      fs.writeFileSync(file, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    }
  }
  fileKeys.set(file, key);
  return key;
}
