import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckChar, industrySectionOf, USCC_ALPHABET } from '../../src/domain/enterprises/index.js';
import { demoEnterprises } from '../../src/server/demo/demo-data.js';
import { ERROR_CODES } from '../../src/contracts/errors.js';
import type { EnterpriseDetail, EnterpriseSummary, YearlyFigures } from '../../src/contracts/enterprises.js';
import {
  as, auditEntries, backends, errorFields, errorOf, signIn, startTestApp, type Session, type TestApp,
} from './harness.js';

type Page = { items: EnterpriseSummary[]; total: number };
type Theme = { id: string; name: string };

const CJK = /[\u4e00-\u9fff]/;
const demo = demoEnterprises();

/** A valid USCC of a Jingdezhen company ('91360200MA' + 7 characters + check), distinct from the demo's ('…MA0…'). */
function testUscc(n: number): string {
  const first17 = `91360200MAT${String(n).padStart(6, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

/** The same code with a wrong 18th character. */
function withWrongCheck(uscc: string): string {
  const right = uscc.charAt(17);
  const wrong = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(right) + 1) % USCC_ALPHABET.length);
  return uscc.slice(0, 17) + wrong;
}

function figures(year: number, revenue: number | null, employees: number | null = null): YearlyFigures {
  return {
    year, employees, revenue, mainRevenue: null, totalAssets: null, liabilities: null, rdExpense: null, rdStaff: null,
    ipInvention: null, ipUtilityModel: null, ipDesign: null, ipSoftware: null, ipOther: null, equityFinancing: null,
  };
}

for (const backend of backends()) {
  describe(`enterprises [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    let leader: Session;
    let department: Session;
    let cadre: Session;
    let enterprise: Session;
    let themes: Theme[] = [];
    let all: EnterpriseSummary[] = [];
    let cadreId = '';
    let ownId = '';
    let serial = 1;
    const api = (s: Session) => as(t.app, s);
    const list = async (s: Session, query: string): Promise<Page> => {
      const res = await api(s)({ url: `/api/enterprises${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Page;
    };
    const total = async () => (await list(admin, '?pageSize=1')).total;

    beforeAll(async () => {
      t = await startTestApp(backend);
      [admin, leader, department, cadre, enterprise] = await Promise.all(
        ['admin', 'leader', 'department', 'cadre', 'enterprise'].map((u) => signIn(t.app, u)),
      ) as [Session, Session, Session, Session, Session];
      themes = ((await api(admin)({ url: '/api/themes' })).json() as { items: Theme[] }).items;
      all = (await list(admin, '?pageSize=200')).items;
      cadreId = ((await api(cadre)({ url: '/api/auth/me' })).json() as { id: string }).id;
      ownId = ((await api(enterprise)({ url: '/api/auth/me' })).json() as { enterpriseId: string }).enterpriseId;
    });
    afterAll(() => t.close());

    describe('list', () => {
      it('counts all 200 demo enterprises when staff of any role list them', async () => {
        expect(demo.length).toBe(200);
        for (const s of [admin, leader, department, cadre]) expect((await list(s, '')).total).toBe(demo.length);
        expect(all).toHaveLength(demo.length);
        expect(new Set(all.map((e) => e.uscc))).toEqual(new Set(demo.map((e) => e.uscc)));
      });

      it('returns consecutive, non-overlapping pages in the default order when page and pageSize are given', async () => {
        const p1 = await list(admin, '?page=1&pageSize=15');
        const p2 = await list(admin, '?page=2&pageSize=15');
        expect(p1.total).toBe(200);
        expect(p1.items).toHaveLength(15);
        expect(p2.items).toHaveLength(15);
        expect(p1.items.map((e) => e.id)).toEqual(all.slice(0, 15).map((e) => e.id));
        expect(p2.items.map((e) => e.id)).toEqual(all.slice(15, 30).map((e) => e.id));
        const last = await list(admin, '?page=14&pageSize=15');
        expect(last.items).toHaveLength(200 - 13 * 15);
        expect((await list(admin, '?page=99&pageSize=15')).items).toEqual([]);
      });

      it('answers 400 VALIDATION_FAILED when pageSize is above 200 or page is 0', async () => {
        const big = await api(admin)({ url: '/api/enterprises?pageSize=201' });
        expect(big.statusCode).toBe(400);
        expect(errorFields(big)).toContain('querystring.pageSize');
        const zero = await api(admin)({ url: '/api/enterprises?page=0' });
        expect(zero.statusCode).toBe(400);
        expect(errorFields(zero)).toContain('querystring.page');
      });

      it('finds the enterprises whose name contains the search term when q is part of a name', async () => {
        const term = '崧原';
        const res = await list(admin, `?pageSize=200&q=${encodeURIComponent(term)}`);
        const expected = demo.filter((e) => e.name.includes(term));
        expect(expected.length).toBeGreaterThan(1);
        expect(res.total).toBe(expected.length);
        expect(res.items.every((e) => e.name.includes(term))).toBe(true);
        expect(res.items.map((e) => e.name)).toContain('崧原半导体（景德镇）有限公司');
      });

      it('treats % and _ in q as plain characters when searching', async () => {
        expect((await list(admin, `?q=${encodeURIComponent('%')}`)).total).toBe(0);
        expect((await list(admin, `?q=${encodeURIComponent('_')}`)).total).toBe(0);
      });

      it('lists exactly the enterprises of a theme when filtered by themeId', async () => {
        expect(themes.length).toBeGreaterThan(0);
        for (const theme of themes) {
          const res = await list(admin, `?pageSize=200&themeId=${theme.id}`);
          expect(res.total, theme.name).toBe(demo.filter((e) => e.theme === theme.name).length);
          expect(res.items.every((e) => e.themes.some((x) => x.id === theme.id))).toBe(true);
        }
      });

      it('lists exactly the enterprises of an industry section when filtered by industrySection', async () => {
        const res = await list(admin, '?pageSize=200&industrySection=C');
        const expected = demo.filter((e) => industrySectionOf(e.industryDivision) === 'C').length;
        expect(expected).toBeGreaterThan(0);
        expect(res.total).toBe(expected);
        expect(res.items.every((e) => e.industrySection === 'C')).toBe(true);
        const bad = await api(admin)({ url: '/api/enterprises?industrySection=CC' });
        expect(bad.statusCode).toBe(400);
      });

      it('splits the zone into above-scale and other enterprises when filtered by aboveScale', async () => {
        const above = await list(admin, '?pageSize=200&aboveScale=true');
        const below = await list(admin, '?pageSize=200&aboveScale=false');
        expect(above.total).toBe(demo.filter((e) => e.aboveScale).length);
        expect(above.items.every((e) => e.aboveScale)).toBe(true);
        expect(below.items.every((e) => !e.aboveScale)).toBe(true);
        expect(above.total + below.total).toBe(200);
      });

      it('lists the enterprises holding a currently valid qualification when filtered by qualification', async () => {
        for (const kind of ['high-tech', 'tech-sme', 'specialised-sme']) {
          const res = await list(admin, `?pageSize=200&qualification=${kind}`);
          const expected = all.filter((e) => e.qualificationKinds.includes(kind)).map((e) => e.id).sort();
          expect(res.items.map((e) => e.id).sort(), kind).toEqual(expected);
          expect(res.total).toBe(expected.length);
        }
      });

      it('lists a cadre’s enterprises when filtered by cadreId', async () => {
        const res = await list(admin, `?pageSize=200&cadreId=${cadreId}`);
        expect(res.total).toBe(demo.filter((e) => e.cadreIndex % 4 === 0).length);
        expect(res.items.every((e) => e.cadreId === cadreId && e.cadreName === '张国栋')).toBe(true);
      });

      it('orders by the latest year’s revenue, largest first, when sort=latestRevenue&order=desc', async () => {
        const res = await list(admin, '?pageSize=200&sort=latestRevenue&order=desc');
        const revenues = res.items.map((e) => e.latestRevenue);
        expect(revenues.every((r) => typeof r === 'number')).toBe(true);
        for (let i = 1; i < revenues.length; i++) expect(revenues[i - 1]!).toBeGreaterThanOrEqual(revenues[i]!);
        const max = Math.max(...demo.map((e) => e.figures.find((f) => f.year === 2025)!.revenue));
        expect(revenues[0]).toBe(max);
        const asc = await list(admin, '?pageSize=5&sort=latestRevenue&order=asc');
        expect(asc.items[0]!.latestRevenue).toBe(Math.min(...demo.map((e) => e.figures.find((f) => f.year === 2025)!.revenue)));
      });

      it('shows an enterprise user only its own enterprise when it lists, and 404 for any other id', async () => {
        const res = await list(enterprise, '?pageSize=200');
        expect(res.total).toBe(1);
        expect(res.items.map((e) => e.id)).toEqual([ownId]);
        expect(res.items[0]!.name).toBe('崧原半导体（景德镇）有限公司');
        expect((await list(enterprise, `?themeId=${themes[0]!.id}&pageSize=200`)).items.every((e) => e.id === ownId)).toBe(true);

        const own = await api(enterprise)({ url: `/api/enterprises/${ownId}` });
        expect(own.statusCode).toBe(200);
        expect((own.json() as EnterpriseDetail).canEdit).toBe(true);
        const other = all.find((e) => e.id !== ownId)!;
        const res404 = await api(enterprise)({ url: `/api/enterprises/${other.id}` });
        expect(res404.statusCode).toBe(404);
        expect(errorOf(res404).code).toBe('NOT_FOUND');
        const patch404 = await api(enterprise)({ method: 'PATCH', url: `/api/enterprises/${other.id}`, payload: { address: '别人的地址' } });
        expect(patch404.statusCode).toBe(404);
      });

      it('lets a department user read any enterprise without the right to edit it', async () => {
        const res = await api(department)({ url: `/api/enterprises/${all[5]!.id}` });
        expect(res.statusCode).toBe(200);
        expect((res.json() as EnterpriseDetail).canEdit).toBe(false);
      });
    });

    describe('create', () => {
      it('creates the enterprise and returns its detail when the USCC is valid', async () => {
        const before = await total();
        const uscc = testUscc(serial++);
        const theme = themes[0]!;
        const res = await api(admin)({
          method: 'POST', url: '/api/enterprises',
          payload: {
            name: '景德镇测试新材料有限公司', uscc, industryDivision: '30', foundedOn: '2020-05-01', cadreId, themeIds: [theme.id],
            contacts: [{ name: '测试联系人', phone: '138 0000 0000', isPrimary: true }],
            qualifications: [{ kind: 'high-tech', validFrom: '2025-01-01', validUntil: '2099-12-31' }],
            figures: [figures(2024, 1_000_000, 20), figures(2025, 2_500_000.5, 25)],
          },
        });
        expect(res.statusCode, res.body).toBe(200);
        const d = res.json() as EnterpriseDetail;
        expect(d).toMatchObject({
          name: '景德镇测试新材料有限公司', uscc, industryDivision: '30', industrySection: 'C', foundedOn: '2020-05-01', aboveScale: false,
          cadreId, cadreName: '张国栋', latestYear: 2025, latestRevenue: 2_500_000.5, latestEmployees: 25, canEdit: true, isDemo: false,
        });
        expect(d.themes).toEqual([{ id: theme.id, name: theme.name }]);
        expect(d.contacts).toHaveLength(1);
        expect(d.qualifications[0]).toMatchObject({ kind: 'high-tech', valid: true });
        expect(d.qualificationKinds).toEqual(['high-tech']);
        expect(await total()).toBe(before + 1);
        const fetched = await api(leader)({ url: `/api/enterprises/${d.id}` });
        expect(fetched.json()).toMatchObject({ id: d.id, uscc });
        const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: d.id });
        expect(audit.map((a) => a.action)).toEqual(['enterprise.created']);
        expect(audit[0]!.after).toMatchObject({ name: '景德镇测试新材料有限公司' });
      });

      it('normalises a USCC typed in lower case with spaces when creating', async () => {
        const uscc = testUscc(serial++);
        const typed = ` ${uscc.slice(0, 6).toLowerCase()} ${uscc.slice(6, 12).toLowerCase()}  ${uscc.slice(12).toLowerCase()} `;
        const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇小写代码有限公司', uscc: typed } });
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as EnterpriseDetail).uscc).toBe(uscc);
        // The normalised code is the one that is unique.
        const dup = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇重复代码有限公司', uscc } });
        expect(dup.statusCode).toBe(409);
      });

      it('answers 400 USCC_INVALID on field uscc with a Chinese message when the check character is wrong', async () => {
        const before = await total();
        const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇校验错误有限公司', uscc: withWrongCheck(testUscc(serial++)) } });
        expect(res.statusCode).toBe(400);
        const error = errorOf(res);
        expect(error.code).toBe('USCC_INVALID');
        expect(error.message).toMatch(CJK);
        const details = error.details as { field: string; message: string }[];
        expect(details[0]!.field).toBe('uscc');
        expect(details[0]!.message).toMatch(CJK);
        expect(details[0]!.message).toContain('校验码');
        expect(await total()).toBe(before);
      });

      it('answers 409 USCC_DUPLICATE when another enterprise of the zone has the USCC', async () => {
        const before = await total();
        const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇撞码有限公司', uscc: demo[3]!.uscc.toLowerCase() } });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res).code).toBe('USCC_DUPLICATE');
        expect(errorFields(res)).toEqual(['uscc']);
        expect(await total()).toBe(before);
      });

      it('answers 400 VALIDATION_FAILED naming the field when the body has an unknown field', async () => {
        const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇多字段有限公司', uscc: testUscc(serial++), colour: 'red' } });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(errorFields(res)).toContain('colour');
      });

      it('answers 400 VALIDATION_FAILED on name when name is a number, missing, or 201 characters long', async () => {
        const before = await total();
        const cases = [{ name: 123 }, {}, { name: '企'.repeat(201) }];
        for (const c of cases) {
          const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { uscc: testUscc(serial++), ...c } });
          expect(res.statusCode, JSON.stringify(c).slice(0, 40)).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          expect(errorFields(res)).toContain('name');
        }
        const exactly200 = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '企'.repeat(200), uscc: testUscc(serial++) } });
        expect(exactly200.statusCode).toBe(200);
        expect(await total()).toBe(before + 1);
      });

      it('answers 400 VALIDATION_FAILED on foundedOn when the date does not exist (2026-02-30)', async () => {
        const before = await total();
        for (const foundedOn of ['2026-02-30', '2026-13-01', '20260101']) {
          const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇日期有限公司', uscc: testUscc(serial++), foundedOn } });
          expect(res.statusCode, foundedOn).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          expect(errorFields(res)).toContain('foundedOn');
        }
        expect(await total()).toBe(before);
      });

      it('answers 400 on the nested field when a contact or a year of figures is invalid', async () => {
        const bad = await api(admin)({
          method: 'POST', url: '/api/enterprises',
          payload: { name: '景德镇嵌套有限公司', uscc: testUscc(serial++), contacts: [{ name: '甲', email: 'not-an-email' }], figures: [figures(1980, 5)] },
        });
        expect(bad.statusCode).toBe(400);
        expect(errorFields(bad)).toEqual(expect.arrayContaining(['contacts.0.email', 'figures.0.year']));
        const dupYears = await api(admin)({
          method: 'POST', url: '/api/enterprises',
          payload: { name: '景德镇重复年度有限公司', uscc: testUscc(serial++), figures: [figures(2025, 1), figures(2025, 2)] },
        });
        expect(dupYears.statusCode).toBe(400);
        expect(errorFields(dupYears)).toContain('figures.1.year');
      });

      it('answers 400 BAD_REQUEST and creates nothing when the JSON body is malformed', async () => {
        const before = await total();
        const res = await t.app.inject({
          method: 'POST', url: '/api/enterprises', payload: '{"name":',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(errorOf(res).code).toBe('BAD_REQUEST');
        expect(await total()).toBe(before);
      });

      it('answers 403 FORBIDDEN when a department user, a cadre or an enterprise user creates an enterprise', async () => {
        const before = await total();
        for (const s of [department, cadre, enterprise, leader]) {
          const res = await api(s)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇越权有限公司', uscc: testUscc(serial++) } });
          expect(res.statusCode).toBe(403);
          expect(errorOf(res).code).toBe('FORBIDDEN');
        }
        expect(await total()).toBe(before);
      });

      it('answers in English when the request carries x-yiqi-lang: en', async () => {
        const en = { 'x-yiqi-lang': 'en' };
        const uscc = await api(admin)({ method: 'POST', url: '/api/enterprises', headers: en, payload: { name: '景德镇英文有限公司', uscc: withWrongCheck(testUscc(serial++)) } });
        expect(uscc.statusCode).toBe(400);
        expect(errorOf(uscc).message).toBe(ERROR_CODES.USCC_INVALID.en);
        const type = await api(admin)({ method: 'POST', url: '/api/enterprises', headers: en, payload: { name: 123, uscc: testUscc(serial++) } });
        expect(errorOf(type).message).toBe(ERROR_CODES.VALIDATION_FAILED.en);
        const details = errorOf(type).details as { field: string; message: string }[];
        expect(details.find((d) => d.field === 'name')!.message).not.toMatch(CJK);
        const forbidden = await api(department)({ method: 'POST', url: '/api/enterprises', headers: en, payload: { name: '景德镇越权有限公司', uscc: testUscc(serial++) } });
        expect(errorOf(forbidden).message).toBe(ERROR_CODES.FORBIDDEN.en);
        const zh = await api(department)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇越权有限公司', uscc: testUscc(serial++) } });
        expect(errorOf(zh).message).toBe(ERROR_CODES.FORBIDDEN.zh);
      });
    });

    describe('patch', () => {
      it('lets the enterprise user change its own contacts, figures and address, and audits before and after', async () => {
        const res = await api(enterprise)({
          method: 'PATCH', url: `/api/enterprises/${ownId}`,
          payload: {
            address: '江西省景德镇市高新区梧桐大道 8 号',
            contacts: [{ name: '陈远达', title: '总经理', phone: '13900000000', isPrimary: true }, { name: '李会计', phone: '0798-8300123' }],
            figures: [figures(2026, 88_000_000, 320)],
          },
        });
        expect(res.statusCode, res.body).toBe(200);
        const d = res.json() as EnterpriseDetail;
        expect(d.address).toBe('江西省景德镇市高新区梧桐大道 8 号');
        expect(d.contacts.map((c) => c.name)).toEqual(['陈远达', '李会计']);
        expect(d.figures.map((f) => f.year)).toEqual([2026]);
        expect(d).toMatchObject({ latestYear: 2026, latestRevenue: 88_000_000, latestEmployees: 320 });
        const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: ownId, action: 'enterprise.updated' });
        expect(audit).toHaveLength(1);
        expect(audit[0]!.after).toMatchObject({ address: '江西省景德镇市高新区梧桐大道 8 号' });
        expect((audit[0]!.before as { address: string }).address).not.toBe('江西省景德镇市高新区梧桐大道 8 号');
        expect((audit[0]!.before as { contacts: unknown[] }).contacts).toHaveLength(1);
      });

      it('answers 403 FORBIDDEN naming the field and changes nothing when the enterprise user changes uscc, cadreId or name', async () => {
        const before = (await api(enterprise)({ url: `/api/enterprises/${ownId}` })).json() as EnterpriseDetail;
        const cases: Record<string, unknown>[] = [{ uscc: testUscc(serial++) }, { cadreId: null }, { leaderId: null }, { name: '崧原改名有限公司' }, { aboveScale: !before.aboveScale, address: 'x' }];
        for (const payload of cases) {
          const res = await api(enterprise)({ method: 'PATCH', url: `/api/enterprises/${ownId}`, payload });
          expect(res.statusCode, JSON.stringify(payload)).toBe(403);
          expect(errorOf(res).code).toBe('FORBIDDEN');
          expect(errorFields(res)).toContain(Object.keys(payload)[0]);
        }
        const after = (await api(enterprise)({ url: `/api/enterprises/${ownId}` })).json() as EnterpriseDetail;
        expect(after).toMatchObject({ uscc: before.uscc, cadreId: before.cadreId, leaderId: before.leaderId, name: before.name, aboveScale: before.aboveScale, address: before.address });
      });

      it('lets a cadre edit an enterprise assigned to them, and answers 403 for one assigned to someone else', async () => {
        const mine = all.find((e) => e.cadreId === cadreId && e.id !== ownId)!;
        const theirs = all.find((e) => e.cadreId !== null && e.cadreId !== cadreId)!;
        const ok = await api(cadre)({ method: 'PATCH', url: `/api/enterprises/${mine.id}`, payload: { description: '走访记录：需求已对接', aboveScale: true } });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json()).toMatchObject({ description: '走访记录：需求已对接', aboveScale: true, canEdit: true });
        const no = await api(cadre)({ method: 'PATCH', url: `/api/enterprises/${theirs.id}`, payload: { description: '越权修改' } });
        expect(no.statusCode).toBe(403);
        expect(errorOf(no).code).toBe('FORBIDDEN');
        expect(((await api(admin)({ url: `/api/enterprises/${theirs.id}` })).json() as EnterpriseDetail).description).not.toBe('越权修改');
        const read = await api(cadre)({ url: `/api/enterprises/${theirs.id}` });
        expect((read.json() as EnterpriseDetail).canEdit).toBe(false);
      });

      it('answers 403 when a department user or a leader patches an enterprise', async () => {
        for (const s of [department, leader]) {
          const res = await api(s)({ method: 'PATCH', url: `/api/enterprises/${all[7]!.id}`, payload: { description: '越权' } });
          expect(res.statusCode).toBe(403);
        }
      });

      it('lets the administrator change the USCC, and answers 409 when the new USCC belongs to another enterprise', async () => {
        // One that no other test touches (not the cadre's, not the enterprise user's).
        const target = all.find((e, i) => i > 100 && e.cadreId !== cadreId && e.id !== ownId)!;
        const uscc = testUscc(serial++);
        const ok = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { uscc: uscc.toLowerCase() } });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((ok.json() as EnterpriseDetail).uscc).toBe(uscc);
        const same = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { uscc } });
        expect(same.statusCode).toBe(200);
        const taken = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { uscc: all[11]!.uscc } });
        expect(taken.statusCode).toBe(409);
        expect(errorOf(taken).code).toBe('USCC_DUPLICATE');
        const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: target.id, action: 'enterprise.updated' });
        expect(audit).toHaveLength(2);
        expect(audit.some((a) => (a.before as { uscc: string }).uscc === target.uscc)).toBe(true);
      });

      it('records the stored (normalised) USCC in the audit entry when the USCC was typed in lower case', async () => {
        const uscc = testUscc(serial++);
        const created = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇审计代码有限公司', uscc: uscc.toLowerCase() } });
        expect(created.statusCode).toBe(200);
        const id = (created.json() as EnterpriseDetail).id;
        const target = all.find((e, i) => i > 120 && e.cadreId !== cadreId && e.id !== ownId)!;
        const next = testUscc(serial++);
        const patched = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { uscc: ` ${next.toLowerCase()} ` } });
        expect(patched.statusCode).toBe(200);
        const createdAudit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: id, action: 'enterprise.created' });
        expect((createdAudit[0]!.after as { uscc: string }).uscc).toBe(uscc);
        const patchedAudit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: target.id, action: 'enterprise.updated' });
        expect((patchedAudit[0]!.after as { uscc: string }).uscc).toBe(next);
      });

      it('answers 404 when patching an enterprise id that does not exist', async () => {
        const res = await api(admin)({ method: 'PATCH', url: '/api/enterprises/00000000-0000-4000-8000-000000000000', payload: { description: 'x' } });
        expect(res.statusCode).toBe(404);
        expect(errorOf(res).code).toBe('NOT_FOUND');
      });
    });

    describe('liaison leader (包联领导)', () => {
      let leaderId = '';
      let leader2Id = '';
      // Enterprises no other test touches: past the ones the patch tests pick, not the cadre's, not the enterprise user's.
      const spare = (n: number) => all.filter((e, i) => i > 170 && e.cadreId !== cadreId && e.id !== ownId)[n]!;

      beforeAll(async () => {
        leaderId = ((await api(leader)({ url: '/api/auth/me' })).json() as { id: string }).id;
        leader2Id = ((await api(await signIn(t.app, 'leader2'))({ url: '/api/auth/me' })).json() as { id: string }).id;
      });

      it('gives the demo enterprises leader and leader2 in turn, and lists a leader’s enterprises when filtered by leaderId', async () => {
        const first = await list(admin, `?pageSize=200&leaderId=${leaderId}`);
        const second = await list(admin, `?pageSize=200&leaderId=${leader2Id}`);
        expect(first.total).toBe(demo.length / 2);
        expect(second.total).toBe(demo.length / 2);
        expect(first.items.every((e) => e.leaderId === leaderId && e.leaderName === '王建华')).toBe(true);
        expect(second.items.every((e) => e.leaderId === leader2Id && e.leaderName === '李志远')).toBe(true);
        const byUscc = new Map(all.map((e) => [e.uscc, e]));
        demo.forEach((e, i) => expect(byUscc.get(e.uscc)!.leaderId, e.name).toBe(i % 2 === 0 ? leaderId : leader2Id));
      });

      it('lets a coordinator (a registrar, not an admin) list the leaders to choose from', async () => {
        const coordinator = await signIn(t.app, 'coordinator');
        const res = await api(coordinator)({ url: '/api/users?role=leader&pageSize=200' });
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as { items: { id: string }[] }).items.map((u) => u.id)).toEqual(expect.arrayContaining([leaderId, leader2Id]));
      });

      it('creates an enterprise with a leader and audits the leaderId', async () => {
        const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇包联测试有限公司', uscc: testUscc(serial++), leaderId: leader2Id } });
        expect(res.statusCode, res.body).toBe(200);
        const d = res.json() as EnterpriseDetail;
        expect(d).toMatchObject({ leaderId: leader2Id, leaderName: '李志远' });
        const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: d.id, action: 'enterprise.created' });
        expect(audit[0]!.after).toMatchObject({ leaderId: leader2Id });
        const none = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇无包联有限公司', uscc: testUscc(serial++) } });
        expect(none.json()).toMatchObject({ leaderId: null, leaderName: null });
      });

      it('answers 400 VALIDATION_FAILED on leaderId when the user is not a leader, is inactive or does not exist', async () => {
        const retired = await api(admin)({
          method: 'POST', url: '/api/users', payload: { username: 'retired-leader', displayName: '退休领导', password: 'retired-pass-2026', roles: ['leader'] },
        });
        expect(retired.statusCode, retired.body).toBe(200);
        const retiredId = (retired.json() as { id: string }).id;
        expect((await api(admin)({ method: 'PATCH', url: `/api/users/${retiredId}`, payload: { active: false } })).statusCode).toBe(200);
        const before = await total();
        for (const id of [cadreId, retiredId, '00000000-0000-4000-8000-000000000000']) {
          const res = await api(admin)({ method: 'POST', url: '/api/enterprises', payload: { name: '景德镇错领导有限公司', uscc: testUscc(serial++), leaderId: id } });
          expect(res.statusCode, id).toBe(400);
          expect(errorOf(res).code).toBe('VALIDATION_FAILED');
          expect(errorFields(res)).toEqual(['leaderId']);
        }
        expect(await total()).toBe(before);
        const patch = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${spare(0).id}`, payload: { leaderId: cadreId } });
        expect(patch.statusCode).toBe(400);
        expect(errorFields(patch)).toEqual(['leaderId']);
      });

      it('lets a registrar change or clear the leader, and audits the leader before and after', async () => {
        const target = spare(1);
        const other = target.leaderId === leaderId ? leader2Id : leaderId;
        const coordinator = await signIn(t.app, 'coordinator');
        const changed = await api(coordinator)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { leaderId: other } });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(changed.json()).toMatchObject({ leaderId: other, leaderName: other === leaderId ? '王建华' : '李志远' });
        const cleared = await api(admin)({ method: 'PATCH', url: `/api/enterprises/${target.id}`, payload: { leaderId: null } });
        expect(cleared.json()).toMatchObject({ leaderId: null, leaderName: null });
        const audit = await auditEntries(t.app, admin, { entity: 'enterprise', entityId: target.id, action: 'enterprise.updated' });
        expect(audit.map((a) => [(a.before as { leaderId: string | null }).leaderId, (a.after as { leaderId: string | null }).leaderId])).toEqual(
          expect.arrayContaining([[target.leaderId, other], [other, null]]),
        );
      });

      it('answers 403 naming leaderId when a cadre changes the leader of its own enterprise, yet lets it send the leader unchanged', async () => {
        const mine = all.find((e) => e.cadreId === cadreId && e.id !== ownId)!;
        const other = mine.leaderId === leaderId ? leader2Id : leaderId;
        const res = await api(cadre)({ method: 'PATCH', url: `/api/enterprises/${mine.id}`, payload: { leaderId: other } });
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
        expect(errorFields(res)).toEqual(['leaderId']);
        const same = await api(cadre)({ method: 'PATCH', url: `/api/enterprises/${mine.id}`, payload: { leaderId: mine.leaderId, description: '包联领导不变' } });
        expect(same.statusCode, same.body).toBe(200);
        expect(same.json()).toMatchObject({ leaderId: mine.leaderId, description: '包联领导不变' });
      });
    });
  });
}
