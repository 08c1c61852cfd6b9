import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page, Uuid } from '../../contracts/common.js';
import { ResultDetail, ResultItem, ResultQuery, RunCreate, RunNotify, RunNotifyResult, RunQuery, RunSummary } from '../../contracts/cultivation.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { createRun, getResult, getRun, listResults, listRuns, notifyRun } from './cultivation-runs.service.js';
import { exportRunResults } from './cultivation-results-export.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['cultivation'];
const ResultParams = Type.Object({ id: Uuid, enterpriseId: Uuid }, { additionalProperties: false });

/** 批量评价: runs over the whole zone, their progress, the candidate pipeline, its export and the notices to close enterprises. */
export const cultivationRunsRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cultivation/runs', {
    schema: { tags, summary: '批量评价记录（最新在前）', querystring: RunQuery, response: { 200: Page(RunSummary), ...errors } },
  }, async (request) => listRuns(ctx, actorOf(request), request.query));
  app.post('/api/cultivation/runs', {
    schema: { tags, summary: '发起批量评价：全区企业按所选层级和评价日期评价（后台分批进行）', body: RunCreate, response: { 200: RunSummary, ...errors } },
  }, async (request) => createRun(ctx, actorOf(request), request.body));
  app.get('/api/cultivation/runs/:id', {
    schema: { tags, summary: '批量评价进度与梯队统计', params: IdParams, response: { 200: RunSummary, ...errors } },
  }, async (request) => getRun(ctx, actorOf(request), request.params.id));
  app.get('/api/cultivation/runs/:id/results', {
    schema: { tags, summary: '候选梯队：按梯队筛选、按企业名称或代码搜索', params: IdParams, querystring: ResultQuery, response: { 200: Page(ResultItem), ...errors } },
  }, async (request) => listResults(ctx, actorOf(request), request.params.id, request.query, requestLang(request)));
  app.get('/api/cultivation/runs/:id/results/:enterpriseId', {
    schema: { tags, summary: '一家企业的评价详情（逐项得分、条件、差距）', params: ResultParams, response: { 200: ResultDetail, ...errors } },
  }, async (request) => getResult(ctx, actorOf(request), request.params.id, request.params.enterpriseId, requestLang(request)));
  app.get('/api/cultivation/runs/:id/export.xlsx', {
    schema: { tags, summary: '导出评价结果（当前筛选）为 Excel', params: IdParams, querystring: ResultQuery },
  }, async (request, reply) => {
    const { stream, fileName } = await exportRunResults(ctx, actorOf(request), request.params.id, request.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="cultivation-results.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(stream);
  });
  app.post('/api/cultivation/runs/:id/notify', {
    schema: {
      tags, summary: '通知“临近”企业其差距（不指定企业时只通知尚未通知过的；指定企业时再次通知）', params: IdParams, body: RunNotify,
      response: { 200: RunNotifyResult, ...errors },
    },
  }, async (request) => notifyRun(ctx, actorOf(request), request.params.id, request.body.enterpriseIds));
};
