/**
 * `yiqi cultivation evaluate`: evaluates enterprise profiles against one tier of 梯度培育
 * (innovative-sme, specialised-sme, little-giant) with the rules in force on a date.
 *
 * - one profile: `--scheme S --on YYYY-MM-DD [--review] [--json] < profile.json` prints the
 *   explained evaluation (JSON with --json, a short Chinese summary otherwise);
 * - a batch: `--in profiles.json|profiles.xlsx --out results.xlsx` (cultivation-batch.ts).
 *
 * Exit status: 0 evaluated (whatever the outcome); 2 bad arguments, input that is not JSON, a field
 * of the wrong type (each named, with the reason in Chinese and English), or an unreadable batch file.
 * No database is opened.
 */
import type { Command } from 'commander';
import { isIsoDate } from '../domain/calendar/index.js';
import {
  checkCultivationProfile, CULTIVATION_SCHEMES, evaluateCultivation, explainEvaluation, isCultivationScheme, RULES_2022_FROM,
  type CultivationProfile, type ExplainedEvaluation, type CultivationScheme, type Evaluation, type EvaluationPurpose, type ProfileFieldError, type Words,
} from '../domain/cultivation/index.js';
import { exitWith } from './cli-exit.js';

export const SCHEME_WORDS: Record<CultivationScheme, Words> = {
  'innovative-sme': { zh: '创新型中小企业', en: 'innovative SME' },
  'specialised-sme': { zh: '专精特新中小企业', en: 'specialised SME (专精特新)' },
  'little-giant': { zh: '专精特新“小巨人”企业', en: '“little giant”' },
};

