import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_DEPARTMENTS } from '../../src/server/demo/demo-data.js';
import {
  as, auditEntries, backends, DEMO_PASSWORD, errorFields, errorOf, signIn, startTestApp, type Session, type TestApp,
} from './harness.js';

type Department = { id: string; name: string; kind: string; phone: string | null; active: boolean; userCount: number };
type User = {
  id: string; username: string; displayName: string; roles: string[]; departmentId: string | null; enterpriseId: string | null;
  active: boolean; lockedUntil: string | null;
};

const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

for (const backend of backends()) {
  describe(`identity [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    let leader: Session;
    let departments: Department[] = [];
    const api = (s: Session) => as(t.app, s);
    const deptId = (name: string) => departments.find((d) => d.name === name)!.id;

    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await signIn(t.app, 'admin');
      leader = await signIn(t.app, 'leader');
      departments = ((await api(admin)({ url: '/api/departments' })).json() as { items: Department[] }).items;
    });
    afterAll(() => t.close());

    describe('departments', () => {
      it('lists every demo department when no filter is given', () => {
        expect(departments.map((d) => d.name).sort()).toEqual(DEMO_DEPARTMENTS.map((d) => d.name).sort());
      });

      it('counts the users of each department in userCount when listing departments', async () => {
        for (const name of ['自然资源和规划分局', '企业服务中心', '财政金融局']) {
          const members = (await api(admin)({ url: `/api/users?departmentId=${deptId(name)}` })).json() as { total: number };
          expect(departments.find((d) => d.name === name)!.userCount, name).toBe(members.total);
        }
        expect(departments.find((d) => d.name === '自然资源和规划分局')!.userCount).toBeGreaterThan(0);
      });

      it('lists only departments of that kind when filtered by kind', async () => {
        for (const kind of ['coordinating', 'responsible', 'approval', 'industry']) {
          const res = await api(leader)({ url: `/api/departments?kind=${kind}` });
          expect(res.statusCode).toBe(200);
          const body = res.json() as { items: Department[]; total: number };
          const expected = DEMO_DEPARTMENTS.filter((d) => d.kind === kind).map((d) => d.name).sort();
          expect(body.items.map((d) => d.name).sort()).toEqual(expected);
          expect(body.total).toBe(expected.length);
          expect(body.items.every((d) => d.kind === kind)).toBe(true);
        }
      });

      it('rejects an unknown kind with 400 VALIDATION_FAILED on querystring.kind', async () => {
        const res = await api(admin)({ url: '/api/departments?kind=secret' });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(errorFields(res)).toContain('querystring.kind');
      });

      it('creates, renames and deletes a department when the administrator asks, auditing each change', async () => {
        const created = await api(admin)({ method: 'POST', url: '/api/departments', payload: { name: '  应急管理分局 ', kind: 'responsible', phone: '0798-8300099' } });
        expect(created.statusCode).toBe(200);
        const d = created.json() as Department;
        expect(d).toMatchObject({ name: '应急管理分局', kind: 'responsible', phone: '0798-8300099', active: true, userCount: 0 });

        const patched = await api(admin)({ method: 'PATCH', url: `/api/departments/${d.id}`, payload: { name: '应急管理局', active: false } });
        expect(patched.statusCode).toBe(200);
        expect(patched.json()).toMatchObject({ id: d.id, name: '应急管理局', kind: 'responsible', active: false });
        const listed = (await api(admin)({ url: `/api/departments?q=${encodeURIComponent('应急管理')}` })).json() as { items: Department[] };
        expect(listed.items.map((x) => x.name)).toEqual(['应急管理局']);

        const removed = await api(admin)({ method: 'DELETE', url: `/api/departments/${d.id}` });
        expect(removed.statusCode).toBe(200);
        expect((await api(admin)({ url: `/api/departments?q=${encodeURIComponent('应急管理')}` })).json().total).toBe(0);
        const again = await api(admin)({ method: 'DELETE', url: `/api/departments/${d.id}` });
        expect(again.statusCode).toBe(404);
        expect(errorOf(again).code).toBe('NOT_FOUND');

        const audit = await auditEntries(t.app, admin, { entity: 'department', entityId: d.id });
        expect(audit.map((a) => a.action).sort()).toEqual(['department.created', 'department.deleted', 'department.updated']);
        const update = audit.find((a) => a.action === 'department.updated')!;
        expect(update.before).toMatchObject({ name: '应急管理分局', active: true });
        expect(update.after).toMatchObject({ name: '应急管理局', active: false });
      });

      it('answers 409 CONFLICT on field name when a department with that name exists', async () => {
        const res = await api(admin)({ method: 'POST', url: '/api/departments', payload: { name: '生态环境分局', kind: 'responsible' } });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res).code).toBe('CONFLICT');
        expect(errorFields(res)).toEqual(['name']);
        const rename = await api(admin)({ method: 'PATCH', url: `/api/departments/${deptId('财政金融局')}`, payload: { name: '生态环境分局' } });
        expect(rename.statusCode).toBe(409);
        expect(errorFields(rename)).toEqual(['name']);
        const count = (await api(admin)({ url: '/api/departments' })).json().total;
        expect(count).toBe(DEMO_DEPARTMENTS.length);
      });

      it('answers 409 IN_USE and keeps the department when it still has users', async () => {
        const id = deptId('自然资源和规划分局');
        const res = await api(admin)({ method: 'DELETE', url: `/api/departments/${id}` });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res).code).toBe('IN_USE');
        const list = (await api(admin)({ url: '/api/departments' })).json() as { items: Department[] };
        expect(list.items.some((d) => d.id === id)).toBe(true);
      });

      it('answers 403 FORBIDDEN when someone other than the administrator creates, patches or deletes a department', async () => {
        const coordinator = await signIn(t.app, 'coordinator');
        const create = await api(coordinator)({ method: 'POST', url: '/api/departments', payload: { name: '越权部门', kind: 'responsible' } });
        expect(create.statusCode).toBe(403);
        expect(errorOf(create).code).toBe('FORBIDDEN');
        const patch = await api(leader)({ method: 'PATCH', url: `/api/departments/${deptId('财政金融局')}`, payload: { phone: null } });
        expect(patch.statusCode).toBe(403);
        const del = await api(leader)({ method: 'DELETE', url: `/api/departments/${deptId('财政金融局')}` });
        expect(del.statusCode).toBe(403);
        expect((await api(admin)({ url: `/api/departments?q=${encodeURIComponent('越权部门')}` })).json().total).toBe(0);
      });
    });

    describe('users', () => {
      const base = { displayName: '测试用户', password: 'Start-pass-2026', roles: ['department'] };

      it('answers 400 VALIDATION_FAILED on departmentId when a department user is created without a department', async () => {
        const res = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, username: 'no-dept-user' } });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(errorFields(res)).toContain('departmentId');
        const ent = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, username: 'no-ent-user', roles: ['enterprise'] } });
        expect(ent.statusCode).toBe(400);
        expect(errorFields(ent)).toContain('enterpriseId');
        const users = (await api(admin)({ url: '/api/users?q=no-' })).json();
        expect(users.total).toBe(0);
      });

      it('answers 400 on field username when the username is too short, has forbidden characters or is missing', async () => {
        for (const username of ['ab', 'has space', '用户名', 'x'.repeat(65)]) {
          const res = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, username, departmentId: deptId('财政金融局') } });
          expect(res.statusCode, username).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          expect(errorFields(res)).toContain('username');
        }
        const missing = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, departmentId: deptId('财政金融局') } });
        expect(missing.statusCode).toBe(400);
        expect(errorFields(missing)).toContain('username');
      });

      it('answers 400 on roles when the role is unknown, and WEAK_PASSWORD when the password lacks digits', async () => {
        const role = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, username: 'badrole', roles: ['superuser'] } });
        expect(role.statusCode).toBe(400);
        expect(errorFields(role).some((f) => f.startsWith('roles'))).toBe(true);
        const weak = await api(admin)({
          method: 'POST', url: '/api/users', payload: { ...base, username: 'weakpass', password: 'onlyletters', departmentId: deptId('财政金融局') },
        });
        expect(weak.statusCode).toBe(400);
        expect(errorOf(weak).code).toBe('WEAK_PASSWORD');
        expect(errorFields(weak)).toContain('password');
      });

      it('answers 409 USERNAME_TAKEN when the username is in use', async () => {
        const res = await api(admin)({ method: 'POST', url: '/api/users', payload: { ...base, username: 'cadre', roles: ['cadre'] } });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res).code).toBe('USERNAME_TAKEN');
        expect(errorFields(res)).toContain('username');
      });

      it('creates a user who must change the password at first sign-in, and audits the creation', async () => {
        const res = await api(admin)({
          method: 'POST', url: '/api/users',
          payload: { ...base, username: 'finance.clerk', displayName: '财政专员', departmentId: deptId('财政金融局'), phone: '13800000001' },
        });
        expect(res.statusCode).toBe(200);
        const user = res.json() as User & Record<string, unknown>;
        expect(user).toMatchObject({
          username: 'finance.clerk', displayName: '财政专员', roles: ['department'], departmentId: deptId('财政金融局'), active: true, lockedUntil: null,
        });
        expect(user).not.toHaveProperty('passwordHash');
        expect(user).not.toHaveProperty('failedLogins');
        const s = await signIn(t.app, 'finance.clerk', 'Start-pass-2026');
        const me = (await api(s)({ url: '/api/auth/me' })).json();
        expect(me).toMatchObject({ id: user.id, mustChangePassword: true, departmentId: deptId('财政金融局') });
        const audit = await auditEntries(t.app, admin, { entity: 'user', entityId: user.id });
        const created = audit.find((a) => a.action === 'user.created');
        expect(created?.after).toMatchObject({ username: 'finance.clerk', roles: ['department'], active: true });
        expect(JSON.stringify(created?.after)).not.toContain('Start-pass-2026');
      });

      it('resets the password: old sessions end, the new password works and must be changed', async () => {
        const target = (await api(admin)({ url: '/api/users?q=cadre2' })).json().items[0] as User;
        const before = await signIn(t.app, 'cadre2');
        const res = await api(admin)({ method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: { newPassword: 'Reset-pass-2026' } });
        expect(res.statusCode).toBe(200);
        expect((await api(before)({ url: '/api/auth/me' })).statusCode).toBe(401);
        expect((await login(t, 'cadre2', DEMO_PASSWORD)).statusCode).toBe(401);
        const after = await signIn(t.app, 'cadre2', 'Reset-pass-2026');
        expect((await api(after)({ url: '/api/auth/me' })).json()).toMatchObject({ mustChangePassword: true });
        const audit = await auditEntries(t.app, admin, { entity: 'user', entityId: target.id, action: 'user.password_reset' });
        expect(audit).toHaveLength(1);
        const weak = await api(admin)({ method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: { newPassword: '12345678' } });
        expect(weak.statusCode).toBe(400);
        expect(errorOf(weak).code).toBe('WEAK_PASSWORD');
      });

      it('unlocks a locked account so that it can sign in again', async () => {
        const target = (await api(admin)({ url: '/api/users?q=approval' })).json().items[0] as User;
        // Factory: put the account in the locked state directly (locking through the API costs five slow failures; auth.test.ts does that).
        const until = new Date(Date.now() + 10 * 60_000);
        await t.ctx.db.execute(sql`update users set locked_until = ${until.toISOString()}::timestamptz where id = ${target.id}::uuid`);
        const locked = await login(t, 'approval', DEMO_PASSWORD);
        expect(locked.statusCode).toBe(423);
        expect(errorOf(locked).code).toBe('ACCOUNT_LOCKED');
        expect((await api(admin)({ url: `/api/users/${target.id}` })).json().lockedUntil).toBe(until.toISOString());

        const unlock = await api(admin)({ method: 'POST', url: `/api/users/${target.id}/unlock` });
        expect(unlock.statusCode).toBe(200);
        expect(unlock.json()).toMatchObject({ id: target.id, lockedUntil: null });
        expect((await login(t, 'approval', DEMO_PASSWORD)).statusCode).toBe(200);
        const audit = await auditEntries(t.app, admin, { entity: 'user', entityId: target.id, action: 'user.unlocked' });
        expect(audit[0]?.before).toEqual({ lockedUntil: until.toISOString() });
        expect(audit[0]?.after).toEqual({ lockedUntil: null });
      });

      it('deactivates a user: sessions end, sign-in answers 403 ACCOUNT_DISABLED, and the audit keeps before and after', async () => {
        const target = (await api(admin)({ url: '/api/users?q=department2' })).json().items[0] as User;
        const s = await signIn(t.app, 'department2');
        const res = await api(admin)({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { active: false } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id: target.id, active: false });
        expect((await api(s)({ url: '/api/auth/me' })).statusCode).toBe(401);
        const denied = await login(t, 'department2', DEMO_PASSWORD);
        expect(denied.statusCode).toBe(403);
        expect(errorOf(denied).code).toBe('ACCOUNT_DISABLED');
        expect(denied.cookies.find((c) => c.name === 'yiqi_session')).toBeUndefined();

        const audit = await auditEntries(t.app, admin, { entity: 'user', entityId: target.id, action: 'user.updated' });
        expect(audit).toHaveLength(1);
        expect(audit[0]!.before).toMatchObject({ username: 'department2', active: true });
        expect(audit[0]!.after).toMatchObject({ username: 'department2', active: false });

        const reactivate = await api(admin)({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { active: true } });
        expect(reactivate.statusCode).toBe(200);
        expect((await login(t, 'department2', DEMO_PASSWORD)).statusCode).toBe(200);
      });

      it('refuses to let the administrator deactivate themselves', async () => {
        const me = (await api(admin)({ url: '/api/auth/me' })).json() as { id: string };
        const res = await api(admin)({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { active: false } });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect((await api(admin)({ url: '/api/auth/me' })).statusCode).toBe(200);
      });

      it('answers 403 when an enterprise user lists users, and 404 when it reads one', async () => {
        const ent = await signIn(t.app, 'enterprise');
        const res = await api(ent)({ url: '/api/users' });
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
        const adminId = ((await api(admin)({ url: '/api/auth/me' })).json() as { id: string }).id;
        const one = await api(ent)({ url: `/api/users/${adminId}` });
        expect(one.statusCode).toBe(404);
      });

      it('lets staff list users filtered by role, and refuses user management to non-admins', async () => {
        const res = await api(leader)({ url: '/api/users?role=cadre&pageSize=50' });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: User[]; total: number };
        expect(body.items.length).toBe(body.total);
        expect(body.items.map((u) => u.username).sort()).toEqual(['cadre', 'cadre2', 'cadre3', 'cadre4']);
        const create = await api(leader)({
          method: 'POST', url: '/api/users', payload: { ...base, username: 'sneaky', departmentId: deptId('财政金融局') },
        });
        expect(create.statusCode).toBe(403);
      });
    });

    describe('zone settings', () => {
      it('shows the zone to any signed-in user', async () => {
        const ent = await signIn(t.app, 'enterprise');
        const res = await api(ent)({ url: '/api/zone' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ code: 'demo', timeZone: 'Asia/Shanghai', defaultDeadlineDays: 5, isDemo: true });
      });

      it('answers 403 when someone other than the administrator patches the zone', async () => {
        const res = await api(leader)({ method: 'PATCH', url: '/api/zone', payload: { defaultDeadlineDays: 7 } });
        expect(res.statusCode).toBe(403);
        expect((await api(admin)({ url: '/api/zone' })).json().defaultDeadlineDays).toBe(5);
      });

      it('answers 400 on timeZone when the time zone is unknown, and on defaultDeadlineDays when it is 0', async () => {
        const tz = await api(admin)({ method: 'PATCH', url: '/api/zone', payload: { timeZone: 'Mars/Olympus_Mons' } });
        expect(tz.statusCode).toBe(400);
        expect(errorOf(tz).code).toBe('VALIDATION_FAILED');
        expect(errorFields(tz)).toEqual(['timeZone']);
        const zero = await api(admin)({ method: 'PATCH', url: '/api/zone', payload: { defaultDeadlineDays: 0 } });
        expect(zero.statusCode).toBe(400);
        expect(errorOf(zero).code).toBe('VALIDATION_FAILED');
        expect(errorFields(zero)).toEqual(['defaultDeadlineDays']);
        expect((await api(admin)({ url: '/api/zone' })).json()).toMatchObject({ timeZone: 'Asia/Shanghai', defaultDeadlineDays: 5 });
      });

      it('saves a valid patch and audits the zone before and after', async () => {
        const res = await api(admin)({ method: 'PATCH', url: '/api/zone', payload: { defaultDeadlineDays: 7, timeZone: 'Asia/Urumqi' } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ defaultDeadlineDays: 7, timeZone: 'Asia/Urumqi' });
        const zone = (await api(leader)({ url: '/api/zone' })).json() as { id: string };
        const audit = await auditEntries(t.app, admin, { entity: 'zone', entityId: zone.id, action: 'zone.updated' });
        expect(audit[0]?.before).toMatchObject({ defaultDeadlineDays: 5, timeZone: 'Asia/Shanghai' });
        expect(audit[0]?.after).toMatchObject({ defaultDeadlineDays: 7, timeZone: 'Asia/Urumqi' });
        await api(admin)({ method: 'PATCH', url: '/api/zone', payload: { defaultDeadlineDays: 5, timeZone: 'Asia/Shanghai' } });
      });
    });
  });
}
