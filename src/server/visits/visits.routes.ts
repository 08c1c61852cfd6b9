import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, Page } from '../../contracts/common.js';
import {
  VisitCancel, VisitCheck, VisitCheckResult, VisitCreate, VisitDetail, VisitGather, VisitIdParams, VisitIssueCreate, VisitMove, VisitPatch,
  VisitPhotoParams, VisitQuery, VisitRecord, VisitSummary,
} from '../../contracts/visits.js';
import { DomainError } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { actorOf } from '../identity/session.hook.js';
import {
  addIssue, cancelVisit, checkVisit, createVisit, gatherDemands, getVisit, listVisits, moveVisit, patchVisit, saveRecord, signOffVisit, ungatherDemand,
} from './visits.service.js';
import { addVisitPhoto, readVisitPhoto } from './visit-photos.service.js';
import { exportVisits } from './visits-export.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['visits'];
const detail = { 200: VisitDetail, ...errors };

/** 每周益企: planning, the visit, its on-site office. The views (compliance, coverage, counts) and the brief have their own routes. */
export const visitsRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/visits', {
    schema: { tags, summary: '走访列表（按日期、领导、主题、企业、状态）', querystring: VisitQuery, response: { 200: Page(VisitSummary), ...errors } },
  }, async (request) => listVisits(ctx, actorOf(request), request.query));
  app.get('/api/visits/export.xlsx', {
    schema: { tags, summary: '导出走访清单（当前筛选）为 Excel', querystring: VisitQuery },
  }, async (request, reply) => {
    const buffer = await exportVisits(ctx, actorOf(request), request.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="visits.xlsx"; filename*=UTF-8''${encodeURIComponent('走访清单.xlsx')}`)
      .send(buffer);
  });
  app.post('/api/visits', {
    schema: { tags, summary: '安排走访：日期、上午/下午、领导、主题、企业（至少一家）、陪同部门与挂点干部', body: VisitCreate, response: detail },
  }, async (request) => createVisit(ctx, actorOf(request), request.body));
  app.post('/api/visits/check', {
    schema: {
      tags, summary: '检查走访安排：同一领导同一半天的冲突（保存时拒绝）与“无事不扰”提醒（不拒绝）', body: VisitCheck, response: { 200: VisitCheckResult, ...errors },
    },
  }, async (request) => checkVisit(ctx, actorOf(request), request.body));
  app.get('/api/visits/:id', {
    schema: { tags, summary: '走访详情：安排、现场办公记录、问题清单、诉求跟踪、照片', params: VisitIdParams, response: detail },
  }, async (request) => getVisit(ctx, actorOf(request), request.params.id));
  app.patch('/api/visits/:id', {
    schema: { tags, summary: '修改走访安排（仅计划中）', params: VisitIdParams, body: VisitPatch, response: detail },
  }, async (request) => patchVisit(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/visits/:id/move', {
    schema: { tags, summary: '调整到另一个半天（拖动）', params: VisitIdParams, body: VisitMove, response: detail },
  }, async (request) => moveVisit(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/visits/:id/cancel', {
    schema: { tags, summary: '取消走访（须说明原因）', params: VisitIdParams, body: VisitCancel, response: detail },
  }, async (request) => cancelVisit(ctx, actorOf(request), request.params.id, request.body.reason));
  app.post('/api/visits/:id/gather', {
    schema: { tags, summary: '问需于企：把走访企业尚未办结的诉求归入本次走访', params: VisitIdParams, body: VisitGather, response: detail },
  }, async (request) => gatherDemands(ctx, actorOf(request), request.params.id, request.body.demandIds));
  app.delete('/api/visits/:id/gather/:demandId', {
    schema: {
      tags, summary: '把归入的诉求移出本次走访（现场办公形成的诉求不可移出）',
      params: Type.Object({ id: VisitIdParams.properties.id, demandId: VisitIdParams.properties.id }, { additionalProperties: false }), response: detail,
    },
  }, async (request) => ungatherDemand(ctx, actorOf(request), request.params.id, request.params.demandId));
  app.put('/api/visits/:id/record', {
    schema: { tags, summary: '现场办公记录：参会部门、企业反映、议定事项、后续跟进、主题引导问题', params: VisitIdParams, body: VisitRecord, response: detail },
  }, async (request) => saveRecord(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/visits/:id/issues', {
    schema: { tags, summary: '现场办公问题：当场答复，或转为诉求并直接交办（按诉求规则计算办结时限）', params: VisitIdParams, body: VisitIssueCreate, response: detail },
  }, async (request) => addIssue(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/visits/:id/sign-off', {
    schema: { tags, summary: '签发走访记录（完成走访；记录随即锁定）', params: VisitIdParams, response: detail },
  }, async (request) => signOffVisit(ctx, actorOf(request), request.params.id));
  app.post('/api/visits/:id/photos', {
    schema: { tags, summary: '上传现场照片（multipart，字段 file；JPG、PNG、WebP）', params: VisitIdParams, consumes: ['multipart/form-data'], response: detail },
  }, async (request) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new DomainError('BAD_REQUEST', [fieldError('file', 'multipart-required')]);
    const file = await request.file();
    if (!file) throw new DomainError('VALIDATION_FAILED', [fieldError('file', 'file-required')]);
    return addVisitPhoto(ctx, actor, request.params.id, { fileName: file.filename, content: await file.toBuffer() });
  });
  app.get('/api/visits/:id/photos/:photoId', {
    schema: { tags, summary: '现场照片', params: VisitPhotoParams },
  }, async (request, reply) => {
    const file = await readVisitPhoto(ctx, actorOf(request), request.params.id, request.params.photoId);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="photo"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
};
