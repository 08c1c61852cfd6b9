import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckChar } from '../../src/domain/enterprises/index.js';
import { as, backends, errorFields, errorOf, signIn, startTestApp, type Session, type TestApp } from './harness.js';

for (const backend of backends()) {
  describe(`bad input [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    const api = (s: Session) => as(t.app, s);
    const departmentCount = async () => ((await api(admin)({ url: '/api/departments' })).json() as { total: number }).total;

    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await signIn(t.app, 'admin');
    });
    afterAll(() => t.close());

    it('answers 400 VALIDATION_FAILED on params.id when the id in the path is not a uuid', async () => {
      const calls = [
        { method: 'GET' as const, url: '/api/enterprises/not-a-uuid' },
        { method: 'PATCH' as const, url: '/api/enterprises/123', payload: { description: 'x' } },
        { method: 'GET' as const, url: '/api/users/xyz' },
        { method: 'DELETE' as const, url: '/api/departments/00000000-0000-0000-0000' },
        { method: 'GET' as const, url: '/api/enterprises/imports/not-a-job' },
      ];
      for (const call of calls) {
        const res = await api(admin)(call);
        expect(res.statusCode, call.url).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(errorFields(res)).toEqual(['params.id']);
      }
    });

    it('answers 404 NOT_FOUND as JSON when the route does not exist', async () => {
      for (const call of [{ url: '/api/no-such-thing' }, { method: 'POST' as const, url: '/api/enterprises/bulk-delete', payload: {} }, { url: '/not-api/page' }]) {
        const res = await api(admin)(call);
        expect(res.statusCode, call.url).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(errorOf(res).code).toBe('NOT_FOUND');
        expect(errorOf(res).message).toBeTruthy();
      }
    });

    it('answers 400 naming the field when strings are longer than allowed', async () => {
      const cases: { call: Parameters<ReturnType<typeof as>>[0]; field: string }[] = [
        { call: { method: 'POST', url: '/api/departments', payload: { name: '部'.repeat(101), kind: 'responsible' } }, field: 'name' },
        { call: { method: 'POST', url: '/api/themes', payload: { name: '题'.repeat(41) } }, field: 'name' },
        { call: { method: 'PATCH', url: '/api/zone', payload: { name: '区'.repeat(101) } }, field: 'name' },
        { call: { url: `/api/enterprises?q=${encodeURIComponent('搜'.repeat(101))}` }, field: 'querystring.q' },
        { call: { url: `/api/audit?action=${'a'.repeat(65)}` }, field: 'querystring.action' },
      ];
      for (const { call, field } of cases) {
        const res = await api(admin)(call);
        expect(res.statusCode, `${call.url} ${field}`).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(errorFields(res)).toContain(field);
      }
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'u'.repeat(65), password: 'x' } });
      expect(login.statusCode).toBe(400);
      expect(errorFields(login)).toContain('username');
    });

    it('answers 400 on the enterprise text fields when address, description or a contact name is too long', async () => {
      const id = ((await api(admin)({ url: '/api/enterprises?pageSize=1' })).json() as { items: { id: string }[] }).items[0]!.id;
      const before = (await api(admin)({ url: `/api/enterprises/${id}` })).json() as Record<string, unknown>;
      const cases: [Record<string, unknown>, string][] = [
        [{ address: '址'.repeat(301) }, 'address'],
        [{ description: '述'.repeat(2001) }, 'description'],
        [{ contacts: [{ name: '名'.repeat(65) }] }, 'contacts.0.name'],
        [{ legalRepresentative: '人'.repeat(65) }, 'legalRepresentative'],
      ];
      for (const [payload, field] of cases) {
        const res = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${id}`, payload });
        expect(res.statusCode, field).toBe(400);
        expect(errorFields(res)).toContain(field);
      }
      const after = (await api(admin)({ url: `/api/enterprises/${id}` })).json() as Record<string, unknown>;
      expect(after).toEqual(before);
    });

    it('answers 400 on querystring fields when the query has an unknown parameter or a non-number page', async () => {
      const extra = await api(admin)({ url: '/api/enterprises?colour=red' });
      expect(extra.statusCode).toBe(400);
      expect(errorFields(extra)).toEqual(['querystring.colour']);
      const page = await api(admin)({ url: '/api/enterprises?page=abc' });
      expect(page.statusCode).toBe(400);
      expect(errorFields(page)).toEqual(['querystring.page']);
    });

    it('answers 400 when the body is an array, empty, or not JSON', async () => {
      const before = await departmentCount();
      const array = await api(admin)({ method: 'POST', url: '/api/departments', payload: [{ name: '数组部门', kind: 'responsible' }] });
      expect(array.statusCode).toBe(400);
      expect(errorOf(array).code).toBe('VALIDATION_FAILED');
      const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
      const empty = await t.app.inject({ method: 'POST', url: '/api/departments', payload: '', headers: { ...headers, 'content-type': 'application/json' } });
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty).code).toBe('BAD_REQUEST');
      const text = await t.app.inject({ method: 'POST', url: '/api/departments', payload: 'name=x', headers: { ...headers, 'content-type': 'text/plain' } });
      expect(text.statusCode).toBe(400);
      const proto = await t.app.inject({
        method: 'POST', url: '/api/departments', payload: '{"name":"原型部门","kind":"responsible","__proto__":{"admin":true}}',
        headers: { ...headers, 'content-type': 'application/json' },
      });
      expect(proto.statusCode).toBe(400);
      expect(await departmentCount()).toBe(before);
    });

    it('answers 413 PAYLOAD_TOO_LARGE when a JSON body is over the 2 MiB limit', async () => {
      const before = await departmentCount();
      const res = await api(admin)({ method: 'POST', url: '/api/departments', payload: { name: 'x'.repeat(3 * 1024 * 1024), kind: 'responsible' } });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
      expect(await departmentCount()).toBe(before);
    });

    it('answers one 200 and 409 for the rest, never 500, when the same username, department or USCC is created three times at once', async () => {
      const first17 = '91360200MAW000001';
      const uscc = first17 + computeUsccCheckChar(first17);
      const races = [
        { payload: { username: 'racer', displayName: '并发用户', password: 'Race-pass-2026', roles: ['leader'] }, url: '/api/users', code: 'USERNAME_TAKEN' },
        { payload: { name: '并发部门', kind: 'responsible' }, url: '/api/departments', code: 'CONFLICT' },
        { payload: { name: '景德镇并发有限公司', uscc }, url: '/api/enterprises', code: 'USCC_DUPLICATE' },
      ];
      for (const race of races) {
        const replies = await Promise.all([1, 2, 3].map(() => api(admin)({ method: 'POST', url: race.url, payload: race.payload })));
        const outcome = replies.map((r) => (r.statusCode === 200 ? '200' : `${r.statusCode} ${errorOf(r).code}`)).sort();
        // The request that loses the race may get the generic CONFLICT instead of the specific code.
        const losing = outcome.slice(1).map((o) => o.replace(`409 ${race.code}`, '409 CONFLICT'));
        expect(outcome[0], race.url).toBe('200');
        expect(losing, race.url).toEqual(['409 CONFLICT', '409 CONFLICT']);
      }
    });

    it('answers 400, not 500, when a text field or a search contains a NUL character', async () => {
      const before = await departmentCount();
      const calls = [
        api(admin)({ method: 'POST', url: '/api/departments', payload: { name: '空\u0000字符', kind: 'responsible' } }),
        api(admin)({ url: '/api/enterprises?q=a%00b' }),
        api(admin)({ url: '/api/users?q=%00' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode, res.body).toBe(400);
        expect(errorOf(res).code).toMatch(/^(VALIDATION_FAILED|BAD_REQUEST)$/);
      }
      expect(await departmentCount()).toBe(before);
      // Signing in with such a name is a client error too (a refusal, not a crash).
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'whatever-1' } });
      expect([400, 401], login.body).toContain(login.statusCode);
    });
  });
}
