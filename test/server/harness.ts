import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { emptyPostgresDatabase, openDatabase } from '../../src/db/client.js';
import { loadConfig } from '../../src/server/platform/config.js';
import type { AppContext, Clock } from '../../src/server/platform/context.js';
import { buildApp } from '../../src/server/app.js';
import { loadDemo } from '../../src/server/demo/demo.service.js';

/**
 * Server tests run on every backend available: always the embedded PGlite; a
 * PostgreSQL server when YIQI_TEST_DATABASE_URL is set (.ci/run sets it). With
 * YIQI_REQUIRE_POSTGRES=1 (CI) a missing server is a failure, not a skip.
 */
export type Backend = { name: 'pglite' | 'postgres'; url: string | null };

export const TEST_DATABASE_URL = process.env.YIQI_TEST_DATABASE_URL || null;
export const REQUIRE_POSTGRES = process.env.YIQI_REQUIRE_POSTGRES === '1';

export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', url: null }];
  if (TEST_DATABASE_URL) list.push({ name: 'postgres', url: TEST_DATABASE_URL });
  else if (REQUIRE_POSTGRES) throw new Error('YIQI_REQUIRE_POSTGRES=1 but YIQI_TEST_DATABASE_URL is not set');
  else if (!warned) {
    warned = true;
    process.stderr.write('\n[yiqi tests] PostgreSQL server tests SKIPPED: set YIQI_TEST_DATABASE_URL (see .ci/run)\n\n');
  }
  return list;
}
let warned = false;

export const DEMO_PASSWORD = 'demo-pass-2026';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  /** The app's clock: `set(date)` freezes it at that instant, `set(null)` returns to real time. */
  clock: Clock & { set(d: Date | null): void };
  close(): Promise<void>;
};

/** A fresh database (migrated, demo zone loaded) and the HTTP app on it. */
/**
 * `pgliteDir`: keep the embedded database in this directory instead of memory, so that a
 * second context can open it after the first closed (a restart).
 */
export async function startTestApp(backend: Backend, opts: { demo?: boolean; pgliteDir?: string } = {}): Promise<TestApp> {
  if (backend.url) await emptyPostgresDatabase(backend.url);
  const database = await openDatabase({ databaseUrl: backend.url, dataDir: backend.url ? null : (opts.pgliteDir ?? null) });
  await database.migrate();
  let now: Date | null = null;
  const clock = { now: () => now ?? new Date(), set: (d: Date | null) => { now = d; } };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-test-'));
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15', DATA_DIR: dataDir }), databaseUrl: backend.url };
  const ctx: AppContext = { database, db: database.db, config, clock };
  if (opts.demo !== false) await loadDemo(ctx, { password: DEMO_PASSWORD });
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.ready();
  return {
    app, ctx, clock,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrf: string };

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yiqi_session');
  return { cookie: `yiqi_session=${cookie!.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

type Call = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> };

/** An HTTP call as a signed-in user (cookie + CSRF header). */
export function as(app: FastifyInstance, s: Session) {
  return (call: Call): Promise<LightMyRequestResponse> =>
    app.inject({
      method: call.method ?? 'GET',
      url: call.url,
      payload: call.payload as never,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(call.headers ?? {}) },
    });
}

/** The `{ error: { code, message, details } }` body of a failed call. */
export type ErrorJson = { error: { code: string; message: string; details?: { field: string; reason: string; message: string }[] | Record<string, unknown> } };

export function errorOf(res: LightMyRequestResponse): ErrorJson['error'] {
  return (res.json() as ErrorJson).error;
}

/** The field names an error's details list (empty when details is not a field list). */
export function errorFields(res: LightMyRequestResponse): string[] {
  const details = errorOf(res).details;
  return Array.isArray(details) ? details.map((d) => d.field) : [];
}

export type AuditItem = {
  id: string; at: string; actorId: string | null; actorName: string | null; action: string; entity: string; entityId: string | null;
  before: unknown; after: unknown;
};

/** Audit entries matching `query`, read through the API as an administrator. */
export async function auditEntries(app: FastifyInstance, admin: Session, query: Record<string, string>): Promise<AuditItem[]> {
  const qs = new URLSearchParams({ pageSize: '200', ...query }).toString();
  const res = await as(app, admin)({ url: `/api/audit?${qs}` });
  if (res.statusCode !== 200) throw new Error(`audit query failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: AuditItem[] }).items;
}

/** The session id inside a session cookie (`yiqi_session=<zone>.<session>.<secret>`). */
export function sessionIdOf(s: Session): string {
  return s.cookie.split('=')[1]!.split('.')[1]!;
}
