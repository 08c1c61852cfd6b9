import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor, SystemActor } from '../../domain/identity/actor.js';
import {
  nextPollDelaySeconds, nextPublishJobState, nextStepOnRetry, offeredPublishAction, publishStatusToState, type PublishJobState,
} from '../../domain/bulletins/index.js';
import type { BulletinContent, BulletinWechatState } from '../../contracts/bulletins.js';
import type { PublishJobFinishEvent } from '../../contracts/wechat.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { WechatApiError, WechatConfigError, wechatClient } from '../wechat/wechat-client.js';
import { bulletinPolicy } from './bulletins.policy.js';
import {
  findBulletinRow, findPublicationByPublishId, insertPublication, latestPublication, listOpenPublications, updatePublication, wechatEnabled, type PublicationRow,
} from './bulletins.repository.js';
import { renderBulletinCharts, renderWechatArticle, type BulletinChartKey } from './outputs/index.js';

type PublicationView = NonNullable<BulletinWechatState['publication']>;

const view = (p: PublicationRow): PublicationView => ({
  id: p.id, status: p.status as PublishJobState, articleUrl: p.articleUrl, failReason: p.failReason, lastErrcode: p.lastErrcode,
  lastErrmsg: p.lastErrmsg, polls: p.polls, updatedAt: p.updatedAt.toISOString(),
});

/** Where the bulletin's publication to the official account stands. */
export async function bulletinWechatState(ctx: AppContext, actor: Actor, bulletinId: string): Promise<BulletinWechatState> {
  if (!bulletinPolicy.read(actor)) throw forbidden();
  const bulletin = await findBulletinRow(ctx.db, actor.zoneId, bulletinId);
  if (!bulletin) throw notFound();
  const row = await latestPublication(ctx.db, actor.zoneId, bulletinId);
  const enabled = await wechatEnabled(ctx.db, actor.zoneId);
  const mayAct = bulletinPolicy.publishToWechat(actor) && bulletin.status === 'published';
  const next = mayAct ? offeredPublishAction(row ? { state: row.status as PublishJobState, updatedAtMs: row.updatedAt.getTime() } : null, ctx.clock.now().getTime()) : null;
  return { publication: row ? view(row) : null, enabled, next };
}

/**
 * Writes a publication's change and its audit entry in one transaction, only if nobody changed it
 * since `row` was read (compare and set on status and updatedAt): a slow poll never overwrites the
 * event's newer result. Returns the row as written, or null when it had moved on.
 */
async function change(ctx: AppContext, by: Actor | SystemActor, row: PublicationRow, patch: Partial<PublicationRow>, action: string): Promise<PublicationRow | null> {
  const next = { ...row, ...patch, updatedAt: ctx.clock.now() };
  return inTransaction(ctx.db, async (tx) => {
    const written = await updatePublication(tx, row.zoneId, row.id, { ...patch, updatedAt: next.updatedAt }, { status: row.status, updatedAt: row.updatedAt });
    if (!written) return null;
    await recordAudit(tx, by, {
      action: `bulletin.wechat-${action}`, entity: 'bulletin', entityId: row.bulletinId,
      before: { status: row.status }, after: { status: next.status, publishId: next.publishId, errcode: next.lastErrcode },
    });
    return next;
  });
}

/** Why an attempt stopped, in plain words, kept on the publication with the platform's errcode and errmsg. */
function failureOf(e: unknown): Partial<PublicationRow> {
  if (e instanceof WechatApiError) return { lastErrcode: e.errcode, lastErrmsg: e.errmsg, failReason: e.text('zh') };
  if (e instanceof WechatConfigError) return { lastErrcode: null, lastErrmsg: null, failReason: e.text('zh') };
  if (e instanceof DomainError) {
    const details = Array.isArray(e.details) ? e.details.map((d) => d.message).join('；') : '';
    return { lastErrcode: null, lastErrmsg: null, failReason: details || e.message };
  }
  return { lastErrcode: null, lastErrmsg: null, failReason: `生成或发送文章时出错：${e instanceof Error ? e.message : String(e)}` };
}

