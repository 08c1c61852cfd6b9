import ExcelJS from 'exceljs';
import type { EnterpriseCreate, YearlyFigures } from '../../contracts/enterprises.js';
import type { Lang } from '../../contracts/errors.js';
import { cellError, type FieldMessageKey, type FieldMessageParams, type KeyedCellError } from '../../contracts/field-messages.js';
import { FIGURE_FIELDS, SIZE_SECTOR_KEYS } from '../../contracts/enterprises.js';
import { SIZE_SECTORS } from '../../domain/enterprises/index.js';

/**
 * The enterprise workbook: one sheet, one enterprise per row, the latest
 * year's figures on the same row. The template, the import and the export use
 * these columns, so a file exported can be edited and imported back.
 */
type Column = { key: string; header: string; width: number; required?: boolean; note?: string };

const FIGURE_HEADERS: Record<(typeof FIGURE_FIELDS)[number], string> = {
  employees: '从业人员（人）',
  revenue: '营业收入（元）',
  mainRevenue: '主营业务收入（元）',
  totalAssets: '资产总额（元）',
  liabilities: '负债总额（元）',
  rdExpense: '研发费用（元）',
  rdStaff: '研发人员（人）',
  ipInvention: '发明专利（件）',
  ipUtilityModel: '实用新型（件）',
  ipDesign: '外观设计（件）',
  ipSoftware: '软件著作权（件）',
  ipOther: '其他知识产权（件）',
  equityFinancing: '股权融资（元）',
};

export const ENTERPRISE_COLUMNS: Column[] = [
  { key: 'name', header: '企业名称', width: 30, required: true },
  { key: 'uscc', header: '统一社会信用代码', width: 22, required: true, note: '18 位，GB 32100-2015' },
  { key: 'legalRepresentative', header: '法定代表人', width: 12 },
  { key: 'industryDivision', header: '行业大类代码', width: 12, note: 'GB/T 4754-2017 两位代码，如 30' },
  { key: 'sizeSector', header: '划型行业', width: 16, note: '如 工业、软件和信息技术服务业' },
  { key: 'address', header: '注册地址', width: 30 },
  { key: 'foundedOn', header: '成立日期', width: 12, note: 'YYYY-MM-DD' },
  { key: 'aboveScale', header: '规上企业', width: 9, note: '是 / 否' },
  { key: 'cadre', header: '挂点干部', width: 10, note: '姓名或用户名' },
  { key: 'leader', header: '包联领导', width: 10, note: '姓名或用户名' },
  { key: 'themes', header: '走访主题', width: 20, note: '多个用“、”分隔' },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 14 },
  { key: 'year', header: '数据年度', width: 9 },
  ...FIGURE_FIELDS.map((f) => ({ key: f, header: FIGURE_HEADERS[f], width: 14 })),
];

const FIELD_TO_COLUMN: Record<string, string> = { cadreId: 'cadre', leaderId: 'leader', themeIds: 'themes', contacts: 'contactName' };

/** The file's column header for a column key or a payload field path (`figures.0.year` → 数据年度). */
export function columnHeader(field: string): string {
  const parts = field.split('.');
  const key = parts[0] === 'figures' && parts[2] ? parts[2] : (FIELD_TO_COLUMN[parts[0]!] ?? parts[0]!);
  return ENTERPRISE_COLUMNS.find((c) => c.key === key)?.header ?? field;
}

export type ParsedRow = {
  row: number;
  payload: EnterpriseCreate;
  cadreName?: string;
  leaderName?: string;
  themeNames: string[];
};

export class WorkbookError extends Error {}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError('not-xlsx');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new WorkbookError('no-sheet');
  return sheet;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

const sizeSectorByLabel = new Map<string, string>(SIZE_SECTORS.map((s) => [s.label, s.key]));

/** Reads the header row and maps each known header to its column number. */
export function mapHeaders(sheet: ExcelJS.Worksheet): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  const header = sheet.getRow(1);
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\*$/, '');
    const column = ENTERPRISE_COLUMNS.find((c) => c.header === text);
    if (column) index.set(column.key, col);
  });
  const missing = ENTERPRISE_COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  return { index, missing };
}

