import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runYiqi, showRun } from './cli-run.js';
import { evaluateCultivation, rulesFor, type CultivationProfile, type CultivationScheme, type Evaluation } from '../../src/domain/cultivation/index.js';
import { explainEvaluation } from '../../src/domain/cultivation/explain-evaluation.js';

/**
 * `yiqi cultivation evaluate`, run for real as a child process (`node bin/yiqi.mjs …`): one profile
 * on stdin, and the batch form from a JSON array or an .xlsx to an .xlsx read back with exceljs.
 * No database is opened. The expected evaluation comes from the domain function, so this checks
 * the command's reading of its inputs, its output and its exit codes.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yiqi-cli-cultivation-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const yiqi = (stdin: string, ...args: string[]) => runYiqi(stdin, ['cultivation', 'evaluate', ...args]);
const show = showRun;

/** A manufacturer with most fields filled: 5000万 revenue, R&D 4%, 3 invention patents, 专精特新 title. */
const PROFILE: CultivationProfile = {
  sector: 'industry',
  employees: 120,
  revenue: 50_000_000,
  revenuePreviousYear: 42_000_000,
  revenueYearBeforePrevious: 40_000_000,
  mainBusinessRevenue: 45_000_000,
  mainBusinessRevenuePreviousYear: 38_000_000,
  mainBusinessRevenueYearBeforePrevious: 35_000_000,
  totalAssets: 60_000_000,
  totalLiabilities: 30_000_000,
  rdExpense: 2_000_000,
  rdExpensePreviousYear: 1_500_000,
  rdExpenseYearBeforePrevious: 1_300_000,
  rdStaff: 18,
  netProfit: 3_000_000,
  yearsInNiche: 6,
  ip: { class1HighValue: 0, class1SelfDeveloped: 2, class1: 3, class2: 10 },
  strategicEmergingIndustry: true,
  honours: ['specialised-sme', 'innovative-sme'],
  scienceAward: { level: 'none' },
  rdInstitutionLevel: 'municipal',
  equityFinancingLast2Years: 0,
  equityFinancingLast3Years: 0,
  makerChina: 'none',
  digitalisationLevel: 2,
  qualityItems: ['own-brand', 'quality-system-certified'],
  productField2022: 'six-foundations',
  provincialPoints: { provincial: 10 },
  nicheMarketShare: 0.12,
  nicheMarketRank: 3,
  developmentScore: 72,
  developmentScorePreviousYear: 65,
  qualitativeClaims: ['information-system', 'own-brand', 'management-certified'],
  scopeIssues: [],
};
/** A small software firm with little filled in: an incomplete or failing evaluation. */
const SMALL: CultivationProfile = { sector: 'software-it', employees: 12, revenue: 3_000_000, mainBusinessRevenue: 2_500_000, revenuePreviousYear: 2_800_000 };

/** The fields the command must print, at least. */
const REQUIRED_FIELDS = ['qualified', 'route', 'total', 'categories', 'indicators', 'conditions', 'gaps', 'rulesVersion', 'outcome', 'missing', 'words'];
/** As JSON would carry it (no undefined). */
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;


// Each run starts `node bin/yiqi.mjs` (TypeScript through tsx): seconds each on a busy machine.
const SLOW = { timeout: 240_000 };

