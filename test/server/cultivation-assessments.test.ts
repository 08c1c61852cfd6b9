import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { AssessmentDetail, AssessmentPrefill, AssessmentSummary, CultivationSettings } from '../../src/contracts/cultivation.js';
import type { CultivationProfile } from '../../src/domain/cultivation/cultivation-profile.js';
import { DEFAULT_CULTIVATION_CONFIG } from '../../src/domain/cultivation/cultivation-config.js';
import { evaluateCultivation } from '../../src/domain/cultivation/evaluate-cultivation.js';
import { explainEvaluation } from '../../src/domain/cultivation/explain-evaluation.js';
import { buildCultivationProfile } from '../../src/domain/cultivation/build-cultivation-profile.js';
import { checkCultivationProfile } from '../../src/domain/cultivation/check-cultivation-profile.js';
import { DEFAULT_CULTIVATION_SETTINGS } from '../../src/domain/cultivation/resolve-cultivation-settings.js';
import { computeUsccCheckChar } from '../../src/domain/enterprises/check-uscc.js';
import { cultivationAssessments, zones } from '../../src/db/schema/index.js';
import { countZoneEnterprises, loadProfileSourcePage, loadProfileSources, profileFromSources, profileSourceOptions } from '../../src/server/cultivation/cultivation-profile-source.repository.js';
import { auditEntries, backends, errorOf, signIn, startTestApp, type TestApp } from './harness.js';
import { at, caller, notificationsAbout, ok, type Api } from './demand-fixtures.js';

type FieldDetail = { field: string; reason: string; message: string };
const fieldsOf = (res: LightMyRequestResponse) => ((errorOf(res).details as FieldDetail[] | undefined) ?? []).map((d) => d.field).sort();
const HAN = /[\u4e00-\u9fff]/;

/** The zone's day in these tests: the 63号 Annex 1 innovative-SME rules apply (still in force in 2026). */
const TODAY = '2026-09-15';

/**
 * An innovative-SME profile (63号 Annex 1) whose R&D ratio sits exactly on a band edge:
 * 600,000 ÷ 20,000,000 = 3 %, the bound between the 3–5 % and the 2–3 % bands. Whether the edge
 * takes the higher band is the zone setting boundaryTakesHigherBand.
 */
const EDGE_PROFILE: CultivationProfile = {
  sector: 'industry',
  employees: 80,
  revenue: 20_000_000,
  revenuePreviousYear: 17_000_000,
  mainBusinessRevenue: 18_000_000,
  mainBusinessRevenuePreviousYear: 15_000_000,
  totalAssets: 30_000_000,
  totalLiabilities: 12_000_000,
  rdExpense: 600_000,
  rdStaff: 12,
  netProfit: 1_500_000,
  yearsInNiche: 6,
  ip: { class1HighValue: 0, class1SelfDeveloped: 0, class1: 2, class2: 3 },
  strategicEmergingIndustry: true,
  honours: [],
  scopeIssues: [],
};

/** A valid USCC distinct from the demo's ('91360200MA' + 'C' + 6 digits + check). */
function testUscc(n: number): string {
  const first17 = `91360200MAC${String(n).padStart(6, '0')}`;
  return first17 + computeUsccCheckChar(first17);
}

const FIGURES = [
  { year: 2025, employees: 120, revenue: 32_000_000, mainRevenue: 30_000_000, totalAssets: 50_000_000, liabilities: 20_000_000, rdExpense: 1_600_000, rdStaff: 25, ipInvention: 3, ipUtilityModel: 4, ipDesign: 1, ipSoftware: 2, ipOther: null, equityFinancing: 0 },
  { year: 2024, employees: 110, revenue: 27_000_000, mainRevenue: 25_000_000, totalAssets: 45_000_000, liabilities: 19_000_000, rdExpense: 1_200_000, rdStaff: 20, ipInvention: 2, ipUtilityModel: 3, ipDesign: 1, ipSoftware: 2, ipOther: null, equityFinancing: 3_000_000 },
  { year: 2023, employees: 100, revenue: 24_000_000, mainRevenue: 22_000_000, totalAssets: 40_000_000, liabilities: 18_000_000, rdExpense: null, rdStaff: 18, ipInvention: 1, ipUtilityModel: 2, ipDesign: 0, ipSoftware: 1, ipOther: null, equityFinancing: null },
];
const QUALIFICATIONS = [
  { kind: 'high-tech', name: '高新技术企业', certificateNo: 'GR202536000123', validFrom: '2025-11-01', validUntil: '2028-10-31' },
  { kind: 'tech-sme', name: '科技型中小企业', certificateNo: null, validFrom: '2023-05-01', validUntil: '2024-04-30' },
];

