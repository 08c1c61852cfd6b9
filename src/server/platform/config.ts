import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * All configuration, read from the environment in one place and validated at
 * boot (conventions.md: nothing else reads process.env). A bad value stops the
 * process with a message naming the variable.
 */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoPassword: string | null;
  loadDemo: boolean;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  uploadMaxBytes: number;
  /** How often the background worker looks for due reminders, escalations and e-mail. */
  jobIntervalMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secureCookies: boolean;
  webDir: string;
  /** smtp:// or smtps:// URL of the outgoing mail server; null disables e-mail. Holds a password: never log it. */
  smtpUrl: string | null;
  smtpFrom: string;
  /**
   * SECRET_KEY: 32 bytes that encrypt stored credentials (the WeChat AppSecret). Null when unset:
   * the server then uses DATA_DIR/secret.key, generated on first use (src/server/wechat/secret-box.ts).
   * Never log it.
   */
  secretKey: Buffer | null;
  /** Base URL of the WeChat official-account API (tests point it at a server on loopback). */
  wechatApiBase: string;
};

type Spec = {
  name: string;
  default: string;
  meaning: string;
};

export const DEFAULT_SMTP_FROM = '益企平台 <noreply@yiqi.local>';
export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com';

/** The documented variables (README's table is generated from the same list). */
export const CONFIG_VARIABLES: readonly Spec[] = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'interface to listen on' },
  { name: 'DATA_DIR', default: './data', meaning: 'embedded database (PGlite) and uploaded files' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'postgres://… — use a PostgreSQL server instead of the embedded database' },
  { name: 'DEMO_PASSWORD', default: '(generated)', meaning: 'password of every demo account; if unset, one is generated and printed once' },
  { name: 'LOAD_DEMO', default: 'true', meaning: 'load the demo zone on first start when the database is empty' },
  { name: 'SESSION_TTL_HOURS', default: '12', meaning: 'a session expires this many hours after sign-in' },
  { name: 'LOGIN_MAX_FAILURES', default: '5', meaning: 'failed sign-ins in a row before the account is locked' },
  { name: 'LOGIN_LOCK_MINUTES', default: '15', meaning: 'how long a locked account stays locked' },
  { name: 'UPLOAD_MAX_MB', default: '20', meaning: 'largest accepted upload' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'SECURE_COOKIES', default: 'false', meaning: 'mark cookies Secure (set true behind HTTPS)' },
  { name: 'JOB_INTERVAL_SECONDS', default: '30', meaning: 'how often background jobs (deadline reminders, escalations, automatic closing, e-mail) are looked for' },
  { name: 'SMTP_URL', default: '(unset)', meaning: 'smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS) — outgoing mail server; e-mail is disabled when unset' },
  { name: 'SMTP_FROM', default: DEFAULT_SMTP_FROM, meaning: 'sender of outgoing e-mail' },
  { name: 'SECRET_KEY', default: '(DATA_DIR/secret.key)', meaning: '32 bytes as 64 hex digits or base64 — encrypts stored credentials (the WeChat AppSecret); if unset, a key is generated once and kept in DATA_DIR/secret.key. Set it when DATA_DIR is not kept (PostgreSQL deployments), and keep it: without it the stored AppSecret must be entered again' },
  { name: 'WECHAT_API_BASE', default: DEFAULT_WECHAT_API_BASE, meaning: 'WeChat official-account API (change only for testing)' },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const get = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(raw);
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };

  const databaseUrl = get('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demoPassword = get('DEMO_PASSWORD') ?? null;
  if (demoPassword !== null && demoPassword.length < 8) problems.push('DEMO_PASSWORD must have at least 8 characters');
  const logLevel = (get('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL="${logLevel}" must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const host = get('HOST') ?? '0.0.0.0';
  const smtpUrl = get('SMTP_URL') ?? null;
  // The URL carries a password, so problems name the variable but never echo its value.
  if (smtpUrl !== null && !isSmtpUrl(smtpUrl)) {
    problems.push('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  const smtpFrom = get('SMTP_FROM') ?? DEFAULT_SMTP_FROM;
  if (!/^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(smtpFrom)) {
    problems.push(`SMTP_FROM="${smtpFrom}" must be an address, optionally with a name: 益企平台 <noreply@example.org>`);
  }

  const secretKey = parseSecretKey(get('SECRET_KEY'), problems);
  const wechatApiBase = (get('WECHAT_API_BASE') ?? DEFAULT_WECHAT_API_BASE).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(wechatApiBase) || !URL.canParse(wechatApiBase)) {
    problems.push(`WECHAT_API_BASE="${wechatApiBase}" must be a base URL such as ${DEFAULT_WECHAT_API_BASE}`);
  }

  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host,
    dataDir: path.resolve(cwd, get('DATA_DIR') ?? './data'),
    databaseUrl,
    demoPassword,
    loadDemo: bool('LOAD_DEMO', true),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    jobIntervalMs: int('JOB_INTERVAL_SECONDS', 30, 1, 3600) * 1000,
    logLevel,
    secureCookies: bool('SECURE_COOKIES', false),
    webDir: fileURLToPath(new URL('../../../dist/web', import.meta.url)),
    smtpUrl,
    smtpFrom,
    secretKey,
    wechatApiBase,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isSmtpUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
}

/** 32 bytes given as 64 hex digits or as base64; the problem never echoes the value (it is a key). */
function parseSecretKey(raw: string | undefined, problems: string[]): Buffer | null {
  if (raw === undefined) return null;
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) {
    const key = Buffer.from(raw, 'base64');
    if (key.length === 32) return key;
  }
  problems.push('SECRET_KEY must be 32 bytes written as 64 hex digits or in base64 (e.g. the output of `openssl rand -hex 32`)');
  return null;
}
