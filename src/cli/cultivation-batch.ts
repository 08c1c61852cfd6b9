/**
 * The batch form of `yiqi cultivation evaluate`: reads many profiles from a JSON array or an .xlsx
 * sheet, evaluates each, and writes one .xlsx row per enterprise. A bad row is reported in its own
 * row (its field errors) and the others are still evaluated; only a file that cannot be read at all
 * stops the command (exit 2).
 *
 * The .xlsx input: the first sheet, header row 1 with the profile's field names
 * (CULTIVATION_PROFILE_FIELDS: `employees`, `ip.class1`, `scienceAward.level`, …), plus `name`,
 * `uscc` and `provincialPoints.<key>`. Unknown headers are ignored. Lists (honours, qualityItems,
 * qualitativeClaims, scopeIssues) are keys separated by commas (`,`, `，`, `、` or `;`); booleans are
 * true/false, 是/否, yes/no or 1/0; `sector` may also be its Chinese label (工业). An empty cell is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SIZE_SECTORS } from '../domain/enterprises/index.js';
import {
  checkCultivationProfile, CULTIVATION_PROFILE_FIELDS, evaluateCultivation, explainEvaluation, rulesFor,
  type CultivationScheme, type Evaluation, type EvaluationPurpose, type ProfileFieldError, type ProfileFieldSpec,
} from '../domain/cultivation/index.js';
import { exitWith } from './cli-exit.js';
import { createProgress } from './progress.js';
import { formatProfileErrors } from './cultivation.js';

export interface BatchOptions {
  scheme: CultivationScheme;
  on: string;
  purpose: EvaluationPurpose;
  input: string;
  output: string;
}

export interface BatchSummary {
  rows: number;
  qualified: number;
  notQualified: number;
  incomplete: number;
  /** rows whose profile was invalid (or could not be evaluated) */
  errors: number;
  out: string;
}

/** One enterprise read from the input: where it was, its name and code, and its raw profile or cell errors. */
interface InputRow {
  /** JSON: 1-based position in the array; xlsx: the sheet row number */
  row: number;
  name: string;
  uscc: string;
  data: unknown;
  errors: ProfileFieldError[];
}

/** Inputs this large show a progress bar (or progress lines) on stderr. */
const PROGRESS_FROM = 1000;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function readJson(buffer: Buffer, file: string): InputRow[] {
  let data: unknown;
  try {
    data = JSON.parse(buffer.toString('utf8'));
  } catch (e) {
    return exitWith(`${file}: 不是有效的 JSON (not valid JSON): ${(e as Error).message}`, 2);
  }
  if (!Array.isArray(data)) exitWith(`${file}: 应为企业画像的 JSON 数组 (must be a JSON array of profiles)`, 2);
  return data.map((item: unknown, i) => {
    const o = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    return { row: i + 1, name: text(o.name), uscc: text(o.uscc), data: item, errors: [] };
  });
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return undefined;
    return undefined;
  }
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return typeof v === 'string' ? v.trim() : v;
}

const sectorByLabel = new Map<string, string>(SIZE_SECTORS.map((s) => [s.label, s.key]));
const TRUE = new Set(['true', '是', 'yes', 'y', '1']);
const FALSE = new Set(['false', '否', 'no', 'n', '0']);
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cell as the JSON value its field expects; anything it cannot read is passed on for the check to name. */
function convert(value: unknown, spec: ProfileFieldSpec, header: string): unknown {
  switch (spec.kind) {
    case 'boolean':
      if (typeof value === 'string') {
        const l = value.toLowerCase();
        if (TRUE.has(l)) return true;
        if (FALSE.has(l)) return false;
      }
      return value === 1 ? true : value === 0 ? false : value;
    case 'key':
      return header === 'sector' && typeof value === 'string' ? (sectorByLabel.get(value) ?? value) : value;
    case 'keys':
      return typeof value === 'string' ? value.split(/[,，、;；]+/).map((s) => s.trim()).filter(Boolean) : value;
    default:
      if (typeof value === 'string') {
        const plain = value.replace(/,/g, '');
        return NUMBER.test(plain) ? Number(plain) : value;
      }
      return value;
  }
}

const FIELD_SPECS: Record<string, ProfileFieldSpec> = CULTIVATION_PROFILE_FIELDS;

