import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { AppContext } from './context.js';
import { inTransaction } from './transaction.js';
import { claimDueJob, insertJob, markJobDone, markJobFailedAttempt, type JobRow } from './jobs.repository.js';

/**
 * Durable background work (design.md, Data): reminders, escalations, automatic
 * closing. A job is a row in scheduled_jobs, keyed so that it is scheduled once.
 * The worker claims a due job with FOR UPDATE SKIP LOCKED and runs its handler
 * in the same transaction that marks it done, so its effect and its "done"
 * commit together: after a crash it runs again from scratch, never twice.
 * A handler re-reads the state it acts on and does nothing when the job is stale
 * (the deadline moved, the demand was settled).
 *
 * Why not pg-boss: its Node 20 line (10.x) keeps its own schema without zone_id
 * and needs an adapter on PGlite; the needs here are small and time-based.
 */
export type JobHandler = (ctx: AppContext, tx: Tx, job: JobRow) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export type JobSpec = { zoneId: string; kind: string; key: string; runAt: Date; payload?: Record<string, unknown> };

export async function scheduleJob(tx: Tx, spec: JobSpec): Promise<void> {
  await insertJob(tx, { id: randomUUID(), payload: {}, ...spec });
}

const MAX_ATTEMPTS = 5;

/** Runs every job due at the context's clock; returns how many ran (failures included). */
export async function runDueJobs(ctx: AppContext, handlers: JobHandlers, limit = 500): Promise<{ ran: number; failed: number }> {
  let ran = 0;
  let failed = 0;
  for (; ran < limit; ran += 1) {
    const now = ctx.clock.now();
    let claimed: JobRow | undefined;
    try {
      claimed = await inTransaction(ctx.db, async (tx) => {
        const job = await claimDueJob(tx, now);
        if (!job) return undefined;
        const handler = handlers[job.kind];
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(ctx, tx, job);
        } catch (cause) {
          throw new JobFailure(job, cause);
        }
        await markJobDone(tx, job, now);
        return job;
      });
    } catch (e) {
      if (!(e instanceof JobFailure)) throw e;
      failed += 1;
      const attempts = e.job.attempts + 1;
      const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 60_000 * 2 ** attempts);
      const message = e.cause instanceof Error ? e.cause.message : String(e.cause);
      await inTransaction(ctx.db, (tx) => markJobFailedAttempt(tx, e.job, message, retryAt));
      continue;
    }
    if (!claimed) break;
  }
  return { ran, failed };
}

class JobFailure extends Error {
  constructor(readonly job: JobRow, override readonly cause: unknown) {
    super(`job ${job.kind} ${job.key} failed`);
  }
}

/** Polls for due jobs every `intervalMs`, one run at a time. */
export function startJobWorker(
  ctx: AppContext, handlers: JobHandlers, intervalMs: number, log: (e: unknown) => void, alsoEachTick?: () => Promise<void>,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(ctx, handlers)
      .then(() => alsoEachTick?.())
      .catch(log)
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
