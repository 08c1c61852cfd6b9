import { describe, expect, it } from 'vitest';
import { PUBLISH_JOB_STATES, type PublishJobState } from './bulletin-vocabulary.js';
import {
  canRetry, MAX_PUBLISH_POLLS, nextPollDelaySeconds, nextPublishJobState, nextStepOnRetry, offeredPublishAction, publishStatusToState,
  PUBLISH_IN_FLIGHT_MS,
  type PublishJobEvent, type RetryStep,
} from './wechat-publish-job.js';

describe('publishStatusToState', () => {
  it.each<[number, PublishJobState, string | null]>([
    [0, 'published', null],
    [1, 'publishing', null],
    [2, 'failed', '原创'],
    [3, 'failed', '常规失败'],
    [4, 'failed', '审核不通过'],
    [5, 'revoked', '删除'],
    [6, 'revoked', '封禁'],
    [7, 'publishing', '未知的发布状态（7）'],
    [-1, 'publishing', '未知的发布状态（-1）'],
    [1.5, 'publishing', '未知的发布状态（1.5）'],
  ])('%i → %s', (code, state, words) => {
    const meaning = publishStatusToState(code);
    expect(meaning.state).toBe(state);
    if (words === null) expect(meaning.reason).toBeNull();
    else {
      expect(meaning.reason?.zh).toContain(words);
      expect(meaning.reason?.en.length).toBeGreaterThan(10);
    }
  });
});

const FAILED_STAGE: PublishJobEvent = { kind: 'call-failed', stage: 'draft' };
const POLL_FAILED: PublishJobEvent = { kind: 'call-failed', stage: 'poll' };

describe('nextPublishJobState', () => {
  // prettier-ignore
  it.each<[string, PublishJobState, PublishJobEvent, PublishJobState]>([
    ['the draft is added', 'drafted', { kind: 'draft-added' }, 'drafted'],
    ['a retried job gets its draft', 'failed', { kind: 'draft-added' }, 'drafted'],
    ['the platform accepts the submission', 'drafted', { kind: 'submit-accepted' }, 'submitted'],
    ['a retried job is resubmitted', 'failed', { kind: 'submit-accepted' }, 'submitted'],
    ['the token call fails (40164)', 'drafted', { kind: 'call-failed', stage: 'token' }, 'failed'],
    ['an image upload fails', 'drafted', { kind: 'call-failed', stage: 'upload' }, 'failed'],
    ['draft/add fails', 'drafted', FAILED_STAGE, 'failed'],
    ['the submission fails (53503)', 'drafted', { kind: 'call-failed', stage: 'submit' }, 'failed'],
    ['a retry fails again', 'failed', FAILED_STAGE, 'failed'],
    ['a poll says publishing', 'submitted', { kind: 'status', code: 1 }, 'publishing'],
    ['a poll says published', 'publishing', { kind: 'status', code: 0 }, 'published'],
    ['the event says published right after submission', 'submitted', { kind: 'status', code: 0 }, 'published'],
    ['the platform review rejects it', 'publishing', { kind: 'status', code: 4 }, 'failed'],
    ['the originality declaration fails', 'submitted', { kind: 'status', code: 2 }, 'failed'],
    ['a poll itself fails (quota): still publishing', 'publishing', POLL_FAILED, 'publishing'],
    ['a poll itself fails right after submission', 'submitted', POLL_FAILED, 'submitted'],
    ['an unknown status: still publishing', 'submitted', { kind: 'status', code: 9 }, 'publishing'],
    ['a published article is deleted', 'published', { kind: 'status', code: 5 }, 'revoked'],
    ['a published article is banned', 'published', { kind: 'status', code: 6 }, 'revoked'],
    ['the event repeats after publication', 'published', { kind: 'status', code: 0 }, 'published'],
    ['a late failure report after publication changes nothing', 'published', { kind: 'status', code: 3 }, 'published'],
    ['a report on a failed job changes nothing', 'failed', { kind: 'status', code: 0 }, 'failed'],
    ['a report on a revoked job changes nothing', 'revoked', { kind: 'status', code: 0 }, 'revoked'],
    ['a second submission of a published job is ignored', 'published', { kind: 'submit-accepted' }, 'published'],
    ['a draft added to a publishing job is ignored', 'publishing', { kind: 'draft-added' }, 'publishing'],
    ['a failed call while publishing is not a failure', 'publishing', FAILED_STAGE, 'publishing'],
  ])('%s: %s → %s', (_case, state, event, next) => {
    expect(nextPublishJobState(state, event)).toBe(next);
  });
});

describe('canRetry', () => {
  it.each(PUBLISH_JOB_STATES.map((s) => [s, s === 'failed'] as const))('%s → %s', (state, retry) => {
    expect(canRetry(state)).toBe(retry);
  });
});