async function readXlsx(buffer: Buffer, file: string): Promise<InputRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    exitWith(`${file}: 不是有效的 .xlsx 文件 (not a readable .xlsx file): ${(e as Error).message}`, 2);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return exitWith(`${file}: 没有工作表 (no worksheet)`, 2);
  const columns: { col: number; header: string; spec: ProfileFieldSpec | 'name' | 'uscc' | 'points' }[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const header = text(cellValue(cell.value));
    if (header === 'name' || header === 'uscc') columns.push({ col, header, spec: header });
    else if (FIELD_SPECS[header]) columns.push({ col, header, spec: FIELD_SPECS[header]! });
    else if (/^provincialPoints\.[^.]+$/.test(header)) columns.push({ col, header, spec: 'points' });
  });
  if (!columns.some((c) => typeof c.spec === 'object')) {
    exitWith(`${file}: 第 1 行应为企业画像字段名，如 sector、employees、revenue、ip.class1 (row 1 must hold profile field names; none found)`, 2);
  }
  const rows: InputRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const sheetRow = sheet.getRow(r);
    const data: Record<string, unknown> = {};
    let name = '';
    let uscc = '';
    let empty = true;
    for (const c of columns) {
      const value = cellValue(sheetRow.getCell(c.col).value);
      if (value === undefined) continue;
      empty = false;
      if (c.spec === 'name') name = text(value);
      else if (c.spec === 'uscc') uscc = text(value);
      else {
        const [head, tail] = c.header.split('.') as [string, string | undefined];
        const converted = c.spec === 'points' ? convert(value, { kind: 'score' }, c.header) : convert(value, c.spec, c.header);
        if (tail === undefined) data[head] = converted;
        else ((data[head] ??= {}) as Record<string, unknown>)[tail] = converted;
      }
    }
    if (!empty) rows.push({ row: r, name, uscc, data, errors: [] });
  }
  return rows;
}

/** The input file's rows; exits 2 when the file cannot be read or is not a JSON array / .xlsx. */
export async function readBatchInput(file: string): Promise<InputRow[]> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    return exitWith(`${file}: 无法读取文件 (cannot read the file): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return readJson(buffer, file);
  if (ext === '.xlsx') return readXlsx(buffer, file);
  return exitWith(`${file}: 仅支持 .json 或 .xlsx 文件 (only .json or .xlsx input)`, 2);
}

/** Evaluates every row of the input and writes the results workbook. */
export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const rows = await readBatchInput(o.input);
  const def = rulesFor(o.scheme, o.on, o.purpose).definition;
  const categoryKeys = Object.keys(def.categories);

  let fd: number;
  try {
    fd = fs.openSync(o.output, 'w');
  } catch (e) {
    return exitWith(`${o.output}: 无法写入 (cannot write): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream('', { fd }), useStyles: true });
  const sheet = wb.addWorksheet('评价结果');
  sheet.columns = [
    { header: '行号', key: 'row', width: 6 },
    { header: '企业名称', key: 'name', width: 30 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '是否合格', key: 'qualified', width: 9 },
    { header: '结果', key: 'outcome', width: 10 },
    { header: '途径', key: 'route', width: 10 },
    { header: '总分', key: 'total', width: 8 },
    ...categoryKeys.map((k) => ({ header: def.categories[k]!.zh, key: `category:${k}`, width: 12 })),
    { header: '说明', key: 'summary', width: 50 },
    { header: '差距', key: 'gaps', width: 50 },
    { header: '缺少数据', key: 'missing', width: 40 },
    { header: '错误', key: 'errors', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const summary: BatchSummary = { rows: rows.length, qualified: 0, notQualified: 0, incomplete: 0, errors: 0, out: o.output };
  const progress = rows.length >= PROGRESS_FROM ? createProgress() : null;
  for (let i = 0; i < rows.length; i++) {
    const input = rows[i]!;
    const base = { row: input.row, name: input.name, uscc: input.uscc };
    const checked = checkCultivationProfile(input.data);
    let errors = 'errors' in checked ? checked.errors : [];
    let evaluation: Evaluation | null = null;
    if ('profile' in checked) {
      try {
        evaluation = evaluateCultivation(o.scheme, checked.profile, { on: o.on, purpose: o.purpose });
      } catch (e) {
        errors = [{ field: 'profile', reason: { zh: `无法评价：${(e as Error).message}`, en: `could not be evaluated: ${(e as Error).message}` } }];
      }
    }
    if (!evaluation) {
      summary.errors++;
      sheet.addRow({ ...base, errors: formatProfileErrors(errors) }).commit();
    } else {
      if (evaluation.outcome === 'qualified') summary.qualified++;
      else if (evaluation.outcome === 'not-qualified') summary.notQualified++;
      else summary.incomplete++;
      const explained = explainEvaluation(evaluation);
      const categories = Object.fromEntries(evaluation.categories.map((c) => [`category:${c.key}`, c.points]));
      sheet.addRow({
        ...base,
        qualified: evaluation.qualified ? '是' : '否',
        outcome: explained.outcomeLabel.zh,
        route: explained.routeLabel?.zh ?? null,
        total: evaluation.total,
        ...categories,
        summary: explained.summary.zh,
        gaps: explained.gaps.map((g) => g.text.zh).join('；'),
        missing: evaluation.missing.join(', '),
      }).commit();
    }
    if (progress && ((i + 1) % 500 === 0 || i + 1 === rows.length)) progress.update(i + 1, rows.length, '评价 evaluating');
  }
  progress?.stop();
  try {
    sheet.commit();
    await wb.commit();
  } catch (e) {
    exitWith(`${o.output}: 无法写入 (cannot write): ${(e as Error).message}`, 2);
  }
  return summary;
}
