import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Lang } from '../../contracts/errors.js';
import type { Evaluation, EvaluationPurpose } from '../../domain/cultivation/cultivation-evaluation.js';
import { unpackEvaluation } from '../../domain/cultivation/pack-evaluation.js';
import { explainEvaluation, type ExplainedEvaluation } from '../../domain/cultivation/explain-evaluation.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import { CultivationRulesError, rulesFor } from '../../domain/cultivation/evaluate-cultivation.js';
import { cultivationConfigOf } from '../../domain/cultivation/resolve-cultivation-settings.js';
import { HONOURS } from '../../domain/cultivation/cultivation-profile.js';
import type { PageOf } from '../../contracts/common.js';
import type { ResultDetail, ResultItem, ResultQuery, RunCreate, RunSummary } from '../../contracts/cultivation.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { pageWindow } from '../platform/paging.js';
import { checkQueryDays } from '../platform/query-days.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findRecipientIds } from '../notifications/notifications.repository.js';
import { cultivationPolicy } from './cultivation.policy.js';
import { zoneCultivationConfig, zoneCultivationSettings } from './cultivation-settings.service.js';
import { countZoneEnterprises } from './cultivation-profile-source.repository.js';
import { scheduleRunPage } from './cultivation-run-job.js';
import {
  findResultRow, findRunRow, insertRun, listResultRows, listRunRows, lockResultsForNotify, markResultsNotified, type ResultListRow, type RunListRow,
} from './cultivation-runs.repository.js';

// ─── Presenting ─────────────────────────────────────────────────────────────

/** The tier's official name (创新型中小企业, …) in both languages. */
export function schemeName(scheme: string): { zh: string; en: string } {
  const honour = HONOURS.find((h) => h.key === scheme);
  return honour ? { zh: honour.zh, en: honour.en } : { zh: scheme, en: scheme };
}

/**
 * A stored evaluation explained (explainEvaluation) and its gaps and missing inputs as words in
 * the reader's language (研发费用占营业收入比重 2.6% → 3%：+5分). `config` is the zone's: it words a
 * gap's target by how band edges are read.
 */
export function explainResult(evaluation: Evaluation, lang: Lang, config: CultivationConfig): { gaps: string[]; missing: string[]; evaluation: ExplainedEvaluation } {
  const explained = explainEvaluation(evaluation, config);
  return {
    gaps: explained.gaps.map((g) => g.text[lang]),
    missing: explained.missingFields.map((f) => f.label[lang]),
    evaluation: explained,
  };
}

