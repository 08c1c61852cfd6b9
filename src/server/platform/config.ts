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
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secureCookies: boolean;
  webDir: string;
};

type Spec = {
  name: string;
  default: string;
  meaning: string;
};

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
    logLevel,
    secureCookies: bool('SECURE_COOKIES', false),
    webDir: fileURLToPath(new URL('../../../dist/web', import.meta.url)),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
