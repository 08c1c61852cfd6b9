/**
 * `yiqi sme classify [--json] < profile.json`: the SME size (中小企业划型, 工信部联企业〔2011〕300号)
 * of one enterprise profile read from stdin. Prints {"size","reason"} with --json; exit 2 for
 * input that is not valid JSON, a field of the wrong type, an unknown sector or a missing input.
 */
import type { Command } from 'commander';
import { isSizeSector, SIZE_SECTORS } from '../domain/enterprises/index.js';
import { classifySmeSize, isSmeSizeMissing, type SmeSizeIndicator, type SmeSizeProfile } from '../domain/cultivation/index.js';
import { exitWith } from './cli-exit.js';

const SIZE_ZH = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) exitWith('请在标准输入提供企业画像 JSON (give the profile JSON on stdin): yiqi sme classify --json < profile.json', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const sectorKeys = () => SIZE_SECTORS.map((s) => `${s.key} (${s.label})`).join(', ');

/** Field errors of a parsed profile, or the profile; fields other than these are ignored. */
export function parseSmeProfile(data: unknown): { profile: SmeSizeProfile } | { errors: string[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { errors: ['profile: 应为 JSON 对象 (must be a JSON object)'] };
  const o = data as Record<string, unknown>;
  const errors: string[] = [];
  let sector: SmeSizeProfile['sector'] | undefined;
  if (o.sector === undefined || o.sector === null) errors.push(`sector: 缺少行业 (missing); 可选 valid keys: ${sectorKeys()}`);
  else if (typeof o.sector !== 'string') errors.push(`sector: 应为字符串 (must be a string, got ${typeName(o.sector)})`);
  else if (!isSizeSector(o.sector)) errors.push(`sector: 未知行业 "${o.sector}" (unknown sector); 可选 valid keys: ${sectorKeys()}`);
  else sector = o.sector;

  const numbers: Partial<Record<SmeSizeIndicator, number | null>> = {};
  for (const field of ['employees', 'revenue', 'totalAssets'] as const) {
    const v = o[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${field}: 应为数字 (must be a number, got ${typeName(v)})`);
    else if (v < 0) errors.push(`${field}: 不能为负数 (must not be negative, got ${v})`);
    else if (field === 'employees' && !Number.isInteger(v)) errors.push(`employees: 应为整数人数 (must be a whole number of persons, got ${v})`);
    else numbers[field] = v;
  }
  if (errors.length || !sector) return { errors };
  return { profile: { sector, ...numbers } };
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v;
}

export function registerSmeCommands(program: Command): void {
  const sme = program.command('sme').description('SME size classification (中小企业划型, 工信部联企业〔2011〕300号)');
  sme
    .command('classify')
    .description('classify the enterprise profile read from stdin as micro / small / medium / large, with the reason')
    .option('--json', 'print JSON {"size","reason"}')
    .action(async (o: { json?: boolean }) => {
      const text = await readStdin();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        exitWith(`profile: 不是有效的 JSON (not valid JSON): ${(e as Error).message}`, 2);
      }
      const parsed = parseSmeProfile(data);
      if ('errors' in parsed) exitWith(parsed.errors.join('\n'), 2);
      const r = classifySmeSize(parsed.profile);
      if (isSmeSizeMissing(r)) exitWith(`${r.fields.join(', ')}: 缺少划型所需数据 (missing, needed for sector ${parsed.profile.sector}; never read as zero)`, 2);
      process.stdout.write(`${o.json ? JSON.stringify({ size: r.size, reason: r.reason.zh }) : `${SIZE_ZH[r.size]} ${r.size} — ${r.reason.zh}`}\n`);
    });
}
