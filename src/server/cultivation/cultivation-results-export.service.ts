import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { definitionFor } from '../../domain/cultivation/evaluate-cultivation.js';
import { PIPELINE_BANDS, type PipelineBand, type ResultQuery, type RunSummary } from '../../contracts/cultivation.js';
import { forbidden, notFound } from '../platform/errors.js';
import { cultivationPolicy } from './cultivation.policy.js';
import { zoneCultivationConfig } from './cultivation-settings.service.js';
import { findRunRow, listBandRowsAfter, type ResultCursor, type ResultListRow, type RunListRow } from './cultivation-runs.repository.js';
import { evaluationOf, explainResult, schemeName } from './cultivation-runs.service.js';

const PAGE = 1_000;

const BAND_WORDS: Record<PipelineBand, string> = { qualified: '符合', close: '临近', far: '差距较大', incomplete: '信息不全' };
const OUTCOME_WORDS: Record<string, string> = { qualified: '符合', 'not-qualified': '不符合', incomplete: '信息不全，无法判定' };
const ROUTE_WORDS: Record<string, string> = { direct: '直通条件', score: '评分及条件' };
const PURPOSE_WORDS: Record<string, string> = { new: '新申报', review: '复核' };

/**
 * A run's results as an Excel workbook (one row per enterprise, Chinese headers): band, outcome,
 * route, total, the points or conditions short, each category's points, the gaps and the missing
 * inputs in words, and when the enterprise was notified; a second sheet says what the run was.
 * The current filter (band, search) applies. Written as a stream, a page of 1,000 results at a
 * time, so that 100,000 rows never sit in memory at once.
 *
 * Permission and the run are checked before anything is sent; the returned stream then fills.
 */
export async function exportRunResults(ctx: AppContext, actor: Actor, runId: string, q: ResultQuery): Promise<{ stream: Readable; fileName: string }> {
  if (!cultivationPolicy.readRuns(actor)) throw forbidden();
  const run = await findRunRow(ctx.db, actor.zoneId, runId);
  if (!run) throw notFound();
  const out = new PassThrough();
  void writeWorkbook(ctx, actor.zoneId, run, q, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  const name = schemeName(run.scheme).zh;
  return { stream: out, fileName: `${name}批量评价结果-${run.evaluationOn}.xlsx` };
}

async function writeWorkbook(ctx: AppContext, zoneId: string, run: RunListRow, q: ResultQuery, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const definition = run.rulesVersion ? definitionFor(run.scheme as RunSummary['scheme'], run.rulesVersion) : undefined;
  const categories = Object.entries(definition?.categories ?? {});
  const config = await zoneCultivationConfig(ctx.db, zoneId);
  const sheet = workbook.addWorksheet('批量评价结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '企业名称', key: 'name', width: 36 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '梯队', key: 'pipeline', width: 10 },
    { header: '评价结论', key: 'outcome', width: 12 },
    { header: '评价路径', key: 'route', width: 10 },
    { header: '总分', key: 'total', width: 8 },
    { header: definition?.passMark === null ? '未满足条件数' : '距通过还差（分）', key: 'shortBy', width: 14 },
    ...categories.map(([key, words]) => ({ header: `${words.zh}（分）`, key: `cat:${key}`, width: 14 })),
    { header: '差距与改进方向', key: 'gaps', width: 60 },
    { header: '缺少的信息', key: 'missing', width: 40 },
    { header: '已通知时间', key: 'notifiedAt', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const bands = q.pipeline ? [q.pipeline] : PIPELINE_BANDS;
  for (const band of bands) {
    let after: ResultCursor | null = null;
    for (;;) {
      const rows: ResultListRow[] = await listBandRowsAfter(ctx.db, zoneId, run.id, band, { q: q.q, after, limit: PAGE });
      for (const r of rows) {
        const evaluation = evaluationOf(r, run);
        const words = explainResult(evaluation, 'zh', config);
        const cells: Record<string, string | number | null> = {
          name: r.enterpriseName,
          uscc: r.uscc,
          pipeline: BAND_WORDS[r.pipeline as PipelineBand] ?? r.pipeline,
          outcome: OUTCOME_WORDS[r.outcome] ?? r.outcome,
          route: r.route ? (ROUTE_WORDS[r.route] ?? r.route) : '',
          total: r.total,
          shortBy: r.shortBy,
          gaps: words.gaps.join('\n'),
          missing: words.missing.join('、'),
          notifiedAt: r.notifiedAt ? r.notifiedAt.toISOString().slice(0, 19).replace('T', ' ') : '',
        };
        for (const [key] of categories) cells[`cat:${key}`] = evaluation.categories.find((c) => c.key === key)?.points ?? null;
        sheet.addRow(cells).commit();
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = { shortBy: last.shortBy, name: last.enterpriseName, enterpriseId: last.enterpriseId };
    }
  }
  sheet.commit();

  const about = workbook.addWorksheet('说明');
  about.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '内容', key: 'v', width: 60 }];
  about.getRow(1).font = { bold: true };
  const margin = definition?.passMark === null ? `未满足条件不超过 ${run.closeWithin} 项` : `距通过不超过 ${run.closeWithin} 分`;
  const info: [string, string][] = [
    ['评价层级', schemeName(run.scheme).zh],
    ['评价日期', run.evaluationOn],
    ['评价目的', PURPOSE_WORDS[run.purpose] ?? run.purpose],
    ['适用标准', definition?.source.zh ?? run.rulesVersion ?? ''],
    ['“临近”标准', margin],
    ['企业数', String(run.processed)],
    ['筛选', [q.pipeline ? `梯队：${BAND_WORDS[q.pipeline]}` : '', q.q ? `搜索：${q.q}` : ''].filter(Boolean).join('；') || '全部'],
  ];
  for (const [k, v] of info) about.addRow({ k, v }).commit();
  about.commit();
  await workbook.commit();
}