/** Turns one sheet row into a payload, collecting cell errors (row, column header, reason in Chinese). */
export function parseRow(sheet: ExcelJS.Worksheet, rowNumber: number, index: Map<string, number>): { parsed?: ParsedRow; errors: KeyedCellError[]; empty: boolean } {
  const row = sheet.getRow(rowNumber);
  const get = (key: string) => {
    const col = index.get(key);
    return col ? cellText(row.getCell(col).value) : '';
  };
  const raw = (key: string) => {
    const col = index.get(key);
    return col ? row.getCell(col).value : null;
  };
  const errors: KeyedCellError[] = [];
  const err = (key: string, message: FieldMessageKey, params?: FieldMessageParams) => errors.push(cellError(rowNumber, columnHeader(key), message, params));
  if (ENTERPRISE_COLUMNS.every((c) => get(c.key) === '')) return { errors, empty: true };

  const name = get('name');
  if (!name) err('name', 'required');
  else if (name.length > 200) err('name', 'too-long', { value: 200 });
  const uscc = get('uscc');
  if (!uscc) err('uscc', 'required');

  const division = get('industryDivision');
  const sectorText = get('sizeSector');
  let sizeSector: string | null = null;
  if (sectorText) {
    sizeSector = sizeSectorByLabel.get(sectorText) ?? ((SIZE_SECTOR_KEYS as readonly string[]).includes(sectorText) ? sectorText : null);
    if (!sizeSector) err('sizeSector', 'size-sector-unknown', { value: sectorText });
  }
  let foundedOn: string | null = null;
  const founded = raw('foundedOn');
  if (founded instanceof Date) foundedOn = founded.toISOString().slice(0, 10);
  else if (get('foundedOn')) {
    const t = get('foundedOn').replace(/[/.]/g, '-');
    if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) && new Date(`${t}T00:00:00Z`).toISOString().startsWith(t)) foundedOn = t;
    else err('foundedOn', 'date-invalid', { value: get('foundedOn') });
  }
  const scale = get('aboveScale');
  let aboveScale = false;
  if (scale) {
    if (['是', 'Y', 'y', 'yes', 'true', '1'].includes(scale)) aboveScale = true;
    else if (!['否', 'N', 'n', 'no', 'false', '0'].includes(scale)) err('aboveScale', 'yes-no');
  }
  const number = (key: string, integer: boolean, allowNegative = false): number | null => {
    const v = raw(key);
    const text = get(key).replace(/,/g, '');
    if (text === '') return null;
    const n = typeof v === 'number' ? v : Number(text);
    if (!Number.isFinite(n)) {
      err(key, 'not-a-number', { value: get(key) });
      return null;
    }
    if (!allowNegative && n < 0) err(key, 'negative');
    if (integer && !Number.isInteger(n)) err(key, 'not-integer');
    if (Math.abs(n) > 1e14) err(key, 'too-large');
    return n;
  };
  const yearText = get('year');
  const figureValues = FIGURE_FIELDS.map((f) => [f, number(f, !['revenue', 'mainRevenue', 'totalAssets', 'liabilities', 'rdExpense', 'equityFinancing'].includes(f), f === 'liabilities')] as const);
  let figures: YearlyFigures[] = [];
  if (yearText) {
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) err('year', 'year-invalid', { value: yearText });
    else figures = [{ year, ...Object.fromEntries(figureValues) } as YearlyFigures];
  } else if (figureValues.some(([, v]) => v !== null)) {
    err('year', 'year-required');
  }
  const contactName = get('contactName');
  const contactPhone = get('contactPhone');
  if (contactPhone && !/^[0-9+\- ()]{3,40}$/.test(contactPhone)) err('contactPhone', 'phone-invalid', { value: contactPhone });
  if (contactPhone && !contactName) err('contactName', 'contact-required');

  const payload: EnterpriseCreate = {
    name,
    uscc,
    legalRepresentative: get('legalRepresentative') || null,
    industryDivision: division ? division.padStart(2, '0') : null,
    sizeSector: sizeSector as EnterpriseCreate['sizeSector'],
    address: get('address') || null,
    foundedOn,
    aboveScale,
    ...(contactName ? { contacts: [{ name: contactName, phone: contactPhone || null, isPrimary: true }] } : {}),
    ...(figures.length ? { figures } : {}),
  };
  // A column absent from the file leaves that field as it is (an update by USCC changes only what the file holds).
  for (const key of ['legalRepresentative', 'industryDivision', 'sizeSector', 'address', 'foundedOn', 'aboveScale'] as const) {
    if (!index.has(key)) delete payload[key];
  }
  const themeNames = get('themes').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
  return { errors, empty: false, parsed: { row: rowNumber, payload, cadreName: get('cadre') || undefined, leaderName: get('leader') || undefined, themeNames } };
}

export type ExportRow = {
  name: string; uscc: string; legalRepresentative: string | null; industryDivision: string | null; sizeSector: string | null;
  address: string | null; foundedOn: string | null; aboveScale: boolean; cadre: string | null; leader: string | null; themes: string[];
  contactName: string | null; contactPhone: string | null; figures: Partial<YearlyFigures> | null;
};

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function buildEnterpriseWorkbook(rows: ExportRow[], withNotes = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yiqi 益企';
  const sheet = wb.addWorksheet('企业名录');
  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({ header: c.required ? `${c.header}` : c.header, key: c.key, width: c.width }));
  styleHeader(sheet);
  if (withNotes) {
    ENTERPRISE_COLUMNS.forEach((c, i) => {
      const note = [c.required ? '必填' : '', c.note ?? ''].filter(Boolean).join('；');
      if (note) sheet.getRow(1).getCell(i + 1).note = note;
    });
  }
  const sectorLabel = new Map<string, string>(SIZE_SECTORS.map((s) => [s.key, s.label]));
  for (const r of rows) {
    sheet.addRow({
      ...r,
      sizeSector: r.sizeSector ? (sectorLabel.get(r.sizeSector) ?? r.sizeSector) : null,
      aboveScale: r.aboveScale ? '是' : '否',
      themes: r.themes.join('、'),
      year: r.figures?.year ?? null,
      ...(r.figures ?? {}),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ERROR_SHEET = {
  zh: { sheet: '导入错误', row: '行号', column: '列', message: '问题' },
  en: { sheet: 'Import errors', row: 'Row', column: 'Column', message: 'Problem' },
} as const;

export async function buildErrorWorkbook(errors: { row: number; column: string; message: string }[], lang: Lang): Promise<Buffer> {
  const words = ERROR_SHEET[lang];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(words.sheet);
  sheet.columns = [
    { header: words.row, key: 'row', width: 8 },
    { header: words.column, key: 'column', width: 22 },
    { header: words.message, key: 'message', width: 60 },
  ];
  styleHeader(sheet);
  for (const e of errors) sheet.addRow({ row: e.row, column: e.column, message: e.message });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
