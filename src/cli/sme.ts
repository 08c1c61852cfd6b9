/**
 * `yiqi sme classify [--json] < profile.json`: the SME size (中小企业划型, 工信部联企业〔2011〕300号)
 * of one enterprise profile read from stdin. Prints {"size","reason"} with --json; exit 2 for
 * input that is not valid JSON, a field of the wrong type, an unknown sector or a missing input.
 * The profile is the cultivation profile, checked by checkCultivationProfile like
 * `yiqi cultivation evaluate`; only sector, employees, revenue and totalAssets are read.
 */
import type { Command } from 'commander';
import { SIZE_SECTORS } from '../domain/enterprises/index.js';
import { classifySmeSize, isSmeSizeMissing, type CultivationProfile, type SmeSizeProfile } from '../domain/cultivation/index.js';
import { exitWith } from './cli-exit.js';
import { readProfileFromStdin } from './cultivation.js';

const SIZE_ZH = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;

const sectorKeys = () => SIZE_SECTORS.map((s) => `${s.key} (${s.label})`).join(', ');

/** The size inputs of a checked cultivation profile (checkCultivationProfile), or the error when it has no sector. */
export function smeSizeProfileOf(profile: CultivationProfile): { profile: SmeSizeProfile } | { error: string } {
  if (!profile.sector) return { error: `sector: 缺少行业 (missing); 可选 valid keys: ${sectorKeys()}` };
  return { profile: { sector: profile.sector, employees: profile.employees, revenue: profile.revenue, totalAssets: profile.totalAssets } };
}

export function registerSmeCommands(program: Command): void {
  const sme = program.command('sme').description('SME size classification (中小企业划型, 工信部联企业〔2011〕300号)');
  sme
    .command('classify')
    .description('classify the enterprise profile read from stdin as micro / small / medium / large, with the reason')
    .option('--json', 'print JSON {"size","reason"}')
    .action(async (o: { json?: boolean }) => {
      const parsed = smeSizeProfileOf(await readProfileFromStdin('yiqi sme classify --json < profile.json'));
      if ('error' in parsed) exitWith(parsed.error, 2);
      const r = classifySmeSize(parsed.profile);
      if (isSmeSizeMissing(r)) exitWith(`${r.fields.join(', ')}: 缺少划型所需数据 (missing, needed for sector ${parsed.profile.sector}; never read as zero)`, 2);
      process.stdout.write(`${o.json ? JSON.stringify({ size: r.size, reason: r.reason.zh }) : `${SIZE_ZH[r.size]} ${r.size} — ${r.reason.zh}`}\n`);
    });
}
