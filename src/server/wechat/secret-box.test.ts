import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../platform/config.js';
import { decryptSecret, encryptSecret, secretKeyOf, SecretBoxError } from './secret-box.js';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('encryptSecret / decryptSecret', () => {
  const key = randomBytes(32);

  it('round-trips, and the box holds neither the secret nor a fixed value (random IV)', () => {
    const a = encryptSecret(SECRET, key);
    const b = encryptSecret(SECRET, key);
    expect(decryptSecret(a, key)).toBe(SECRET);
    expect(decryptSecret(b, key)).toBe(SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SECRET);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  });

  it('round-trips Chinese text and the empty string', () => {
    expect(decryptSecret(encryptSecret('公众号密钥', key), key)).toBe('公众号密钥');
    expect(decryptSecret(encryptSecret('', key), key)).toBe('');
  });

  it('refuses a box under another key, an altered box and an unknown format', () => {
    const box = encryptSecret(SECRET, key);
    expect(() => decryptSecret(box, randomBytes(32))).toThrow(SecretBoxError);
    const [v, iv, tag, data] = box.split(':') as [string, string, string, string];
    const flipped = Buffer.from(data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString('base64')].join(':'), key)).toThrow(SecretBoxError);
    expect(() => decryptSecret(`v2:${iv}:${tag}:${data}`, key)).toThrow(SecretBoxError);
    expect(() => decryptSecret(SECRET, key)).toThrow(SecretBoxError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptSecret(SECRET, randomBytes(16))).toThrow(SecretBoxError);
  });
});

describe('secretKeyOf', () => {
  it('uses SECRET_KEY given as hex or base64', () => {
    const raw = randomBytes(32);
    expect(secretKeyOf(loadConfig({ SECRET_KEY: raw.toString('hex') })).equals(raw)).toBe(true);
    expect(secretKeyOf(loadConfig({ SECRET_KEY: raw.toString('base64') })).equals(raw)).toBe(true);
  });

  it('refuses a SECRET_KEY of the wrong size without echoing it', () => {
    const short = randomBytes(16).toString('hex');
    try {
      loadConfig({ SECRET_KEY: short });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.join('\n')).toContain('SECRET_KEY');
      expect((e as ConfigError).problems.join('\n')).not.toContain(short);
    }
  });

  it('without SECRET_KEY generates DATA_DIR/secret.key once (owner-only) and reads it back after a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-key-'));
    try {
      const first = secretKeyOf(loadConfig({ DATA_DIR: dir }));
      const file = path.join(dir, 'secret.key');
      expect(first.length).toBe(32);
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      const box = encryptSecret(SECRET, first);
      // Another process (a restart) reads the same key from the file.
      const again = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      expect(decryptSecret(box, again)).toBe(SECRET);
      expect(secretKeyOf(loadConfig({ DATA_DIR: dir })).equals(first)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('WECHAT_API_BASE', () => {
  it('defaults to the platform and takes a loopback base without its trailing slash', () => {
    expect(loadConfig({}).wechatApiBase).toBe('https://api.weixin.qq.com');
    expect(loadConfig({ WECHAT_API_BASE: 'http://127.0.0.1:4567/' }).wechatApiBase).toBe('http://127.0.0.1:4567');
    expect(() => loadConfig({ WECHAT_API_BASE: 'ftp://x' })).toThrow(/WECHAT_API_BASE/);
  });
});