/**
 * Claims the bulletin's publication for this request, under a lock on the bulletin: a new one, or
 * a failed one moved back to 'drafted' (compare and set). Another request finds it 'drafted' and
 * recent, and leaves it alone, so two clicks never make two drafts or two submissions.
 */
async function claim(ctx: AppContext, actor: Actor, bulletinId: string): Promise<{ row: PublicationRow | null; step: 'create-draft' | 'submit' | 'poll' | 'nothing' }> {
  return inTransaction(ctx.db, async (tx) => {
    await findBulletinRow(tx, actor.zoneId, bulletinId, true);
    const existing = await latestPublication(tx, actor.zoneId, bulletinId);
    const now = ctx.clock.now();
    if (!existing) {
      const row: PublicationRow = {
        zoneId: actor.zoneId, id: randomUUID(), bulletinId, status: 'drafted', draftMediaId: null, thumbMediaId: null, publishId: null, articleId: null,
        articleUrl: null, lastErrcode: null, lastErrmsg: null, failReason: null, polls: 0, createdBy: actor.userId, createdAt: now, updatedAt: now,
      };
      await insertPublication(tx, row);
      await recordAudit(tx, actor, { action: 'bulletin.wechat-started', entity: 'bulletin', entityId: bulletinId, after: { publicationId: row.id } });
      return { row, step: 'create-draft' };
    }
    const step = nextStepOnRetry({ state: existing.status as PublishJobState, draftMediaId: existing.draftMediaId, publishId: existing.publishId });
    if (step === 'nothing' || step === 'poll') return { row: existing, step };
    if (existing.status === 'drafted' && offeredPublishAction({ state: 'drafted', updatedAtMs: existing.updatedAt.getTime() }, now.getTime()) === null) return { row: existing, step: 'nothing' };
    await updatePublication(tx, actor.zoneId, existing.id, { status: 'drafted', updatedAt: now });
    await recordAudit(tx, actor, { action: 'bulletin.wechat-retried', entity: 'bulletin', entityId: bulletinId, before: { status: existing.status }, after: { status: 'drafted' } });
    return { row: { ...existing, status: 'drafted', updatedAt: now }, step };
  });
}

/**
 * Publishes a published bulletin's snapshot to the official account, or retries a failed attempt:
 * charts uploaded as body images, a permanent cover, the draft, then the submission; the result
 * arrives by the PUBLISHJOBFINISH event or by polling with long gaps. A retry reuses what already
 * exists (the draft, the publish id), so nothing is ever published twice. The platform is called
 * outside any transaction (its call log writes on its own); each step's state is saved as it ends.
 */
export async function publishBulletinToWechat(ctx: AppContext, actor: Actor, bulletinId: string) {
  if (!bulletinPolicy.publishToWechat(actor)) throw forbidden();
  const bulletin = await findBulletinRow(ctx.db, actor.zoneId, bulletinId);
  if (!bulletin) throw notFound();
  if (bulletin.status !== 'published' || !bulletin.snapshot) throw new DomainError('BULLETIN_STATE_CONFLICT');
  const claimed = await claim(ctx, actor, bulletinId);
  if (claimed.step === 'poll' && claimed.row) await pollOnce(ctx, claimed.row);
  if (claimed.step === 'nothing' || claimed.step === 'poll' || !claimed.row) return bulletinWechatState(ctx, actor, bulletinId);
  let row: PublicationRow = claimed.row;
  const client = wechatClient(ctx, actor.zoneId, { publicationId: row.id });
  try {
    if (!row.draftMediaId) {
      const content = bulletin.snapshot as BulletinContent;
      const charts = renderBulletinCharts(content);
      const urls = {} as Record<BulletinChartKey, string>;
      for (const chart of Object.values(charts)) urls[chart.key] = await client.uploadImage(chart.png);
      const thumbMediaId = await client.addPermanentImage(charts.monthComparison.png);
      const article = renderWechatArticle(content, { imageUrl: (key) => urls[key] });
      const draftMediaId = await client.addDraft({ title: article.title, author: article.author, digest: article.digest, content: article.html, thumbMediaId });
      row = (await change(ctx, actor, row, { status: 'drafted', draftMediaId, thumbMediaId, failReason: null, lastErrcode: null, lastErrmsg: null }, 'drafted')) ?? row;
    }
    const publishId = await client.submitPublish(row.draftMediaId!);
    await change(ctx, actor, row, { status: 'submitted', publishId, polls: 0, failReason: null, lastErrcode: null, lastErrmsg: null }, 'submitted');
  } catch (e) {
    // The draft is kept even when the platform no longer has it (40007): it may have been published
    // by a submission whose answer was lost, so a new draft is never made behind the user's back.
    await change(ctx, actor, row, { status: 'failed', ...failureOf(e) }, 'failed');
  }
  return bulletinWechatState(ctx, actor, bulletinId);
}