for (const backend of backends()) {
  describe(`cultivation self-assessments [${backend.name}]`, () => {
    let t: TestApp;
    let industry: Api;
    let admin: Api;
    let enterprise: Api;
    let stranger: Api;
    let leader: Api;
    let department: Api;
    let ownEnterpriseId: string;
    let otherEnterpriseId: string;
    let figuresEnterpriseId: string;

    const rows = async () => Number((await t.ctx.db.select({ n: count() }).from(cultivationAssessments))[0]!.n);
    const storedSettings = async () => (await t.ctx.db.select({ s: zones.cultivationSettings }).from(zones))[0]!.s;
    const create = (api: Api, payload: Record<string, unknown>) => api({ method: 'POST', url: '/api/cultivation/assessments', payload });
    const act = (api: Api, id: string, action: string, payload?: unknown) =>
      api({ method: 'POST', url: `/api/cultivation/assessments/${id}/${action}`, ...(payload === undefined ? {} : { payload }) });
    const read = (api: Api, id: string) => api({ url: `/api/cultivation/assessments/${id}` });
    const save = (api: Api, id: string, profile: unknown) => api({ method: 'PUT', url: `/api/cultivation/assessments/${id}`, payload: { profile } });
    const draft = async (api: Api = enterprise, profile: CultivationProfile = EDGE_PROFILE) =>
      ok<AssessmentDetail>(await create(api, { scheme: 'innovative-sme', profile }));
    /** The domain's explained evaluation of a profile on TODAY, with the given settings. */
    const expected = (profile: CultivationProfile, config = DEFAULT_CULTIVATION_CONFIG) =>
      JSON.parse(JSON.stringify(explainEvaluation(evaluateCultivation('innovative-sme', profile, { on: TODAY, config }), config)));

    beforeAll(async () => {
      t = await startTestApp(backend);
      t.clock.set(at(TODAY));
      industry = await caller(t, 'industry');
      admin = await caller(t, 'admin');
      enterprise = await caller(t, 'enterprise');
      leader = await caller(t, 'leader');
      department = await caller(t, 'department');
      ownEnterpriseId = ok<{ enterpriseId: string }>(await enterprise({ url: '/api/auth/me' })).enterpriseId;
      const ents = ok<{ items: { id: string }[] }>(await admin({ url: '/api/enterprises?pageSize=5&sort=name' }));
      otherEnterpriseId = ents.items.find((e) => e.id !== ownEnterpriseId)!.id;
      ok(await admin({
        method: 'POST', url: '/api/users',
        payload: { username: 'other-enterprise', displayName: '另一家企业', password: 'Other-ent-2026', roles: ['enterprise'], enterpriseId: otherEnterpriseId },
      }));
      stranger = await caller(t, 'other-enterprise', 'Other-ent-2026');
      figuresEnterpriseId = ok<{ id: string }>(await admin({
        method: 'POST', url: '/api/enterprises',
        payload: { name: '景德镇梯度培育测试有限公司', uscc: testUscc(1), sizeSector: 'industry', foundedOn: '2015-03-20', figures: FIGURES, qualifications: QUALIFICATIONS },
      })).id;
    });
    afterAll(async () => t?.close());

    describe('settings', () => {
      it('reads the defaults (10 points, 1 condition) for every staff role and enterprise users', async () => {
        for (const api of [enterprise, department, leader, industry]) {
          expect(ok<CultivationSettings>(await api({ url: '/api/cultivation/settings' }))).toEqual(DEFAULT_CULTIVATION_SETTINGS);
        }
      });

      it('lets only the industry officer and the administrator change them', async () => {
        for (const api of [leader, enterprise, department]) {
          const res = await api({ method: 'PATCH', url: '/api/cultivation/settings', payload: { closeWithinPoints: 5 } });
          expect(res.statusCode).toBe(403);
        }
        expect(await storedSettings()).toEqual({});
      });

      it('refuses provincial indicators that do not add up to 15, in Chinese or English, and changes nothing', async () => {
        const label = { zh: '特色指标', en: 'local indicator' };
        for (const indicators of [[{ key: 'a', label, max: 14 }], [{ key: 'a', label, max: 10 }, { key: 'b', label, max: 6 }]]) {
          const zh = await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { provincialIndicators: indicators, closeWithinPoints: 5 } });
          expect(zh.statusCode).toBe(400);
          expect(errorOf(zh).code).toBe('VALIDATION_FAILED');
          const detail = (errorOf(zh).details as FieldDetail[])[0]!;
          expect(detail).toMatchObject({ field: 'provincialIndicators', reason: 'cultivation-provincial-total' });
          expect(detail.message).toMatch(HAN);
          expect(detail.message).toContain('15');
          const en = await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { provincialIndicators: indicators }, headers: { 'x-yiqi-lang': 'en' } });
          expect((errorOf(en).details as FieldDetail[])[0]!.message).not.toMatch(HAN);
        }
        const dup = await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { provincialIndicators: [{ key: 'a', label, max: 10 }, { key: 'a', label, max: 5 }] } });
        expect(fieldsOf(dup)).toEqual(['provincialIndicators.1.key']);
        expect(await storedSettings()).toEqual({});
      });

      it('stores what a patch names as overrides, audited, and answers the settings in force', async () => {
        const label = { zh: '特色指标', en: 'local indicator' };
        const indicators = [{ key: 'jdz-ceramics', label, max: 10 }, { key: 'jdz-aviation', label, max: 5 }];
        const after = ok<CultivationSettings>(await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { provincialIndicators: indicators } }));
        expect(after).toEqual({ ...DEFAULT_CULTIVATION_SETTINGS, provincialIndicators: indicators });
        expect(await storedSettings()).toEqual({ provincialIndicators: indicators });
        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_settings' });
        expect(audit[0]).toMatchObject({ action: 'cultivation_settings.updated', after: { provincialIndicators: indicators } });
        ok(await admin({ method: 'PATCH', url: '/api/cultivation/settings', payload: { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators } }));
      });

      it('applies boundaryTakesHigherBand: false to the server evaluation of a value on a band edge', async () => {
        const withDefault = expected(EDGE_PROFILE);
        const withLower = expected(EDGE_PROFILE, { ...DEFAULT_CULTIVATION_CONFIG, boundaryTakesHigherBand: false });
        // The profile sits on an edge: the two readings give different scores.
        expect(withLower.total).not.toEqual(withDefault.total);
        const evaluate = async () => ok<unknown>(await enterprise({ method: 'POST', url: '/api/cultivation/evaluate', payload: { scheme: 'innovative-sme', on: TODAY, profile: EDGE_PROFILE } }));
        expect(await evaluate()).toEqual(withDefault);
        ok(await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { boundaryTakesHigherBand: false } }));
        try {
          expect(await evaluate()).toEqual(withLower);
        } finally {
          ok(await industry({ method: 'PATCH', url: '/api/cultivation/settings', payload: { boundaryTakesHigherBand: true } }));
        }
        expect(await evaluate()).toEqual(withDefault);
      });
    });

    describe('POST /api/cultivation/evaluate', () => {
      it('evaluates for any signed-in user, as evaluateCultivation does', async () => {
        for (const api of [department, leader, stranger]) {
          expect(ok<unknown>(await api({ method: 'POST', url: '/api/cultivation/evaluate', payload: { scheme: 'innovative-sme', on: TODAY, profile: EDGE_PROFILE } }))).toEqual(expected(EDGE_PROFILE));
        }
      });

      it('refuses wrong types with each field and its reason, in the language of the request', async () => {
        const profile = { ...EDGE_PROFILE, employees: 'many', revenue: -1, ip: { class1: 1.5 }, honours: ['nobel-prize'] };
        const zh = await enterprise({ method: 'POST', url: '/api/cultivation/evaluate', payload: { scheme: 'innovative-sme', on: TODAY, profile } });
        expect(zh.statusCode).toBe(400);
        expect(errorOf(zh).code).toBe('VALIDATION_FAILED');
        expect(fieldsOf(zh)).toEqual(['profile.employees', 'profile.honours', 'profile.ip.class1', 'profile.revenue']);
        for (const d of errorOf(zh).details as FieldDetail[]) expect(d.message).toMatch(HAN);
        const en = await enterprise({ method: 'POST', url: '/api/cultivation/evaluate', payload: { scheme: 'innovative-sme', on: TODAY, profile }, headers: { 'x-yiqi-lang': 'en' } });
        expect(fieldsOf(en)).toEqual(fieldsOf(zh));
        for (const d of errorOf(en).details as FieldDetail[]) {
          expect(d.message).not.toMatch(HAN);
          expect(Object.keys(d)).not.toContain('messages');
        }
      });

      it('refuses a date before the 2022 rules took effect, on the field `on`', async () => {
        const res = await enterprise({ method: 'POST', url: '/api/cultivation/evaluate', payload: { scheme: 'innovative-sme', on: '2022-05-31', profile: EDGE_PROFILE } });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual(['on']);
        expect(errorOf(res).details).toMatchObject([{ reason: 'cultivation-no-rules' }]);
      });
    });

    describe('prefill', () => {
      it('builds the profile from the yearly figures and the titles valid on the day (default: the zone today)', async () => {
        const p = ok<AssessmentPrefill>(await industry({ url: `/api/cultivation/assessments/prefill?enterpriseId=${figuresEnterpriseId}` }));
        expect(p).toMatchObject({ enterpriseId: figuresEnterpriseId, enterpriseName: '景德镇梯度培育测试有限公司', on: TODAY, priorYear: 2025, settings: DEFAULT_CULTIVATION_SETTINGS });
        const built = buildCultivationProfile({ sizeSector: 'industry', foundedOn: '2015-03-20', figures: FIGURES, qualifications: QUALIFICATIONS, declared: null }, TODAY);
        expect(p.profile).toEqual(JSON.parse(JSON.stringify(built)));
        // The prior year's figures, and the year before; the expired title is not held.
        expect(p.profile).toMatchObject({ revenue: FIGURES[0]!.revenue, revenuePreviousYear: FIGURES[1]!.revenue, employees: FIGURES[0]!.employees, rdExpense: FIGURES[0]!.rdExpense });
        expect(p.profile.honours).toContain('high-tech-enterprise');
        expect(p.profile.honours).not.toContain('tech-sme');
        // A missing figure stays missing.
        expect(p.profile.rdExpenseYearBeforePrevious ?? null).toBeNull();
      });

      it('takes the date asked for: a year earlier reads a year earlier', async () => {
        const p = ok<AssessmentPrefill>(await industry({ url: `/api/cultivation/assessments/prefill?enterpriseId=${figuresEnterpriseId}&on=2025-09-15` }));
        expect(p).toMatchObject({ on: '2025-09-15', priorYear: 2024 });
        expect(p.profile).toMatchObject({ revenue: FIGURES[1]!.revenue, revenuePreviousYear: FIGURES[2]!.revenue });
      });

      it("gives an enterprise user its own enterprise's, and another's is not found", async () => {
        expect(ok<AssessmentPrefill>(await enterprise({ url: '/api/cultivation/assessments/prefill' })).enterpriseId).toBe(ownEnterpriseId);
        expect((await stranger({ url: `/api/cultivation/assessments/prefill?enterpriseId=${ownEnterpriseId}` })).statusCode).toBe(404);
        expect((await department({ url: `/api/cultivation/assessments/prefill?enterpriseId=${ownEnterpriseId}` })).statusCode).toBe(403);
        expect(fieldsOf(await industry({ url: '/api/cultivation/assessments/prefill' }))).toEqual(['querystring.enterpriseId']);
      });

      it('starts a draft created without a profile from the prefilled one', async () => {
        const d = ok<AssessmentDetail>(await create(industry, { enterpriseId: figuresEnterpriseId, scheme: 'innovative-sme' }));
        const p = ok<AssessmentPrefill>(await industry({ url: `/api/cultivation/assessments/prefill?enterpriseId=${figuresEnterpriseId}` }));
        expect(d.profile).toEqual(p.profile);
        expect(d).toMatchObject({ status: 'draft', evaluationOn: TODAY, enterpriseId: figuresEnterpriseId });
      });
    });

    describe('profile sources (batch reading)', () => {
      it('pages through every enterprise of the zone once, in id order, with its figures, valid titles and declaration', async () => {
        const zoneId = ok<{ zoneId: string }>(await industry({ url: '/api/auth/me' })).zoneId;
        const opts = profileSourceOptions(TODAY);
        expect(opts).toEqual({ on: TODAY, fromYear: 2023, toYear: 2025 });
        const seen: string[] = [];
        let afterId: string | null = null;
        let pages = 0;
        do {
          const page = await loadProfileSourcePage(t.ctx.db, zoneId, { afterId, limit: 7 }, opts);
          seen.push(...page.items.map((i) => i.enterprise.id));
          for (const i of page.items) {
            expect(i.figures.every((f) => f.year >= 2023 && f.year <= 2025)).toBe(true);
            expect(i.qualifications.every((q) => q.validFrom <= TODAY && (q.validUntil === null || q.validUntil >= TODAY))).toBe(true);
          }
          afterId = page.nextAfterId;
          pages += 1;
        } while (afterId !== null && pages < 1000);
        expect(seen).toEqual([...seen].sort());
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(await countZoneEnterprises(t.ctx.db, zoneId));
        const [mine] = await loadProfileSources(t.ctx.db, zoneId, [figuresEnterpriseId], opts);
        expect(mine!.figures.map((f) => f.year)).toEqual([2025, 2024, 2023]);
        expect(mine!.qualifications.map((q) => q.kind)).toEqual(['high-tech']);
        const prefill = ok<AssessmentPrefill>(await industry({ url: `/api/cultivation/assessments/prefill?enterpriseId=${figuresEnterpriseId}` }));
        expect(JSON.parse(JSON.stringify(profileFromSources(mine!, TODAY)))).toEqual(prefill.profile);
      });
    });

    describe('the review flow', () => {
      it('goes draft → submit → return → edit → submit → accept, storing the server evaluation, notifying and auditing each step', async () => {
        const created = await draft();
        expect(created).toMatchObject({ status: 'draft', enterpriseId: ownEnterpriseId, scheme: 'innovative-sme', purpose: 'new', evaluationOn: TODAY, qualified: null, total: null });
        expect(created.can).toEqual(['edit', 'submit']);
        // A draft's evaluation is computed live from its profile.
        expect(created.evaluation).toEqual(expected(EDGE_PROFILE));
        const id = created.id;

        // Submitting needs the declaration.
        expect((await act(enterprise, id, 'submit', {})).statusCode).toBe(400);
        expect((await act(enterprise, id, 'submit', { declaration: false })).statusCode).toBe(400);
        expect(ok<AssessmentDetail>(await read(enterprise, id)).status).toBe('draft');

        const submitted = ok<AssessmentDetail>(await act(enterprise, id, 'submit', { declaration: true }));
        const evaluation = evaluateCultivation('innovative-sme', EDGE_PROFILE, { on: TODAY });
        expect(submitted).toMatchObject({
          status: 'submitted', qualified: evaluation.qualified, outcome: evaluation.outcome, total: evaluation.total, rulesVersion: evaluation.rulesVersion,
          declaredByName: '陈远达', evaluationOn: TODAY,
        });
        expect(submitted.declaredAt).not.toBeNull();
        expect(submitted.can).toEqual([]);
        // What is stored is evaluateCultivation's evaluation of the same profile.
        const [stored] = await t.ctx.db.select().from(cultivationAssessments).where(eq(cultivationAssessments.id, id));
        expect(stored!.evaluation).toEqual(JSON.parse(JSON.stringify(evaluation)));
        expect(submitted.evaluation).toEqual(expected(EDGE_PROFILE));
        expect(ok<AssessmentDetail>(await read(industry, id)).can).toEqual(['accept', 'return']);
        expect((await notificationsAbout(industry, id, 'cultivation.submitted')).length).toBe(1);

        // The enterprise cannot review its own; a short reason is refused.
        expect((await act(enterprise, id, 'accept')).statusCode).toBe(403);
        expect((await act(enterprise, id, 'return', { reason: '数据有误' })).statusCode).toBe(403);
        expect(fieldsOf(await act(industry, id, 'return', { reason: 'x' }))).toEqual(['reason']);
        expect(fieldsOf(await act(industry, id, 'return', { reason: '    ' }))).toEqual(['reason']);
        // Not editable while submitted.
        expect((await save(enterprise, id, EDGE_PROFILE)).statusCode).toBe(409);

        const returned = ok<AssessmentDetail>(await act(industry, id, 'return', { reason: '请补充研发费用明细' }));
        expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充研发费用明细', reviewedByName: '郑思远' });
        const note = await notificationsAbout(enterprise, id, 'cultivation.returned');
        expect(note).toHaveLength(1);
        expect(note[0]!.title).toContain('请补充研发费用明细');
        expect((await act(industry, id, 'accept')).statusCode).toBe(409);

        const edited = { ...EDGE_PROFILE, rdExpense: 700_000 };
        const saved = ok<AssessmentDetail>(await save(enterprise, id, edited));
        expect(saved.status).toBe('returned');
        expect(saved.profile).toEqual(edited);
        expect(saved.evaluation).toEqual(expected(edited));

        const again = ok<AssessmentDetail>(await act(enterprise, id, 'submit', { declaration: true }));
        expect(again).toMatchObject({ status: 'submitted', returnReason: null, reviewedByName: null, total: evaluateCultivation('innovative-sme', edited, { on: TODAY }).total });
        const accepted = ok<AssessmentDetail>(await act(industry, id, 'accept'));
        expect(accepted).toMatchObject({ status: 'accepted', reviewedByName: '郑思远' });
        expect(accepted.can).toEqual([]);
        expect(await notificationsAbout(enterprise, id, 'cultivation.accepted')).toHaveLength(1);
        expect((await act(industry, id, 'return', { reason: '再看看' })).statusCode).toBe(409);

        const audit = await auditEntries(t.app, await signIn(t.app, 'admin'), { entity: 'cultivation_assessment', entityId: id });
        expect(audit.map((a) => a.action).reverse()).toEqual([
          'cultivation_assessment.created', 'cultivation_assessment.submitted', 'cultivation_assessment.returned',
          'cultivation_assessment.updated', 'cultivation_assessment.submitted', 'cultivation_assessment.accepted',
        ]);
        expect(audit.find((a) => a.action === 'cultivation_assessment.returned')!.after).toMatchObject({ reason: '请补充研发费用明细' });

        // The accepted declaration now fills what the records do not hold.
        const p = ok<AssessmentPrefill>(await enterprise({ url: '/api/cultivation/assessments/prefill' }));
        expect(p.profile).toMatchObject({ yearsInNiche: edited.yearsInNiche, strategicEmergingIndustry: true });
      });

      it('allows an incomplete evaluation to be submitted, saying what is missing', async () => {
        const partial: CultivationProfile = { sector: 'industry', employees: 50, scopeIssues: [] };
        const d = await draft(enterprise, partial);
        const submitted = ok<AssessmentDetail>(await act(enterprise, d.id, 'submit', { declaration: true }));
        const evaluation = evaluateCultivation('innovative-sme', partial, { on: TODAY });
        expect(evaluation.outcome).toBe('incomplete');
        expect(submitted).toMatchObject({ status: 'submitted', outcome: 'incomplete', qualified: false });
        expect(submitted.evaluation).toEqual(expected(partial));
        ok(await act(industry, d.id, 'return', { reason: '请补全数据' }));
      });

      it('refuses a second open submission for the same enterprise and tier, and changes nothing', async () => {
        const first = await draft();
        const second = await draft();
        ok(await act(enterprise, first.id, 'submit', { declaration: true }));
        const res = await act(enterprise, second.id, 'submit', { declaration: true });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res)).toMatchObject({ code: 'ASSESSMENT_SUBMISSION_OPEN', details: { assessmentId: first.id } });
        expect(errorOf(res).message).toMatch(HAN);
        expect(ok<AssessmentDetail>(await read(enterprise, second.id))).toMatchObject({ status: 'draft', declaredAt: null });
        // Another tier (one without a submission waiting: the demo has one for 专精特新) is not held up.
        const waiting = ok<{ items: AssessmentSummary[] }>(await enterprise({ url: '/api/cultivation/assessments?status=submitted&pageSize=200' })).items.map((a) => a.scheme);
        const otherTier = (['specialised-sme', 'little-giant'] as const).find((s) => !waiting.includes(s))!;
        const other = ok<AssessmentDetail>(await create(enterprise, { scheme: otherTier, profile: EDGE_PROFILE }));
        ok(await act(enterprise, other.id, 'submit', { declaration: true }));
        // Once the first is reviewed, the second may go.
        ok(await act(industry, first.id, 'accept'));
        expect(ok<AssessmentDetail>(await act(enterprise, second.id, 'submit', { declaration: true })).status).toBe('submitted');
        ok(await act(industry, second.id, 'return', { reason: '测试完毕' }));
        ok(await act(industry, other.id, 'return', { reason: '测试完毕' }));
      });
      it('lets only one of two simultaneous submissions for the same enterprise and tier through', async () => {
        const [a, b] = [await draft(), await draft()];
        const results = await Promise.all([a, b].map((d) => act(enterprise, d.id, 'submit', { declaration: true })));
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        const statuses = await Promise.all([a, b].map(async (d) => ok<AssessmentDetail>(await read(enterprise, d.id)).status));
        expect([...statuses].sort()).toEqual(['draft', 'submitted']);
        const open = [a, b][statuses.indexOf('submitted')]!;
        ok(await act(industry, open.id, 'return', { reason: '测试完毕' }));
      });
    });

    describe('permissions', () => {
      it("hides an enterprise's assessments from another enterprise (404) and from other staff", async () => {
        const d = await draft();
        for (const res of [
          await read(stranger, d.id), await save(stranger, d.id, EDGE_PROFILE), await act(stranger, d.id, 'submit', { declaration: true }),
          await act(stranger, d.id, 'accept'), await read(department, d.id),
        ]) expect(res.statusCode).toBe(404);
        const list = ok<{ items: AssessmentSummary[]; total: number }>(await stranger({ url: '/api/cultivation/assessments?pageSize=200' }));
        expect(list.items.every((a) => a.enterpriseId === otherEnterpriseId)).toBe(true);
        expect(list.items.map((a) => a.id)).not.toContain(d.id);
        // Even asking for the other enterprise by id.
        const asked = ok<{ items: AssessmentSummary[]; total: number }>(await stranger({ url: `/api/cultivation/assessments?enterpriseId=${ownEnterpriseId}` }));
        expect(asked).toEqual({ items: [], total: 0 });
        expect((await department({ url: '/api/cultivation/assessments' })).statusCode).toBe(403);
      });

      it('refuses an enterprise user a draft for another enterprise, and lets an officer create one for any', async () => {
        const before = await rows();
        const res = await create(stranger, { enterpriseId: ownEnterpriseId, scheme: 'innovative-sme', profile: EDGE_PROFILE });
        expect(fieldsOf(res)).toEqual(['enterpriseId']);
        expect((await create(leader, { enterpriseId: ownEnterpriseId, scheme: 'innovative-sme' })).statusCode).toBe(403);
        expect((await create(department, { enterpriseId: ownEnterpriseId, scheme: 'innovative-sme' })).statusCode).toBe(403);
        expect(await rows()).toBe(before);
        const byOfficer = ok<AssessmentDetail>(await create(industry, { enterpriseId: otherEnterpriseId, scheme: 'little-giant', profile: EDGE_PROFILE }));
        expect(byOfficer).toMatchObject({ enterpriseId: otherEnterpriseId, status: 'draft' });
        expect(ok<AssessmentDetail>(await read(stranger, byOfficer.id)).can).toEqual(['edit', 'submit']);
      });

      it('lets leaders read assessments but not change them', async () => {
        const d = await draft();
        expect(ok<AssessmentDetail>(await read(leader, d.id)).can).toEqual([]);
        expect((await save(leader, d.id, EDGE_PROFILE)).statusCode).toBe(403);
        ok(await act(enterprise, d.id, 'submit', { declaration: true }));
        expect((await act(leader, d.id, 'accept')).statusCode).toBe(403);
        const list = ok<{ items: AssessmentSummary[]; total: number }>(await leader({ url: `/api/cultivation/assessments?status=submitted&scheme=innovative-sme&pageSize=200` }));
        expect(list.items.map((a) => a.id)).toContain(d.id);
        expect(list.items.every((a) => a.status === 'submitted' && a.scheme === 'innovative-sme')).toBe(true);
        ok(await act(admin, d.id, 'return', { reason: '测试退回' }));
      });

      it('searches by enterprise name and pages', async () => {
        const page1 = ok<{ items: AssessmentSummary[]; total: number }>(await industry({ url: '/api/cultivation/assessments?q=梯度培育测试&pageSize=1' }));
        expect(page1.total).toBeGreaterThanOrEqual(1);
        expect(page1.items).toHaveLength(1);
        expect(page1.items[0]!.enterpriseName).toBe('景德镇梯度培育测试有限公司');
        const all = ok<{ items: AssessmentSummary[]; total: number }>(await industry({ url: '/api/cultivation/assessments?pageSize=2&page=2' }));
        expect(all.items.length).toBeLessThanOrEqual(2);
        expect(all.total).toBe(await rows());
      });
    });

    describe('bad input', () => {
      it('refuses a draft with wrong types, naming the fields, and writes nothing', async () => {
        const before = await rows();
        const res = await create(enterprise, { scheme: 'innovative-sme', profile: { employees: 'eighty', revenue: -5, ip: { class1: 1.5 }, scienceAward: { level: 'galactic' } } });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual(['profile.employees', 'profile.ip.class1', 'profile.revenue', 'profile.scienceAward.level']);
        expect(await rows()).toBe(before);
        expect(fieldsOf(await create(enterprise, { scheme: 'unknown-tier', profile: EDGE_PROFILE }))).toEqual(['scheme']);
        expect(await rows()).toBe(before);
      });

      it('refuses a profile with wrong types on save and keeps the stored one', async () => {
        const d = await draft();
        const res = await save(enterprise, d.id, { ...EDGE_PROFILE, totalAssets: '30000000', nicheMarketShare: 12 });
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual(['profile.nicheMarketShare', 'profile.totalAssets']);
        const after = ok<AssessmentDetail>(await read(enterprise, d.id));
        expect(after.profile).toEqual(EDGE_PROFILE);
        expect(after.updatedAt).toBe(d.updatedAt);
        expect(fieldsOf(await save(enterprise, d.id, 'not an object'))).toEqual(['profile']);
      });

      it('keeps only the known fields of a profile (what checkCultivationProfile keeps)', async () => {
        const d = await draft(enterprise, { ...EDGE_PROFILE, name: '不是画像字段' } as CultivationProfile);
        const checked = checkCultivationProfile({ ...EDGE_PROFILE, name: '不是画像字段' });
        if (!('profile' in checked)) throw new Error('the profile should pass the check');
        expect(d.profile).toEqual(JSON.parse(JSON.stringify(checked.profile)));
        expect(d.profile).not.toHaveProperty('name');
      });
    });
  });
}