describe('yiqi cultivation evaluate --json < profile.json', SLOW, () => {
  const runs: [CultivationScheme, string, string[]][] = [
    ['innovative-sme', '2025-06-30', []],
    ['innovative-sme', '2026-06-30', []],
    ['specialised-sme', '2025-06-30', []],
    ['specialised-sme', '2026-04-01', []],
    ['little-giant', '2026-03-31', []],
    ['little-giant', '2026-05-10', []],
    ['little-giant', '2026-05-10', ['--review']],
  ];
  it.each(runs)('%s on %s %j prints the explained evaluation of the rules in force', async (scheme, on, extra) => {
    const purpose = extra.includes('--review') ? 'review' : 'new';
    // The small profile (incomplete or failing) once per scheme, the full one on every date.
    const profiles = on === '2025-06-30' || on === '2026-03-31' ? [PROFILE, SMALL] : [PROFILE];
    for (const profile of profiles) {
      const r = await yiqi(JSON.stringify({ name: '某某科技', uscc: 'ignored', ...profile }), '--scheme', scheme, '--on', on, ...extra, '--json');
      expect(r.code, show(r)).toBe(0);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as Record<string, unknown> & { words: { summary: unknown; gaps: unknown[] } };
      for (const f of REQUIRED_FIELDS) expect(out, f).toHaveProperty(f);
      // The evaluation of the domain, explained as the server explains it (every field and word).
      const expected = evaluateCultivation(scheme, profile, { on, purpose });
      expect(out).toMatchObject(asJson(explainEvaluation(expected)));
      expect(out.rulesVersion).toBe(rulesFor(scheme, on, purpose).definition.rulesVersion);
      expect(out.words.summary).toEqual(explainEvaluation(expected).summary);
      expect(out.words.gaps).toHaveLength(expected.gaps.length);
    }
  });

  it('prints a short Chinese summary without --json', async () => {
    const r = await yiqi(JSON.stringify(PROFILE), '--scheme', 'innovative-sme', '--on', '2025-06-30');
    expect(r.code, show(r)).toBe(0);
    const e = explainEvaluation(evaluateCultivation('innovative-sme', PROFILE, { on: '2025-06-30' }));
    expect(r.stdout).toMatch(/^创新型中小企业/);
    expect(r.stdout).toContain(e.rulesVersion);
    expect(r.stdout).toContain(`结果：${e.outcomeLabel.zh}`);
    expect(r.stdout).toContain(e.summary.zh);
    for (const g of e.gaps) expect(r.stdout).toContain(g.text.zh);
  });

  it('rejects input that is not JSON or has a field of the wrong type with exit 2, naming the field', async () => {
    const args = ['--scheme', 'innovative-sme', '--on', '2025-06-30', '--json'];
    const [notJson, wrongType, nested, badKey, share, notObject] = await Promise.all([
      yiqi('{"sector": "industry", ', ...args),
      yiqi(JSON.stringify({ ...PROFILE, employees: '120' }), ...args),
      yiqi(JSON.stringify({ ...PROFILE, ip: { class1: 1.5 } }), ...args),
      yiqi(JSON.stringify({ ...PROFILE, honours: ['high-tech-enterprise', 'gazelle'] }), ...args),
      yiqi(JSON.stringify({ ...PROFILE, nicheMarketShare: 12 }), ...args),
      yiqi('[]', ...args),
    ]);
    for (const r of [notJson, wrongType, nested, badKey, share, notObject]) {
      expect(r.code, show(r)).toBe(2);
      expect(r.stdout, show(r)).toBe('');
    }
    expect(notJson.stderr).toMatch(/^profile: .*JSON/m);
    expect(wrongType.stderr).toMatch(/^employees: 应为数字.*\(must be a number, got string\)/m);
    expect(nested.stderr).toMatch(/^ip\.class1: .*整数.*whole number/m);
    expect(badKey.stderr).toMatch(/^honours: .*gazelle.*high-tech-enterprise/m);
    expect(share.stderr).toMatch(/^nicheMarketShare: .*0 到 1.*fraction/m);
    expect(notObject.stderr).toMatch(/^profile: .*对象/m);
  });

  it('rejects a bad --scheme or --on with exit 2, listing what is valid', async () => {
    const p = JSON.stringify(PROFILE);
    const [scheme, noScheme, date, early, noDate, words] = await Promise.all([
      yiqi(p, '--scheme', 'gazelle', '--on', '2025-06-30'),
      yiqi(p, '--on', '2025-06-30'),
      yiqi(p, '--scheme', 'little-giant', '--on', '2025-02-30'),
      yiqi(p, '--scheme', 'little-giant', '--on', '2022-05-31'),
      yiqi(p, '--scheme', 'little-giant'),
      yiqi(p, '--scheme', 'little-giant', '--on', 'today'),
    ]);
    for (const r of [scheme, noScheme, date, early, noDate, words]) {
      expect(r.code, show(r)).toBe(2);
      expect(r.stdout, show(r)).toBe('');
    }
    for (const r of [scheme, noScheme]) {
      expect(r.stderr).toMatch(/^--scheme: /m);
      for (const s of ['innovative-sme', 'specialised-sme', 'little-giant']) expect(r.stderr).toContain(s);
    }
    expect(scheme.stderr).toContain('gazelle');
    for (const r of [date, early, noDate, words]) expect(r.stderr).toMatch(/^--on: .*YYYY-MM-DD.*2022-06-01/m);
    // 2022-06-01 itself is the first valid date.
    const first = await yiqi(p, '--scheme', 'little-giant', '--on', '2022-06-01', '--json');
    expect(first.code, show(first)).toBe(0);
  });
});