/** Reads all of stdin; refuses a terminal (the profile must be piped in). */
export async function readStdin(usage: string): Promise<string> {
  if (process.stdin.isTTY) exitWith(`请在标准输入提供企业画像 JSON (give the profile JSON on stdin): ${usage}`, 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line per error: `field: 中文 (English)`. */
export function formatProfileErrors(errors: readonly ProfileFieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.reason.zh} (${e.reason.en})`).join('\n');
}

/** The profile JSON on stdin, checked; exits 2 with every field error. */
export async function readProfileFromStdin(usage: string): Promise<CultivationProfile> {
  const text = await readStdin(usage);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    exitWith(`profile: 不是有效的 JSON (not valid JSON): ${(e as Error).message}`, 2);
  }
  const checked = checkCultivationProfile(data);
  if ('errors' in checked) exitWith(formatProfileErrors(checked.errors), 2);
  return checked.profile;
}

const schemeList = () => CULTIVATION_SCHEMES.map((s) => `${s}（${SCHEME_WORDS[s].zh}）`).join('、');

/** The --scheme value, or exit 2 naming the valid ones. */
export function parseScheme(value: string | undefined): CultivationScheme {
  if (value === undefined) exitWith(`--scheme: 缺少培育层级，可选：${schemeList()} (required; valid: ${CULTIVATION_SCHEMES.join(', ')})`, 2);
  if (!isCultivationScheme(value)) exitWith(`--scheme: 未知培育层级“${value}”，可选：${schemeList()} (unknown scheme; valid: ${CULTIVATION_SCHEMES.join(', ')})`, 2);
  return value;
}

/** The --on date, or exit 2: a real YYYY-MM-DD date from 2022-06-01 (工信部企业〔2022〕63号 in force). */
export function parseOn(value: string | undefined): string {
  const valid = `应为 YYYY-MM-DD 格式的真实日期，且不早于 ${RULES_2022_FROM}（工信部企业〔2022〕63号施行） (expected a real YYYY-MM-DD date on or after ${RULES_2022_FROM})`;
  if (value === undefined) exitWith(`--on: 缺少评价日期，${valid}`, 2);
  if (!isIsoDate(value) || value < RULES_2022_FROM) exitWith(`--on: 日期“${value}”无效，${valid}`, 2);
  return value;
}

// ─── Explaining ──────────────────────────────────────────────────────────────

/**
 * What `--json` prints: the evaluation explained by explainEvaluation (the same JSON the server
 * sends), and `words`, a digest of its texts for scripts: the scheme and its source, the outcome,
 * route and one-sentence summary, each gap as a sentence, the missing fields' names and the notes
 * on the unconfirmed rules applied.
 */
export interface CliEvaluation extends ExplainedEvaluation {
  words: {
    scheme: Words;
    source: Words;
    outcome: Words;
    route: Words | null;
    summary: Words;
    gaps: Words[];
    missing: Words[];
    unconfirmed: Words[];
  };
}

export function explain(evaluation: Evaluation): CliEvaluation {
  const e = explainEvaluation(evaluation);
  return {
    ...e,
    words: {
      scheme: e.schemeLabel,
      source: e.source,
      outcome: e.outcomeLabel,
      route: e.routeLabel,
      summary: e.summary,
      gaps: e.gaps.map((g) => g.text),
      missing: e.missingFields.map((f) => f.label),
      unconfirmed: e.unconfirmedNotes.map((n) => n.note),
    },
  };
}

const mark = (met: boolean | null) => (met === null ? '?' : met ? '✓' : '✗');

/** A short Chinese summary of an explained evaluation, for a terminal. */
export function summarise(e: ExplainedEvaluation): string {
  const lines: string[] = [];
  lines.push(`${e.schemeLabel.zh}（${e.rulesVersion}，评价日期 ${e.on}${e.purpose === 'review' ? '，复核' : ''}）`);
  const total = e.total !== null && e.maxTotal !== null ? `，总分 ${e.total}/${e.maxTotal}${e.passMark !== null ? `（合格线 ${e.passMark}）` : ''}` : '';
  lines.push(`结果：${e.outcomeLabel.zh}${e.routeLabel ? `（${e.routeLabel.zh}）` : ''}${total}`);
  lines.push(e.summary.zh);
  for (const c of e.categories) lines.push(`  ${mark(c.met)} ${c.text.zh}`);
  // Direct routes are alternatives: one line for them, not one ✗ per route.
  const direct = e.conditions.filter((c) => c.group === 'direct');
  if (direct.length) {
    const met = direct.filter((c) => c.met === true);
    lines.push(`直接认定：${met.length ? `满足 ${met.map((c) => c.label.zh).join('；')}` : direct.some((c) => c.met === null) ? '均未满足或待补充' : '均未满足'}`);
  }
  const unmet = e.conditions.filter((c) => c.met !== true && c.group !== 'direct');
  if (unmet.length) {
    lines.push('未满足或待补充的条件：');
    for (const c of unmet) lines.push(`  ${mark(c.met)} ${c.label.zh}：${c.reason.zh}`);
  }
  if (e.gaps.length) {
    lines.push('差距：');
    for (const g of e.gaps) lines.push(`  ${g.text.zh}`);
  }
  if (e.missingFields.length) lines.push(`缺少数据：${e.missingFields.map((f) => `${f.label.zh}（${f.field}）`).join('、')}`);
  for (const n of e.unconfirmedNotes) lines.push(`注：${n.note.zh}`);
  return lines.join('\n');
}

// ─── Command ─────────────────────────────────────────────────────────────────

interface EvaluateOptions {
  scheme?: string;
  on?: string;
  review?: boolean;
  json?: boolean;
  in?: string;
  out?: string;
}

const USAGE = 'yiqi cultivation evaluate --scheme <innovative-sme|specialised-sme|little-giant> --on <YYYY-MM-DD> --json < profile.json';

export function registerCultivationCommands(program: Command): void {
  const cultivation = program.command('cultivation').description('tiered cultivation (梯度培育): innovative SME, 专精特新, little giant');
  cultivation
    .command('evaluate')
    .description('evaluate the profile on stdin (or every profile of --in) against a scheme with the rules in force on a date')
    .option('--scheme <scheme>', `one of ${CULTIVATION_SCHEMES.join(', ')}`)
    .option('--on <date>', `evaluation date YYYY-MM-DD (from ${RULES_2022_FROM}); picks the rule version`)
    .option('--review', 're-review (复核) of a title held, not a new recognition')
    .option('--json', 'print the explained evaluation as JSON')
    .option('--in <file>', 'batch: a JSON array of profiles or an .xlsx with profile field names as headers')
    .option('--out <file>', 'batch: the .xlsx to write, one row per enterprise')
    .action(async (o: EvaluateOptions) => {
      const scheme = parseScheme(o.scheme);
      const on = parseOn(o.on);
      const purpose: EvaluationPurpose = o.review ? 'review' : 'new';
      if (o.in !== undefined || o.out !== undefined) {
        if (o.in === undefined || o.out === undefined) exitWith('--in 与 --out 须同时提供 (batch needs both --in <file.json|file.xlsx> and --out <file.xlsx>)', 2);
        if (!/\.xlsx$/i.test(o.out)) exitWith(`--out: 应为 .xlsx 文件 (must be an .xlsx file): ${o.out}`, 2);
        const { runBatch } = await import('./cultivation-batch.js');
        const summary = await runBatch({ scheme, on, purpose, input: o.in, output: o.out });
        process.stdout.write(
          o.json
            ? `${JSON.stringify(summary)}\n`
            : `已评价 ${summary.rows} 家 (evaluated)：符合 ${summary.qualified}，不符合 ${summary.notQualified}，待补充数据 ${summary.incomplete}，数据有误 ${summary.errors} → ${o.out}\n`,
        );
        return;
      }
      const profile = await readProfileFromStdin(USAGE);
      const evaluation = evaluateCultivation(scheme, profile, { on, purpose });
      process.stdout.write(`${o.json ? JSON.stringify(explain(evaluation)) : summarise(explainEvaluation(evaluation))}\n`);
    });
}
