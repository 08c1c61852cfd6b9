import { and, eq, sql } from 'drizzle-orm';
import { scheduledJobs } from '../../db/schema/index.js';
import type { Queryable, Tx } from '../../db/client.js';

export type JobRow = typeof scheduledJobs.$inferSelect;

/** Schedules a job once: a second call with the same (zone, kind, key) changes nothing. */
export async function insertJob(tx: Tx, row: { zoneId: string; id: string; kind: string; key: string; runAt: Date; payload: Record<string, unknown> }): Promise<void> {
  await tx.insert(scheduledJobs).values(row).onConflictDoNothing();
}

/** Claims the oldest due job, locking it so a second worker skips it. */
export async function claimDueJob(tx: Tx, now: Date): Promise<JobRow | undefined> {
  const result = await tx.execute(sql`
    select zone_id, id from scheduled_jobs
    where state = 'pending' and run_at <= ${now.toISOString()}
    order by run_at limit 1 for update skip locked`);
  const first = (result as unknown as { rows: { zone_id: string; id: string }[] }).rows[0];
  if (!first) return undefined;
  const [row] = await tx.select().from(scheduledJobs).where(and(eq(scheduledJobs.zoneId, first.zone_id), eq(scheduledJobs.id, first.id)));
  return row;
}

export async function markJobDone(tx: Tx, job: Pick<JobRow, 'zoneId' | 'id'>, now: Date): Promise<void> {
  await tx.update(scheduledJobs).set({ state: 'done', doneAt: now, attempts: sql`${scheduledJobs.attempts} + 1` })
    .where(and(eq(scheduledJobs.zoneId, job.zoneId), eq(scheduledJobs.id, job.id)));
}

export async function markJobFailedAttempt(tx: Tx, job: Pick<JobRow, 'zoneId' | 'id'>, error: string, retryAt: Date | null): Promise<void> {
  await tx.update(scheduledJobs)
    .set({ attempts: sql`${scheduledJobs.attempts} + 1`, lastError: error.slice(0, 2000), ...(retryAt ? { runAt: retryAt } : { state: 'failed' }) })
    .where(and(eq(scheduledJobs.zoneId, job.zoneId), eq(scheduledJobs.id, job.id)));
}

export async function listJobs(db: Queryable, zoneId: string, kind?: string): Promise<JobRow[]> {
  return db.select().from(scheduledJobs).where(kind ? and(eq(scheduledJobs.zoneId, zoneId), eq(scheduledJobs.kind, kind)) : eq(scheduledJobs.zoneId, zoneId));
}
