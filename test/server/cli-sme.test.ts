import { describe, expect, it } from 'vitest';
import { runYiqi, showRun } from './cli-run.js';
import { classifySmeSize, type SmeSizeResult } from '../../src/domain/cultivation/index.js';

/**
 * `yiqi sme classify --json < profile.json`, run for real as a child process
 * (`node bin/yiqi.mjs …`, profile on stdin). No database is opened. The
 * expected size and reason come from the domain function, so this checks the
 * command's reading of the profile, its output and its exit codes.
 */


const classify = (stdin: string, ...args: string[]) => runYiqi(stdin, ['sme', 'classify', ...args]);
const show = showRun;

describe('yiqi sme classify --json', () => {
  it('classifies profiles of several sectors from stdin, ignoring extra fields', async () => {
    const profiles = [
      { sector: 'industry', employees: 350, revenue: 25_000_000, totalAssets: 1, name: '某某科技', rdExpense: 900_000 },
      { sector: 'software-it', employees: 9, revenue: 80_000_000 },
      { sector: 'wholesale', employees: 30, revenue: 10_000_000 },
      { sector: 'construction', revenue: 800_000_000, totalAssets: 800_000_000 },
      { sector: 'other', employees: 120 },
    ] as const;
    const runs = await Promise.all(profiles.map((p) => classify(JSON.stringify(p), '--json')));
    const sizes = new Set<string>();
    runs.forEach((run, i) => {
      expect(run.code, show(run)).toBe(0);
      const expected = classifySmeSize(profiles[i]!) as SmeSizeResult;
      expect(JSON.parse(run.stdout)).toEqual({ size: expected.size, reason: expected.reason.zh });
      expect(run.stderr).toBe('');
      sizes.add(expected.size);
    });
    // The profiles above cover every size, so the command is not answering one size for all.
    expect([...sizes].sort()).toEqual(['large', 'medium', 'micro', 'small']);
  });

  it('rejects input that is not JSON, a wrong type, an unknown sector and missing inputs with exit 2', async () => {
    const [notJson, wrongType, negative, notObject, unknownSector, noSector, missing] = await Promise.all([
      classify('{"sector": "industry", ', '--json'),
      classify(JSON.stringify({ sector: 'industry', employees: '350', revenue: 25_000_000 }), '--json'),
      classify(JSON.stringify({ sector: 'retail', employees: 20, revenue: -1 }), '--json'),
      classify('[1, 2]', '--json'),
      classify(JSON.stringify({ sector: 'mining', employees: 10, revenue: 1 }), '--json'),
      classify(JSON.stringify({ employees: 10 }), '--json'),
      classify(JSON.stringify({ sector: 'leasing-business', employees: 50, revenue: 1_000_000 }), '--json'),
    ]);
    for (const r of [notJson, wrongType, negative, notObject, unknownSector, noSector, missing]) {
      expect(r.code, show(r)).toBe(2);
      expect(r.stdout, show(r)).toBe('');
    }
    expect(notJson.stderr).toMatch(/JSON/);
    expect(wrongType.stderr).toMatch(/^employees: .*数字.*string/m);
    expect(negative.stderr).toMatch(/^revenue: .*负数/m);
    expect(notObject.stderr).toMatch(/^profile: .*对象/m);
    expect(unknownSector.stderr).toMatch(/^sector: .*mining/m);
    // Every valid key is listed.
    for (const key of ['agriculture', 'industry', 'software-it', 'leasing-business', 'other']) expect(unknownSector.stderr).toContain(key);
    expect(noSector.stderr).toMatch(/^sector: .*缺少/m);
    // Leasing needs total assets (not revenue): named as missing, never read as zero.
    expect(missing.stderr).toMatch(/^totalAssets: .*缺少/m);
  });

  it('prints a readable line without --json', async () => {
    const r = await classify(JSON.stringify({ sector: 'other', employees: 9 }));
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^微型 micro — 其他未列明行业：/);
  });
});