describe('yiqi cultivation evaluate --in … --out results.xlsx', SLOW, () => {
  async function readSheet(file: string): Promise<Record<string, unknown>[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const headers: string[] = [];
    sheet.getRow(1).eachCell((c, col) => (headers[col] = String(c.value)));
    const rows: Record<string, unknown>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row: Record<string, unknown> = {};
      headers.forEach((h, col) => {
        if (h) row[h] = sheet.getRow(r).getCell(col).value ?? null;
      });
      rows.push(row);
    }
    return rows;
  }

  /** What a result row must say about an evaluated profile. */
  function expectRow(row: Record<string, unknown>, e: Evaluation, scheme: CultivationScheme, on: string) {
    expect(row['是否合格']).toBe(e.qualified ? '是' : '否');
    const explained = explainEvaluation(e);
    expect(row['结果']).toBe(explained.outcomeLabel.zh);
    expect(row['途径'] ?? null).toBe(explained.routeLabel?.zh ?? null);
    expect(row['总分'] ?? null).toBe(e.total);
    const def = rulesFor(scheme, on).definition;
    for (const c of e.categories) expect(row[def.categories[c.key]!.zh] ?? null).toBe(c.points);
    expect(String(row['缺少数据'] ?? '')).toBe(e.missing.join(', '));
    expect(row['说明']).toBe(explained.summary.zh);
    expect(String(row['差距'] ?? '')).toBe(explained.gaps.map((g) => g.text.zh).join('；'));
    expect(row['错误'] ?? null).toBeNull();
  }

  it('evaluates a JSON array, reporting a bad row in its own row and evaluating the rest', async () => {
    const input = path.join(tmp, 'profiles.json');
    const out = path.join(tmp, 'from-json.xlsx');
    fs.writeFileSync(input, JSON.stringify([
      { name: '甲科技', uscc: '91450100MA5K00001X', ...PROFILE },
      { name: '乙公司', uscc: '91450100MA5K00002X', ...PROFILE, employees: 'many' },
      { name: '丙软件', ...SMALL },
      42,
    ]));
    const r = await yiqi('', '--scheme', 'innovative-sme', '--on', '2025-06-30', '--in', input, '--out', out);
    expect(r.code, show(r)).toBe(0);
    const rows = await readSheet(out);
    expect(rows.map((x) => x['企业名称'] ?? null)).toEqual(['甲科技', '乙公司', '丙软件', null]);
    expect(rows[0]!['统一社会信用代码']).toBe('91450100MA5K00001X');
    expectRow(rows[0]!, evaluateCultivation('innovative-sme', PROFILE, { on: '2025-06-30' }), 'innovative-sme', '2025-06-30');
    expectRow(rows[2]!, evaluateCultivation('innovative-sme', SMALL, { on: '2025-06-30' }), 'innovative-sme', '2025-06-30');
    expect(rows[1]!['错误']).toMatch(/^employees: 应为数字/);
    expect(rows[1]!['是否合格'] ?? null).toBeNull();
    expect(rows[3]!['错误']).toMatch(/^profile: .*对象/);
    expect(rows.map((x) => x['行号'])).toEqual([1, 2, 3, 4]);
    expect(r.stdout).toMatch(/4/);
  });

  it('reads an .xlsx whose header row names the profile fields, lists comma-separated', async () => {
    const input = path.join(tmp, 'profiles.xlsx');
    const out = path.join(tmp, 'from-xlsx.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('企业');
    const headers = ['name', 'uscc', 'sector', 'employees', 'revenue', 'revenuePreviousYear', 'mainBusinessRevenue', 'mainBusinessRevenuePreviousYear',
      'totalAssets', 'totalLiabilities', 'rdExpense', 'ip.class1', 'ip.class2', 'ip.class1SelfDeveloped', 'strategicEmergingIndustry', 'honours', 'yearsInNiche', 'unknownColumn'];
    sheet.addRow(headers);
    sheet.addRow(['甲科技', '91450100MA5K00001X', 'industry', 120, 50_000_000, 42_000_000, 45_000_000, 38_000_000, 60_000_000, 30_000_000, 2_000_000, 3, 10, 2, '是', 'specialised-sme, innovative-sme', 6, 'x']);
    sheet.addRow(['乙公司', '', '工业', 'abc', 1, null, null, null, null, null, null, null, null, null, null, null, null, null]);
    sheet.addRow([]);
    sheet.addRow(['丙软件', '', 'software-it', 12, '3000000', 2_800_000, 2_500_000, null, null, null, null, null, null, null, 'false', 'high-tech-enterprise', null, null]);
    await wb.xlsx.writeFile(input);

    const r = await yiqi('', '--scheme', 'innovative-sme', '--on', '2025-06-30', '--in', input, '--out', out);
    expect(r.code, show(r)).toBe(0);
    const rows = await readSheet(out);
    expect(rows.map((x) => x['企业名称'])).toEqual(['甲科技', '乙公司', '丙软件']);
    expect(rows.map((x) => x['行号'])).toEqual([2, 3, 5]);
    const first: CultivationProfile = {
      sector: 'industry', employees: 120, revenue: 50_000_000, revenuePreviousYear: 42_000_000, mainBusinessRevenue: 45_000_000,
      mainBusinessRevenuePreviousYear: 38_000_000, totalAssets: 60_000_000, totalLiabilities: 30_000_000, rdExpense: 2_000_000,
      ip: { class1: 3, class2: 10, class1SelfDeveloped: 2 }, strategicEmergingIndustry: true, honours: ['specialised-sme', 'innovative-sme'], yearsInNiche: 6,
    };
    const third: CultivationProfile = {
      sector: 'software-it', employees: 12, revenue: 3_000_000, revenuePreviousYear: 2_800_000, mainBusinessRevenue: 2_500_000,
      strategicEmergingIndustry: false, honours: ['high-tech-enterprise'],
    };
    expectRow(rows[0]!, evaluateCultivation('innovative-sme', first, { on: '2025-06-30' }), 'innovative-sme', '2025-06-30');
    expectRow(rows[2]!, evaluateCultivation('innovative-sme', third, { on: '2025-06-30' }), 'innovative-sme', '2025-06-30');
    expect(rows[1]!['错误']).toMatch(/^employees: 应为数字/);
  });

  it('refuses a file it cannot read with exit 2, and needs both --in and --out', async () => {
    const notArray = path.join(tmp, 'object.json');
    fs.writeFileSync(notArray, JSON.stringify(PROFILE));
    const notJson = path.join(tmp, 'broken.json');
    fs.writeFileSync(notJson, '[{"sector":');
    const notXlsx = path.join(tmp, 'fake.xlsx');
    fs.writeFileSync(notXlsx, 'not a zip');
    const noHeaders = path.join(tmp, 'no-headers.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['企业名称', '从业人员']);
    await wb.xlsx.writeFile(noHeaders);
    const out = path.join(tmp, 'never.xlsx');
    const base = ['--scheme', 'innovative-sme', '--on', '2025-06-30'];
    const runs = await Promise.all([
      yiqi('', ...base, '--in', path.join(tmp, 'missing.json'), '--out', out),
      yiqi('', ...base, '--in', notArray, '--out', out),
      yiqi('', ...base, '--in', notJson, '--out', out),
      yiqi('', ...base, '--in', notXlsx, '--out', out),
      yiqi('', ...base, '--in', noHeaders, '--out', out),
      yiqi('', ...base, '--in', notArray),
      yiqi('', ...base, '--in', notArray, '--out', path.join(tmp, 'results.csv')),
    ]);
    for (const r of runs) {
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr.length, show(r)).toBeGreaterThan(0);
    }
    expect(runs[1]!.stderr).toMatch(/数组.*array/);
    expect(runs[4]!.stderr).toMatch(/field names/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