describe('nextStepOnRetry', () => {
  // prettier-ignore
  it.each<[string, PublishJobState, string | null, string | null, RetryStep]>([
    ['failed before any draft (IP not whitelisted)', 'failed', null, null, 'create-draft'],
    ['failed at submission: the draft is resubmitted, not made again', 'failed', 'MEDIA_1', null, 'submit'],
    ['failed on the platform’s word (status 3): the same draft again', 'failed', 'MEDIA_1', '2247483655', 'submit'],
    ['failed, the draft gone (cleared after 40007)', 'failed', null, '2247483655', 'create-draft'],
    ['drafted, not yet submitted', 'drafted', 'MEDIA_1', null, 'submit'],
    ['drafted, the draft not yet made', 'drafted', null, null, 'create-draft'],
    ['submitted: poll, never submit again', 'submitted', 'MEDIA_1', '2247483655', 'poll'],
    ['publishing: poll', 'publishing', 'MEDIA_1', '2247483655', 'poll'],
    ['submitted without a publish id (inconsistent): nothing', 'submitted', 'MEDIA_1', null, 'nothing'],
    ['published: nothing, never twice', 'published', 'MEDIA_1', '2247483655', 'nothing'],
    ['revoked: nothing', 'revoked', 'MEDIA_1', '2247483655', 'nothing'],
  ])('%s', (_case, state, draftMediaId, publishId, step) => {
    expect(nextStepOnRetry({ state, draftMediaId, publishId })).toBe(step);
  });

  it('never submits once the platform may have published, whatever the job went through', () => {
    // Walk every event sequence of length ≤ 4 from a fresh job; whenever a publish id is known and the
    // platform has not reported a failure, going on must not submit.
    const events: PublishJobEvent[] = [
      { kind: 'draft-added' }, { kind: 'submit-accepted' }, POLL_FAILED, FAILED_STAGE,
      ...[0, 1, 2, 3, 4, 5, 6, 9].map((code) => ({ kind: 'status', code }) as const),
    ];
    type Walk = { state: PublishJobState; draft: string | null; publishId: string | null; platformSaidFailed: boolean };
    let walks: Walk[] = [{ state: 'drafted', draft: null, publishId: null, platformSaidFailed: false }];
    for (let depth = 0; depth < 4; depth += 1) {
      walks = walks.flatMap((w) => events.map((e) => {
        const state = nextPublishJobState(w.state, e);
        const submitted = e.kind === 'submit-accepted' && state === 'submitted';
        return {
          state,
          draft: e.kind === 'draft-added' && state === 'drafted' ? 'MEDIA' : w.draft,
          publishId: submitted ? 'PUBLISH' : w.publishId,
          platformSaidFailed: submitted ? false : w.platformSaidFailed || (e.kind === 'status' && state === 'failed' && w.state !== 'failed'),
        };
      }));
      for (const w of walks) {
        if (w.publishId && !w.platformSaidFailed) expect(nextStepOnRetry({ state: w.state, draftMediaId: w.draft, publishId: w.publishId })).not.toBe('submit');
      }
    }
  });
});

describe('nextPollDelaySeconds', () => {
  it.each<[number, number | null]>([
    [0, 30], [1, 60], [2, 120], [3, 300], [4, 600], [5, 1800], [10, 1800], [19, 1800], [20, null], [25, null],
  ])('after %i polls → %s', (polls, delay) => {
    expect(nextPollDelaySeconds(polls)).toBe(delay);
  });

  it('stays far below the daily quota of 100 freepublish/get calls', () => {
    const delays = Array.from({ length: 30 }, (_, i) => nextPollDelaySeconds(i)).filter((d): d is number => d !== null);
    expect(delays).toHaveLength(MAX_PUBLISH_POLLS);
    expect(delays.reduce((sum, d) => sum + d, 0)).toBeGreaterThan(6 * 3600);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s polls', (polls) => {
    expect(() => nextPollDelaySeconds(polls)).toThrow(RangeError);
  });
});

describe('offeredPublishAction', () => {
  const at = (state: PublishJobState, agoMs: number) => ({ state, updatedAtMs: 1_000_000 - agoMs });
  it.each([
    [null, 'publish'],
    [at('failed', 0), 'retry'],
    [at('drafted', 0), null],
    [at('drafted', PUBLISH_IN_FLIGHT_MS - 1), null],
    [at('drafted', PUBLISH_IN_FLIGHT_MS), 'retry'],
    [at('submitted', 0), 'check'],
    [at('publishing', 0), 'check'],
    [at('published', 0), null],
    [at('revoked', 0), null],
  ] as const)('%j → %s', (job, expected) => {
    expect(offeredPublishAction(job, 1_000_000)).toBe(expected);
  });
});