const systemOf = (zoneId: string): SystemActor => ({ zoneId, userId: null, username: 'system', displayName: '系统（公众号发布）' });

/**
 * Applies the platform's publish status (by polling or by the event): a publication under way
 * moves on; a published one can still be revoked (deleted or banned afterwards, 5 and 6).
 */
async function applyStatus(ctx: AppContext, row: PublicationRow, status: { publishStatus: number; articleId: string | null; articleUrl: string | null }): Promise<void> {
  const next = nextPublishJobState(row.status as PublishJobState, { kind: 'status', code: status.publishStatus });
  if (next === row.status && next !== 'publishing' && next !== 'submitted') return;
  const { reason } = publishStatusToState(status.publishStatus);
  const state = next;
  if (state === row.status && state === 'publishing') {
    await change(ctx, systemOf(row.zoneId), row, { polls: row.polls + 1 }, 'polled');
    return;
  }
  await change(ctx, systemOf(row.zoneId), row, {
    status: state, polls: row.polls + 1, articleId: status.articleId ?? row.articleId, articleUrl: status.articleUrl ?? row.articleUrl,
    failReason: reason?.zh ?? null,
  }, state);
}

/**
 * Polls the publications still under way whose next poll is due (30 s, 1, 2, 5, 10 then 30 min
 * apart; at most 20 polls, since the platform allows 100 a day). Runs from the job worker's tick,
 * outside any transaction.
 */
export async function pollWechatPublications(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const open = await listOpenPublications(ctx.db);
  let polled = 0;
  for (const row of open) {
    const delay = nextPollDelaySeconds(row.polls);
    if (delay === null || !row.publishId || row.updatedAt.getTime() + delay * 1000 > now) continue;
    await pollOnce(ctx, row);
    polled += 1;
  }
  return polled;
}

/** One freepublish/get for a publication under way; a failed poll keeps it under way (it may have been published). */
async function pollOnce(ctx: AppContext, row: PublicationRow): Promise<void> {
  if (!row.publishId) return;
  try {
    const result = await wechatClient(ctx, row.zoneId, { publicationId: row.id, allowDisabled: true }).getPublishStatus(row.publishId);
    await applyStatus(ctx, row, { publishStatus: result.publishStatus, articleId: result.articleId, articleUrl: result.articleDetail.items[0]?.articleUrl ?? null });
  } catch (e) {
    await change(ctx, systemOf(row.zoneId), row, { polls: row.polls + 1, ...failureOf(e) }, 'poll-failed');
  }
}

/** The platform's PUBLISHJOBFINISH: applied once to the publication with that publish id; repeats and strangers ignored. */
export async function handlePublishJobFinish(ctx: AppContext, zoneId: string, event: PublishJobFinishEvent): Promise<void> {
  const row = await findPublicationByPublishId(ctx.db, zoneId, event.publishId);
  if (!row || !['submitted', 'publishing', 'published'].includes(row.status)) return;
  await applyStatus(ctx, row, { publishStatus: event.publishStatus, articleId: event.articleId, articleUrl: event.articleDetail.items[0]?.articleUrl ?? null });
}
