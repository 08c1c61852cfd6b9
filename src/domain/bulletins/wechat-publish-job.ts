import type { PublishJobState } from './bulletin-vocabulary.js';

/**
 * Publishing a bulletin to the WeChat official account (reference: wechat-and-approvals.md
 * §1.4–1.8): draft/add → freepublish/submit (answers a publish_id; errcode 0 only means the task
 * was accepted) → the outcome arrives as the PUBLISHJOBFINISH event or by polling freepublish/get.
 *
 * Never publishing twice rests on two rules:
 * - a job has at most one draft in the account's draft box and a retry resubmits that draft (the
 *   platform removes a draft from the box once it is published, so submitting it again cannot
 *   publish it a second time); a new draft is made only when none exists;
 * - once a publish_id is known, the job enters `failed` only when the platform reports the publish
 *   failed (publish_status 2, 3 or 4); a failure to learn the outcome (a poll that errs, polls
 *   running out) leaves it `submitted` / `publishing`, and going on means polling, never submitting.
 */

export type Reason = { zh: string; en: string };

/** What a publish_status code (freepublish/get, PUBLISHJOBFINISH) means for the job. */
export type PublishStatusMeaning = { state: PublishJobState; reason: Reason | null };

const STATUS_MEANINGS: Record<number, PublishStatusMeaning> = {
  0: { state: 'published', reason: null },
  1: { state: 'publishing', reason: null },
  2: {
    state: 'failed',
    reason: { zh: '原创声明未通过（原创失败），文章未发表', en: 'The originality declaration failed; the article was not published' },
  },
  3: {
    state: 'failed',
    reason: {
      zh: '发表失败（常规失败），平台未说明原因；可稍后重试，多次失败请登录公众平台查看该草稿',
      en: 'Publishing failed (general failure) without a reason from the platform; retry later, and if it keeps failing check the draft on the official-account platform',
    },
  },
  4: {
    state: 'failed',
    reason: { zh: '平台审核不通过，文章未发表；请修改内容后重新发布', en: 'The platform review rejected the article; revise the content and publish again' },
  },
  5: {
    state: 'revoked',
    reason: { zh: '文章发表后已被公众号运营者删除', en: 'The article was deleted by the account after it was published' },
  },
  6: {
    state: 'revoked',
    reason: { zh: '文章发表后已被平台封禁', en: 'The article was banned by the platform after it was published' },
  },
};

/**
 * The job state a publish_status code leads to: 0 → published; 1 → publishing; 2 原创失败,
 * 3 常规失败, 4 平台审核不通过 → failed; 5 用户删除, 6 系统封禁 → revoked; each failure and
 * revocation with its reason in plain words. An unknown code is not taken as a failure (a failed job
 * may be resubmitted, which could publish twice): it stays publishing, with the code in the reason.
 */
export function publishStatusToState(code: number): PublishStatusMeaning {
  const known = Number.isInteger(code) ? STATUS_MEANINGS[code] : undefined;
  if (known) return known;
  return {
    state: 'publishing',
    reason: { zh: `公众号平台返回了未知的发布状态（${code}），将继续查询`, en: `The platform returned an unknown publish status (${code}); polling continues` },
  };
}

/** What happened to a job. `stage` names the call that failed: token, image upload, draft/add, freepublish/submit or freepublish/get. */
export type PublishJobEvent =
  | { kind: 'draft-added' }
  | { kind: 'submit-accepted' }
  | { kind: 'status'; code: number }
  | { kind: 'call-failed'; stage: 'token' | 'upload' | 'draft' | 'submit' | 'poll' };

/**
 * The job's next state after `event`. Events that do not apply leave the state as it is (the
 * platform repeats its events; a late report after a final state changes nothing), with one
 * exception: a published article later deleted or banned (5, 6) becomes revoked.
 */
