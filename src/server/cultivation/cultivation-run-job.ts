import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import type { CultivationScheme, EvaluationPurpose } from '../../domain/cultivation/cultivation-evaluation.js';
import { evaluateCultivation, rulesFor } from '../../domain/cultivation/evaluate-cultivation.js';
import { placeInPipeline, type PipelineMargins } from '../../domain/cultivation/place-in-pipeline.js';
import { packEvaluation } from '../../domain/cultivation/pack-evaluation.js';
import { scheduleJob, type JobHandlers } from '../platform/jobs.js';
import type { JobRow } from '../platform/jobs.repository.js';
import { loadProfileSourcePage, profileFromSources, profileSourceOptions } from './cultivation-profile-source.repository.js';
import { addRunProgress, countResultsByPipeline, findRunRow, insertResults, updateRun, type PipelineCounts, type ResultWrite } from './cultivation-runs.repository.js';

/**
 * The batch evaluation (批量评价) as a chain of durable jobs, one page of enterprises each.
 *
 * A page job loads ~2,000 enterprises after the previous page's last id (keyset order), builds each
 * profile (buildCultivationProfile), evaluates it (evaluateCultivation with the settings the run
 * started with), places it in the pipeline, writes the results (packed: packEvaluation) in one insert, adds the
 * page to the run's progress and schedules the next page — all in the job's own transaction, which
 * also marks the job done. So every page commits whole or not at all: progress shows after each
 * page, and a process that dies mid-page leaves the page's job pending; the worker runs it again
 * from scratch and the run resumes where it stood, never writing a result twice (the results'
 * primary key is zone, run, enterprise).
 *
 * A page that throws (a rule that cannot evaluate a profile, say) ends the run as failed with the
 * error; the savepoint keeps the failure itself from being rolled back with the page.
 */
export const RUN_PAGE_KIND = 'cultivation.run-page';
export const RUN_PAGE_SIZE = 2_000;

export type RunSettingsSnapshot = { config: CultivationConfig; margins: PipelineMargins };
export type RunPagePayload = { runId: string; afterId: string | null; settings: RunSettingsSnapshot; pageSize?: number };

/** Schedules a page of a run, due now. The key names the run and where the page starts, so it is scheduled once. */
export async function scheduleRunPage(tx: Tx, now: Date, p: RunPagePayload & { zoneId: string }): Promise<void> {
  const { zoneId, ...payload } = p;
  await scheduleJob(tx, { zoneId, kind: RUN_PAGE_KIND, key: `${p.runId}:${p.afterId ?? 'first'}`, runAt: now, payload });
}

async function runPage(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const payload = job.payload as RunPagePayload;
  const run = await findRunRow(tx, job.zoneId, payload.runId, true);
  // Stale: the run is gone, or it already ended (a page job scheduled twice finds it so).
  if (!run || run.status === 'done' || run.status === 'failed') return;
  const now = ctx.clock.now();
  if (run.status === 'queued') await updateRun(tx, job.zoneId, run.id, { status: 'running', startedAt: now });
  try {
    await tx.transaction(async (sp) => {
      const next = await evaluatePage(ctx, sp, job.zoneId, run.id, run.scheme as CultivationScheme, run.evaluationOn, run.purpose as EvaluationPurpose, payload);
      if (next) {
        await scheduleRunPage(sp, now, { zoneId: job.zoneId, ...payload, afterId: next });
        return;
      }
      // The last page: the counts from the rows themselves, and the run is done.
      const counts = await countResultsByPipeline(sp, job.zoneId, run.id);
      await updateRun(sp, job.zoneId, run.id, {
        status: 'done', finishedAt: ctx.clock.now(), processed: counts.total, total: counts.total,
        qualifiedCount: counts.qualified, closeCount: counts.close, farCount: counts.far, incompleteCount: counts.incomplete,
      });
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    await updateRun(tx, job.zoneId, run.id, { status: 'failed', error: message.slice(0, 2000), finishedAt: ctx.clock.now() });
  }
}

/** Evaluates and writes one page; returns the id to continue after, or null after the last page. */
async function evaluatePage(
  ctx: AppContext, tx: Tx, zoneId: string, runId: string, scheme: CultivationScheme, on: string, purpose: EvaluationPurpose, payload: RunPagePayload,
): Promise<string | null> {
  const { config, margins } = payload.settings;
  const { passMark } = rulesFor(scheme, on, purpose, config).definition;
  const limit = payload.pageSize ?? RUN_PAGE_SIZE;
  const options = profileSourceOptions(on);
  const page = (await takePrefetched(runId, payload.afterId)) ?? (await loadProfileSourcePage(tx, zoneId, { afterId: payload.afterId, limit }, options));
  if (page.nextAfterId && ctx.database.engine === 'postgres') {
    prefetch(runId, page.nextAfterId, loadProfileSourcePage(ctx.db, zoneId, { afterId: page.nextAfterId, limit }, options));
  }
  const rows: ResultWrite[] = [];
  const counts: PipelineCounts = { qualified: 0, close: 0, far: 0, incomplete: 0 };
  for (const sources of page.items) {
    const evaluation = evaluateCultivation(scheme, profileFromSources(sources, on), { on, purpose, config });
    const place = placeInPipeline(evaluation, { passMark }, margins);
    counts[place.pipeline]++;
    rows.push({
      enterpriseId: sources.enterprise.id, pipeline: place.pipeline, outcome: evaluation.outcome, qualified: evaluation.qualified,
      route: evaluation.route, total: evaluation.total, shortBy: place.shortBy, evaluation: packEvaluation(evaluation),
    });
  }
  await insertResults(tx, zoneId, runId, rows);
  await addRunProgress(tx, zoneId, runId, { ...counts, processed: rows.length });
  return page.nextAfterId;
}

type SourcePage = Awaited<ReturnType<typeof loadProfileSourcePage>>;

/**
 * On PostgreSQL the next page's sources are read on another connection of the pool while this page
 * is evaluated and written, and handed to the next page's job (same process; a page not found here
 * — another process, a restart — is read as usual). A read that failed is read again in the job.
 * PGlite has one connection: there every page reads its own sources inside its transaction.
 */
const prefetched = new Map<string, Promise<SourcePage>>();
const PREFETCH_KEEP = 8;

function prefetch(runId: string, afterId: string, page: Promise<SourcePage>): void {
  page.catch(() => undefined); // a failure is seen (and the page read again) by the job that takes it
  prefetched.set(`${runId}:${afterId}`, page);
  // Pages no job took (a run that failed) are forgotten, oldest first.
  for (const key of prefetched.keys()) {
    if (prefetched.size <= PREFETCH_KEEP) break;
    prefetched.delete(key);
  }
}

async function takePrefetched(runId: string, afterId: string | null): Promise<SourcePage | null> {
  if (afterId === null) return null;
  const key = `${runId}:${afterId}`;
  const page = prefetched.get(key);
  if (!page) return null;
  prefetched.delete(key);
  return page.catch(() => null);
}

export const cultivationRunJobHandlers: JobHandlers = { [RUN_PAGE_KIND]: runPage };
