import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page } from '../../contracts/common.js';
import {
  BulletinCorrect, BulletinCreate, BulletinDetail, BulletinWechatState, BulletinPatch, BulletinQuery, BulletinReturn, BulletinSummary, CaseCandidate,
} from '../../contracts/bulletins.js';
import { actorOf } from '../identity/session.hook.js';
import {
  approveBulletin, caseCandidates, correctBulletin, createBulletin, getBulletin, listBulletins, patchBulletin, publishBulletin, returnBulletin,
  submitBulletin,
} from './bulletins.service.js';
import { bulletinDownload } from './bulletin-downloads.service.js';
import { bulletinWechatState, handlePublishJobFinish, publishBulletinToWechat } from './bulletin-publication.service.js';
import { setPublishJobFinishHandler } from '../wechat/publish-events.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['bulletins'];
const detail = { 200: BulletinDetail, ...errors };

/** 月通报: drafted by the coordinator, reviewed and approved by a leader, published (frozen), corrected by a new version. */
export const bulletinRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  // The platform's PUBLISHJOBFINISH (src/server/wechat/wechat-callback.ts) lands on the publication.
  setPublishJobFinishHandler(handlePublishJobFinish);
  app.get('/api/bulletins/:id/wechat', {
    schema: { tags, summary: '公众号发布状态', params: IdParams, response: { 200: BulletinWechatState, ...errors } },
  }, async (request) => bulletinWechatState(ctx, actorOf(request), request.params.id));
  app.post('/api/bulletins/:id/wechat/publish', {
    schema: { tags, summary: '发布到公众号（失败后重试亦用此接口，不会重复发布）', params: IdParams, response: { 200: BulletinWechatState, ...errors } },
  }, async (request) => publishBulletinToWechat(ctx, actorOf(request), request.params.id));
  app.get('/api/bulletins', {
    schema: { tags, summary: '月通报列表', querystring: BulletinQuery, response: { 200: Page(BulletinSummary), ...errors } },
  }, async (request) => listBulletins(ctx, actorOf(request), request.query));
  app.post('/api/bulletins', {
    schema: { tags, summary: '新建某月的通报草稿（每月第一个工作日也会自动生成上月草稿）', body: BulletinCreate, response: detail },
  }, async (request) => createBulletin(ctx, actorOf(request), request.body.month));
  app.get('/api/bulletins/:id', {
    schema: { tags, summary: '通报：草稿按当前数据计算，已发布的为冻结的快照', params: IdParams, response: detail },
  }, async (request) => getBulletin(ctx, actorOf(request), request.params.id));
  app.patch('/api/bulletins/:id', {
    schema: { tags, summary: '编辑草稿：标题、导语、典型案例', params: IdParams, body: BulletinPatch, response: detail },
  }, async (request) => patchBulletin(ctx, actorOf(request), request.params.id, request.body));
  app.get('/api/bulletins/:id/case-candidates', {
    schema: { tags, summary: '可选典型案例：本月办结且非保密的诉求', params: IdParams, response: { 200: Type.Object({ items: Type.Array(CaseCandidate) }), ...errors } },
  }, async (request) => caseCandidates(ctx, actorOf(request), request.params.id));
  app.post('/api/bulletins/:id/submit', {
    schema: { tags, summary: '提交领导审核', params: IdParams, response: detail },
  }, async (request) => submitBulletin(ctx, actorOf(request), request.params.id));
  app.post('/api/bulletins/:id/return', {
    schema: { tags, summary: '退回修改（领导，须说明意见）', params: IdParams, body: BulletinReturn, response: detail },
  }, async (request) => returnBulletin(ctx, actorOf(request), request.params.id, request.body.note));
  app.post('/api/bulletins/:id/approve', {
    schema: { tags, summary: '审核通过（领导）', params: IdParams, response: detail },
  }, async (request) => approveBulletin(ctx, actorOf(request), request.params.id));
  app.post('/api/bulletins/:id/publish', {
    schema: { tags, summary: '发布：内容冻结为快照，之后的数据变化不再影响', params: IdParams, response: detail },
  }, async (request) => publishBulletin(ctx, actorOf(request), request.params.id));
  app.post('/api/bulletins/:id/correct', {
    schema: { tags, summary: '更正：生成新版本草稿（须说明原因），发布后取代本版本', params: IdParams, body: BulletinCorrect, response: detail },
  }, async (request) => correctBulletin(ctx, actorOf(request), request.params.id, request.body.reason));
  for (const kind of ['docx', 'xlsx'] as const) {
    app.get(`/api/bulletins/:id/bulletin.${kind}`, {
      schema: { tags, summary: kind === 'docx' ? '下载 Word（公文格式）' : '下载 Excel（每个表格一个工作表）', params: IdParams },
    }, async (request, reply) => {
      const file = await bulletinDownload(ctx, actorOf(request), (request.params as { id: string }).id, kind);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="bulletin.${kind}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    });
  }
};