export function nextPublishJobState(state: PublishJobState, event: PublishJobEvent): PublishJobState {
  switch (event.kind) {
    case 'draft-added':
      return state === 'drafted' || state === 'failed' ? 'drafted' : state;
    case 'submit-accepted':
      return state === 'drafted' || state === 'failed' ? 'submitted' : state;
    case 'status': {
      const next = publishStatusToState(event.code).state;
      if (state === 'submitted' || state === 'publishing') return next;
      return state === 'published' && next === 'revoked' ? 'revoked' : state;
    }
    case 'call-failed':
      // Not learning the outcome is not a failure of the publication: keep polling or wait for the event.
      if (event.stage === 'poll') return state;
      return state === 'drafted' || state === 'failed' ? 'failed' : state;
  }
}

/** Only a failed job offers "retry"; a job still publishing is polled, a published or revoked one is done. */
export function canRetry(state: PublishJobState): boolean {
  return state === 'failed';
}

export type RetryStep = 'create-draft' | 'submit' | 'poll' | 'nothing';

/**
 * What going on with a job does, so that it never publishes twice (see the rules above):
 * - failed or drafted: submit the existing draft when there is one, otherwise create the draft
 *   first (a failed job's publish_id, if any, belongs to a publish the platform reported failed);
 * - submitted or publishing: poll when the publish_id is known (never submit again), else nothing;
 * - published or revoked: nothing.
 * When a resubmission answers that the draft is gone (40007 invalid media_id), the service clears
 * draftMediaId so the next retry creates a new draft: the platform reported the publish failed,
 * so nothing was published.
 */
export function nextStepOnRetry(job: { state: PublishJobState; draftMediaId: string | null; publishId: string | null }): RetryStep {
  switch (job.state) {
    case 'failed':
    case 'drafted':
      return job.draftMediaId ? 'submit' : 'create-draft';
    case 'submitted':
    case 'publishing':
      return job.publishId ? 'poll' : 'nothing';
    case 'published':
    case 'revoked':
      return 'nothing';
  }
}

/** 30 s, 1 min, 2 min, 5 min, 10 min, then every 30 min. */
const POLL_DELAYS = [30, 60, 120, 300, 600] as const;
const LONG_POLL_DELAY = 1800;
export const MAX_PUBLISH_POLLS = 20;

/**
 * Seconds to wait before the next freepublish/get after `pollsSoFar` polls, or null to stop
 * polling (after 20, about 7.8 hours in all). The gaps are long because that endpoint's daily quota
 * is 100 calls per account (§1.8); the PUBLISHJOBFINISH event is the main way the outcome arrives.
 *
 * @throws RangeError when pollsSoFar is not a whole number ≥ 0.
 */
export function nextPollDelaySeconds(pollsSoFar: number): number | null {
  if (!Number.isInteger(pollsSoFar) || pollsSoFar < 0) throw new RangeError(`查询次数“${pollsSoFar}”无效，应为不小于 0 的整数`);
  if (pollsSoFar >= MAX_PUBLISH_POLLS) return null;
  return POLL_DELAYS[pollsSoFar] ?? LONG_POLL_DELAY;
}

/** How long a publication being drafted is left to the request working on it before it may be taken over. */
export const PUBLISH_IN_FLIGHT_MS = 120_000;

export type OfferedPublishAction = 'publish' | 'retry' | 'check' | null;

/**
 * What the coordinator is offered for a published bulletin's publication: start one; retry a
 * failed one or one left in 'drafted' past the in-flight time (an interrupted attempt); ask the
 * platform for the result while it is under way; nothing once it is published or revoked.
 */
export function offeredPublishAction(job: { state: PublishJobState; updatedAtMs: number } | null, nowMs: number): OfferedPublishAction {
  if (!job) return 'publish';
  if (job.state === 'failed') return 'retry';
  if (job.state === 'drafted') return nowMs - job.updatedAtMs >= PUBLISH_IN_FLIGHT_MS ? 'retry' : null;
  if (job.state === 'submitted' || job.state === 'publishing') return 'check';
  return null;
}
