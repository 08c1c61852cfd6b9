import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  as, auditEntries, backends, DEMO_PASSWORD, errorFields, errorOf, sessionIdOf, signIn, startTestApp, type Session, type TestApp,
} from './harness.js';

const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const me = (t: TestApp, s: Session) => as(t.app, s)({ url: '/api/auth/me' });

for (const backend of backends()) {
  describe(`auth [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await signIn(t.app, 'admin');
    });
    afterAll(() => t.close());
    afterEach(() => t.clock.set(null));

    it('answers GET /api/health with ok when the database is reachable, without signing in', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    });

    it('sets an httpOnly SameSite session cookie and returns the CSRF token when the password is right', async () => {
      const res = await login(t, 'leader', DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { csrfToken: string; user: { username: string; csrfToken: string } };
      expect(typeof body.csrfToken).toBe('string');
      expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
      expect(body.user.username).toBe('leader');
      expect(body.user.csrfToken).toBe(body.csrfToken);
      const cookie = res.cookies.find((c) => c.name === 'yiqi_session');
      expect(cookie).toBeDefined();
      expect(cookie!.httpOnly).toBe(true);
      expect(String(cookie!.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
      expect(cookie!.path).toBe('/');
      const header = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).join('\n');
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=(Lax|Strict)/i);
      // The password never comes back.
      expect(res.body).not.toContain(DEMO_PASSWORD);
      expect(res.body).not.toMatch(/passwordHash|argon2/);
    });

    it('describes the signed-in user on /api/auth/me when asked by admin, a department user and an enterprise user', async () => {
      const adminMe = (await me(t, admin)).json() as Record<string, unknown>;
      expect(adminMe).toMatchObject({ username: 'admin', displayName: '系统管理员', roles: ['admin'] });
      expect(adminMe.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(adminMe.zoneId).toMatch(/^[0-9a-f-]{36}$/);
      expect(adminMe).not.toHaveProperty('departmentId');
      expect(adminMe).not.toHaveProperty('enterpriseId');
      expect(adminMe).not.toHaveProperty('passwordHash');

      const departments = (await as(t.app, admin)({ url: `/api/departments?q=${encodeURIComponent('自然资源和规划分局')}` })).json() as {
        items: { id: string; name: string }[];
      };
      const natural = departments.items.find((d) => d.name === '自然资源和规划分局');
      expect(natural).toBeDefined();
      const dept = await signIn(t.app, 'department');
      const deptMe = (await me(t, dept)).json() as Record<string, unknown>;
      expect(deptMe).toMatchObject({ username: 'department', roles: ['department'], departmentId: natural!.id, zoneId: adminMe.zoneId });
      expect(deptMe).not.toHaveProperty('enterpriseId');

      const list = (await as(t.app, admin)({ url: `/api/enterprises?q=${encodeURIComponent('崧原半导体（景德镇）有限公司')}` })).json() as {
        items: { id: string; name: string }[];
      };
      const songyuan = list.items.find((e) => e.name === '崧原半导体（景德镇）有限公司');
      expect(songyuan).toBeDefined();
      const ent = await signIn(t.app, 'enterprise');
      const entMe = (await me(t, ent)).json() as Record<string, unknown>;
      expect(entMe).toMatchObject({ username: 'enterprise', roles: ['enterprise'], enterpriseId: songyuan!.id, zoneId: adminMe.zoneId });
      expect(entMe).not.toHaveProperty('departmentId');
    });

    it('refuses with 401 INVALID_CREDENTIALS and sets no cookie when the password is wrong', async () => {
      const res = await login(t, 'leader2', 'not-the-password-1');
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies.find((c) => c.name === 'yiqi_session')).toBeUndefined();
    });

    it('refuses with the same 401 INVALID_CREDENTIALS when the username is unknown', async () => {
      const res = await login(t, 'nobody-here', DEMO_PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('INVALID_CREDENTIALS');
      expect(errorOf(res).message).toBe((await login(t, 'leader2', 'not-the-password-2')).json().error.message);
    });

    it('locks the account after 5 failures even for the right password, and lets it in again 16 minutes later', async () => {
      const start = Date.now();
      t.clock.set(new Date(start));
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await login(t, 'cadre4', `wrong-password-${i}`);
        codes.push(`${res.statusCode} ${errorOf(res).code}`);
      }
      expect(codes.slice(0, 4)).toEqual(Array(4).fill('401 INVALID_CREDENTIALS'));
      expect(codes[4]).toBe('423 ACCOUNT_LOCKED');

      const locked = await login(t, 'cadre4', DEMO_PASSWORD);
      expect(locked.statusCode).toBe(423);
      expect(errorOf(locked).code).toBe('ACCOUNT_LOCKED');
      const until = (errorOf(locked).details as { lockedUntil: string }).lockedUntil;
      expect(new Date(until).getTime()).toBe(start + 15 * 60_000);
      expect(locked.cookies.find((c) => c.name === 'yiqi_session')).toBeUndefined();

      t.clock.set(new Date(start + 14 * 60_000));
      expect((await login(t, 'cadre4', DEMO_PASSWORD)).statusCode).toBe(423);

      t.clock.set(new Date(start + 16 * 60_000));
      const again = await login(t, 'cadre4', DEMO_PASSWORD);
      expect(again.statusCode).toBe(200);

      const locks = await auditEntries(t.app, admin, { action: 'auth.locked' });
      expect(locks.some((a) => (a.after as { lockedUntil: string }).lockedUntil === until)).toBe(true);
    });

    it('refuses a POST with 403 CSRF_FAILED and changes nothing when x-csrf-token is missing or wrong', async () => {
      const name = 'CSRF检查用部门';
      const missing = await t.app.inject({
        method: 'POST', url: '/api/departments', payload: { name, kind: 'responsible' }, headers: { cookie: admin.cookie },
      });
      expect(missing.statusCode).toBe(403);
      expect(errorOf(missing).code).toBe('CSRF_FAILED');
      const wrong = await t.app.inject({
        method: 'POST', url: '/api/departments', payload: { name, kind: 'responsible' }, headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      });
      expect(wrong.statusCode).toBe(403);
      expect(errorOf(wrong).code).toBe('CSRF_FAILED');
      const list = await as(t.app, admin)({ url: `/api/departments?q=${encodeURIComponent(name)}` });
      expect(list.json().total).toBe(0);
      // The same call with the token goes through.
      const ok = await as(t.app, admin)({ method: 'POST', url: '/api/departments', payload: { name, kind: 'responsible' } });
      expect(ok.statusCode).toBe(200);
    });

    it('answers 401 UNAUTHENTICATED when GET /api/enterprises comes without a session or with a forged cookie', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/enterprises' });
      expect(anonymous.statusCode).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
      const forged = admin.cookie.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      const res = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie: forged } });
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    });

    it('ends the session and records auth.logout when the user signs out', async () => {
      const s = await signIn(t.app, 'leader2');
      expect((await me(t, s)).statusCode).toBe(200);
      const out = await as(t.app, s)({ method: 'POST', url: '/api/auth/logout' });
      expect(out.statusCode).toBe(200);
      expect(out.json()).toEqual({ ok: true });
      const after = await me(t, s);
      expect(after.statusCode).toBe(401);
      expect(errorOf(after).code).toBe('UNAUTHENTICATED');
      const entries = await auditEntries(t.app, admin, { action: 'auth.logout' });
      expect(entries.some((a) => a.entityId === sessionIdOf(s))).toBe(true);
    });

    it('changes the password, keeps this session and ends the others when the current password is right', async () => {
      const s1 = await signIn(t.app, 'cadre3');
      const s2 = await signIn(t.app, 'cadre3');
      const change = (current: string, next: string) =>
        as(t.app, s1)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: current, newPassword: next } });

      const wrong = await change('not-my-password-9', 'Brand-new-pass-2026');
      expect(wrong.statusCode).toBe(400);
      expect(errorOf(wrong).code).toBe('WRONG_PASSWORD');
      expect(errorFields(wrong)).toContain('currentPassword');

      const weak = await change(DEMO_PASSWORD, 'onlyletters');
      expect(weak.statusCode).toBe(400);
      expect(errorOf(weak).code).toBe('WEAK_PASSWORD');
      expect(errorFields(weak)).toContain('newPassword');
      // Neither attempt changed anything: the other session still works.
      expect((await me(t, s2)).statusCode).toBe(200);

      const ok = await change(DEMO_PASSWORD, 'Brand-new-pass-2026');
      expect(ok.statusCode).toBe(200);
      expect((await me(t, s1)).statusCode).toBe(200);
      expect((await me(t, s2)).statusCode).toBe(401);
      expect((await login(t, 'cadre3', DEMO_PASSWORD)).statusCode).toBe(401);
      const fresh = await signIn(t.app, 'cadre3', 'Brand-new-pass-2026');
      expect((await me(t, fresh)).json()).toMatchObject({ username: 'cadre3', mustChangePassword: false });
    });

    it('answers 401 when the session is used 13 hours after sign-in, and still works 11 hours after', async () => {
      const start = Date.now();
      t.clock.set(new Date(start));
      const s = await signIn(t.app, 'coordinator');
      t.clock.set(new Date(start + 11 * 3_600_000));
      expect((await me(t, s)).statusCode).toBe(200);
      t.clock.set(new Date(start + 13 * 3_600_000));
      const expired = await me(t, s);
      expect(expired.statusCode).toBe(401);
      expect(errorOf(expired).code).toBe('UNAUTHENTICATED');
      const post = await as(t.app, s)({ method: 'POST', url: '/api/auth/logout' });
      expect(post.statusCode).toBe(401);
    });

    it('writes an auth.login audit entry naming the user and the session for every sign-in', async () => {
      const s = await signIn(t.app, 'industry');
      const who = (await me(t, s)).json() as { id: string; displayName: string };
      const entries = await auditEntries(t.app, admin, { action: 'auth.login' });
      const entry = entries.find((a) => a.entityId === sessionIdOf(s));
      expect(entry).toBeDefined();
      expect(entry).toMatchObject({ action: 'auth.login', entity: 'session', actorId: who.id, actorName: who.displayName });
      // Admin's own sign-in in beforeAll is there too.
      expect(entries.some((a) => a.entityId === sessionIdOf(admin))).toBe(true);
    });

    it('keeps the audit log from anyone but the administrator', async () => {
      const s = await signIn(t.app, 'leader');
      const res = await as(t.app, s)({ url: '/api/audit?action=auth.login' });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    });
  });
}