export function presentRun(row: RunListRow): RunSummary {
  return {
    id: row.id,
    scheme: row.scheme as RunSummary['scheme'],
    purpose: row.purpose as RunSummary['purpose'],
    evaluationOn: row.evaluationOn,
    rulesVersion: row.rulesVersion,
    status: row.status as RunSummary['status'],
    closeWithin: row.closeWithin,
    total: row.total,
    processed: row.processed,
    qualifiedCount: row.qualifiedCount,
    closeCount: row.closeCount,
    farCount: row.farCount,
    incompleteCount: row.incompleteCount,
    error: row.error,
    startedByName: row.startedByName,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A stored result's evaluation, whole again (results are stored packed; the run holds the rest). */
export function evaluationOf(row: Pick<ResultListRow, 'evaluation'>, run: RunListRow): Evaluation {
  return unpackEvaluation(row.evaluation, {
    scheme: run.scheme as RunSummary['scheme'], on: run.evaluationOn, purpose: run.purpose as EvaluationPurpose, rulesVersion: run.rulesVersion ?? '',
  });
}

export function presentResult(row: ResultListRow, run: RunListRow, lang: Lang, config: CultivationConfig): ResultItem {
  const words = explainResult(evaluationOf(row, run), lang, config);
  return {
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    uscc: row.uscc,
    pipeline: row.pipeline as ResultItem['pipeline'],
    outcome: row.outcome as ResultItem['outcome'],
    qualified: row.qualified,
    route: row.route as ResultItem['route'],
    total: row.total,
    shortBy: row.shortBy,
    gaps: words.gaps,
    missing: words.missing,
    notifiedAt: row.notifiedAt?.toISOString() ?? null,
  };
}

// ─── Reading ────────────────────────────────────────────────────────────────

function requireRead(actor: Actor): void {
  if (!cultivationPolicy.readRuns(actor)) throw forbidden();
}

export async function listRuns(ctx: AppContext, actor: Actor, q: { scheme?: string; page?: number; pageSize?: number }): Promise<PageOf<RunSummary>> {
  requireRead(actor);
  const { rows, total } = await listRunRows(ctx.db, actor.zoneId, { scheme: q.scheme, ...pageWindow(q) });
  return { items: rows.map(presentRun), total };
}

async function loadRun(ctx: AppContext, actor: Actor, id: string): Promise<RunListRow> {
  requireRead(actor);
  const row = await findRunRow(ctx.db, actor.zoneId, id);
  if (!row) throw notFound();
  return row;
}

/** One run with its progress (the web polls it while queued or running). */
export async function getRun(ctx: AppContext, actor: Actor, id: string): Promise<RunSummary> {
  return presentRun(await loadRun(ctx, actor, id));
}

export async function listResults(ctx: AppContext, actor: Actor, runId: string, q: ResultQuery, lang: Lang): Promise<PageOf<ResultItem>> {
  const run = await loadRun(ctx, actor, runId);
  const { rows, total } = await listResultRows(ctx.db, actor.zoneId, runId, { pipeline: q.pipeline, q: q.q, ...pageWindow(q) });
  const config = await zoneCultivationConfig(ctx.db, actor.zoneId);
  return { items: rows.map((r) => presentResult(r, run, lang, config)), total };
}

export async function getResult(ctx: AppContext, actor: Actor, runId: string, enterpriseId: string, lang: Lang): Promise<ResultDetail> {
  const run = await loadRun(ctx, actor, runId);
  const row = await findResultRow(ctx.db, actor.zoneId, runId, enterpriseId);
  if (!row) throw notFound();
  const config = await zoneCultivationConfig(ctx.db, actor.zoneId);
  return { ...presentResult(row, run, lang, config), evaluation: explainResult(evaluationOf(row, run), lang, config).evaluation };
}

// ─── Starting a run ─────────────────────────────────────────────────────────

/**
 * Queues a batch evaluation of every enterprise of the zone for a tier on a date (industry officer,
 * administrator) and schedules its first page as a durable job. The zone's settings in force now
 * (the unconfirmed rules and the pipeline margins) are the run's: settings changed while it runs
 * do not mix two sets of rules in one run. `opts.pageSize` (tests) sets the enterprises per page job.
 */
export async function createRun(ctx: AppContext, actor: Actor, body: RunCreate, opts: { pageSize?: number } = {}): Promise<RunSummary> {
  if (!cultivationPolicy.readRuns(actor)) throw forbidden();
  if (!cultivationPolicy.manageRuns(actor)) throw forbidden();
  checkQueryDays({ on: body.on }, '');
  const purpose = body.purpose ?? 'new';
  const id = randomUUID();
  await inTransaction(ctx.db, async (tx) => {
    const settings = await zoneCultivationSettings(tx, actor.zoneId);
    const config = cultivationConfigOf(settings);
    let definition;
    try {
      definition = rulesFor(body.scheme, body.on, purpose, config).definition;
    } catch (e) {
      if (e instanceof CultivationRulesError) throw new DomainError('VALIDATION_FAILED', [fieldError('on', 'cultivation-no-rules', { value: body.on })]);
      throw e;
    }
    const scoreScheme = definition.passMark !== null;
    const total = await countZoneEnterprises(tx, actor.zoneId);
    const now = ctx.clock.now();
    await insertRun(tx, {
      zoneId: actor.zoneId, id, scheme: body.scheme, purpose, evaluationOn: body.on, rulesVersion: definition.rulesVersion, status: 'queued',
      closeWithin: scoreScheme ? settings.closeWithinPoints : settings.closeWithinConditions, total, startedBy: actor.userId, createdAt: now,
    });
    await scheduleRunPage(tx, now, {
      zoneId: actor.zoneId, runId: id, afterId: null, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
      settings: { config, margins: { closeWithinPoints: settings.closeWithinPoints, closeWithinConditions: settings.closeWithinConditions } },
    });
    await recordAudit(tx, actor, {
      action: 'cultivation_run.created', entity: 'cultivation_run', entityId: id,
      after: { scheme: body.scheme, on: body.on, purpose, rulesVersion: definition.rulesVersion, total, settings },
    });
  });
  return getRun(ctx, actor, id);
}

// ─── Notifying the close enterprises ────────────────────────────────────────

/**
 * Tells the close enterprises of a finished run their gap (cultivation.close, to the enterprise's
 * users). Only enterprises in the "close" band are notified.
 *
 * Idempotence: without `enterpriseIds` every close enterprise NOT yet notified for this run is
 * notified, so pressing "notify" twice sends nothing the second time. With `enterpriseIds` the
 * officer names them explicitly, and those are notified again even if they were before (a
 * deliberate reminder). Ids that are not close in this run (or not in it) are refused with a
 * field error naming them, and nothing is sent.
 *
 * Returns the enterprises notified and the messages written (one per active enterprise user).
 */
export async function notifyRun(ctx: AppContext, actor: Actor, runId: string, enterpriseIds: string[] | undefined): Promise<{ notified: number; enterprises: number }> {
  if (!cultivationPolicy.readRuns(actor)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const run = await findRunRow(tx, actor.zoneId, runId, true);
    if (!run) throw notFound();
    if (!cultivationPolicy.manageRuns(actor)) throw forbidden();
    if (run.status !== 'done') throw new DomainError('CONFLICT', { status: run.status }, 'the run has not finished');
    const ids = enterpriseIds ? [...new Set(enterpriseIds)] : null;
    const rows = await lockResultsForNotify(tx, actor.zoneId, runId, ids);
    if (ids) {
      const close = new Set(rows.filter((r) => r.pipeline === 'close').map((r) => r.enterpriseId));
      const refused = ids.filter((id) => !close.has(id));
      if (refused.length > 0) {
        const list = refused.join('、');
        throw new DomainError('VALIDATION_FAILED', [{
          field: 'enterpriseIds', reason: 'cultivation-notify-not-close',
          message: `以下企业在本次评价中不属于“临近”梯队，未发送任何通知：${list}`,
          messages: {
            zh: `以下企业在本次评价中不属于“临近”梯队，未发送任何通知：${list}`,
            en: `These enterprises are not "close" in this evaluation; nothing was sent: ${refused.join(', ')}`,
          },
        }]);
      }
    }
    const targets = rows.filter((r) => r.pipeline === 'close');
    const now = ctx.clock.now();
    const scheme = schemeName(run.scheme);
    const config = await zoneCultivationConfig(tx, actor.zoneId);
    let messages = 0;
    for (const r of targets) {
      messages += (await findRecipientIds(tx, actor.zoneId, { enterpriseId: r.enterpriseId })).length;
      // The stored title is in Chinese; the notification renders again in the reader's language from its params.
      const explained = explainResult(evaluationOf(r, run), 'zh', config).evaluation;
      await notify(tx, actor.zoneId, now, [{
        to: { enterpriseId: r.enterpriseId }, kind: 'cultivation.close', entity: 'cultivation_run', entityId: runId,
        params: {
          scheme: scheme.zh, scheme_en: scheme.en,
          gaps: explained.gaps.map((g) => g.text.zh).join('；'), gaps_en: explained.gaps.map((g) => g.text.en).join('; '),
          shortBy: r.shortBy, enterprise: r.enterpriseName,
        },
      }]);
    }
    const notifiedIds = targets.map((r) => r.enterpriseId);
    await markResultsNotified(tx, actor.zoneId, runId, notifiedIds, now);
    if (notifiedIds.length > 0) {
      await recordAudit(tx, actor, {
        action: 'cultivation_run.notified', entity: 'cultivation_run', entityId: runId,
        after: { enterpriseIds: notifiedIds, messages, again: ids !== null },
      });
    }
    return { notified: messages, enterprises: notifiedIds.length };
  });
}
