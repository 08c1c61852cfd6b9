import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page } from '../../contracts/common.js';
import {
  AssignBody, AttachmentParams, AttachmentRules, BulkAssignBody, BulkResult, CodeParams, ConfirmBody, DeclineBody, DemandAttachment, DemandCategory,
  DemandCategoryCreate, DemandCategoryPatch, DemandCreate, DemandDetail, DemandPatch, DemandQuery, DemandStats, DemandSummary,
  ExtensionDecisionBody, ExtensionParams, ExtensionRequestBody, InputRequestBody, MergeBody, ProgressBody, ResumeBody, ReturnBody,
  SettleBody, SimilarDemand, SimilarQuery, StatsQuery, WaitBody,
} from '../../contracts/demands.js';
import { DomainError } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { createDemand, getDemand, listDemands, patchDemand, similarDemands } from './demands.service.js';
import {
  acceptDemand, acknowledgeDemand, assignDemand, bulkAssignDemands, confirmDemand, decideExtension, declineDemand, mergeDemand,
  recordProgress, requestExtension, requestInput, resumeDemand, returnDemand, settleDemand, waitForEnterprise,
} from './demand-actions.service.js';
import { createDemandCategory, listDemandCategories, patchDemandCategory } from './demand-categories.service.js';
import { demandStats } from './demand-stats.service.js';
import { exportDemands } from './demands-export.service.js';
import { addAttachment, attachmentRules, readAttachment } from './demand-attachments.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Items = <T extends Type.TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
const tags = ['demands'];

export const demandRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/demand-categories', {
    schema: { tags, summary: '诉求分类 Demand categories', response: { 200: Items(DemandCategory), ...errors } },
  }, async (request) => listDemandCategories(ctx, actorOf(request)));
  app.post('/api/demand-categories', {
    schema: { tags, summary: '新增诉求分类', body: DemandCategoryCreate, response: { 200: Items(DemandCategory), ...errors } },
  }, async (request) => createDemandCategory(ctx, actorOf(request), request.body));
  app.patch('/api/demand-categories/:code', {
    schema: { tags, summary: '修改诉求分类', params: CodeParams, body: DemandCategoryPatch, response: { 200: Items(DemandCategory), ...errors } },
  }, async (request) => patchDemandCategory(ctx, actorOf(request), request.params.code, request.body));

  app.get('/api/demands', {
    schema: { tags, summary: '诉求列表 Demands (filters, Chinese full-text search q, paging)', querystring: DemandQuery, response: { 200: Page(DemandSummary), ...errors } },
  }, async (request) => listDemands(ctx, actorOf(request), request.query));
  app.get('/api/demands/export.xlsx', {
    schema: { tags, summary: '导出当前筛选 Export the current filter to Excel', querystring: DemandQuery },
  }, async (request, reply) => {
    const buffer = await exportDemands(ctx, actorOf(request), request.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="demands.xlsx"; filename*=UTF-8''${encodeURIComponent('诉求清单.xlsx')}`)
      .send(buffer);
  });
  app.get('/api/demands/similar', {
    schema: { tags, summary: '相似诉求 Possible duplicates among the enterprise\'s open demands', querystring: SimilarQuery, response: { 200: Items(SimilarDemand), ...errors } },
  }, async (request) => similarDemands(ctx, actorOf(request), request.query));
  app.get('/api/demands/stats', {
    schema: { tags, summary: '诉求统计 Counts for a period', querystring: StatsQuery, response: { 200: DemandStats, ...errors } },
  }, async (request) => demandStats(ctx, actorOf(request), request.query.from, request.query.to, requestLang(request)));
  app.get('/api/demands/attachment-rules', {
    schema: { tags, summary: '附件规则 Allowed attachment types and size', response: { 200: AttachmentRules, ...errors } },
  }, async (request) => attachmentRules(ctx, actorOf(request)));
  app.post('/api/demands/bulk-assign', {
    schema: { tags, summary: '批量分派 Bulk assign (all or none)', body: BulkAssignBody, response: { 200: BulkResult, ...errors } },
  }, async (request) => bulkAssignDemands(ctx, actorOf(request), request.body));

  app.post('/api/demands', {
    schema: { tags, summary: '提交诉求 Submit a demand', body: DemandCreate, response: { 200: DemandDetail, ...errors } },
  }, async (request) => createDemand(ctx, actorOf(request), request.body));
  app.get('/api/demands/:id', {
    schema: { tags, summary: '诉求详情（含时间线与可执行操作）', params: IdParams, response: { 200: DemandDetail, ...errors } },
  }, async (request) => getDemand(ctx, actorOf(request), request.params.id));
  app.patch('/api/demands/:id', {
    schema: { tags, summary: '修改分类、公开方式或脱敏文本', params: IdParams, body: DemandPatch, response: { 200: DemandDetail, ...errors } },
  }, async (request) => patchDemand(ctx, actorOf(request), request.params.id, request.body));

  const action = <B extends Type.TSchema>(path: string, summary: string, body: B | null, run: (actor: ReturnType<typeof actorOf>, id: string, body: Type.Static<B>) => Promise<unknown>) =>
    app.post(`/api/demands/:id/${path}`, {
      // Actions without fields take no body (an empty JSON object is accepted too).
      schema: { tags, summary, params: IdParams, ...(body ? { body } : {}), response: { 200: DemandDetail, ...errors } },
    }, async (request) => run(actorOf(request), request.params.id, request.body as Type.Static<B>) as Promise<Type.Static<typeof DemandDetail>>);

  action('accept', '受理', null, (a, id) => acceptDemand(ctx, a, id));
  action('decline', '不予受理（理由企业可见）', DeclineBody, (a, id, b) => declineDemand(ctx, a, id, b.reason));
  action('assign', '分派：牵头单位与配合单位；办结时限按工作日计算', AssignBody, (a, id, b) => assignDemand(ctx, a, id, b));
  action('acknowledge', '签收', null, (a, id) => acknowledgeDemand(ctx, a, id));
  action('progress', '办理进展', ProgressBody, (a, id, b) => recordProgress(ctx, a, id, b));
  action('input-requests', '征求配合单位意见', InputRequestBody, (a, id, b) => requestInput(ctx, a, id, b));
  action('return', '退回（非本单位职责）', ReturnBody, (a, id, b) => returnDemand(ctx, a, id, b.reason));
  action('extensions', '申请延期', ExtensionRequestBody, (a, id, b) => requestExtension(ctx, a, id, b));
  action('wait', '待企业补充（暂停计时）', WaitBody, (a, id, b) => waitForEnterprise(ctx, a, id, b.reason));
  action('resume', '恢复办理', ResumeBody, (a, id, b) => resumeDemand(ctx, a, id, b));
  action('settle', '办结答复', SettleBody, (a, id, b) => settleDemand(ctx, a, id, b.answer));
  action('confirm', '回访确认与满意度', ConfirmBody, (a, id, b) => confirmDemand(ctx, a, id, b));
  action('merge', '合并重复诉求', MergeBody, (a, id, b) => mergeDemand(ctx, a, id, b.intoId));

  app.post('/api/demands/:id/extensions/:eid/decision', {
    schema: { tags, summary: '审批延期', params: ExtensionParams, body: ExtensionDecisionBody, response: { 200: DemandDetail, ...errors } },
  }, async (request) => decideExtension(ctx, actorOf(request), request.params.id, request.params.eid, request.body));

  app.post('/api/demands/:id/attachments', {
    schema: {
      tags, summary: '上传附件（multipart：先 internal=true（可选，仅工作人员），后 file）图片、PDF、Office', params: IdParams, consumes: ['multipart/form-data'],
      response: { 200: DemandAttachment, ...errors, 413: ErrorResponse, 415: ErrorResponse },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new DomainError('BAD_REQUEST', [fieldError('file', 'multipart-required')]);
    const file = await request.file();
    if (!file) throw new DomainError('VALIDATION_FAILED', [fieldError('file', 'file-required')]);
    const content = await file.toBuffer();
    const internalField = file.fields.internal as { value?: unknown } | undefined;
    return addAttachment(ctx, actor, request.params.id, { fileName: file.filename, content, internal: internalField?.value === 'true' });
  });
  app.get('/api/demands/:id/attachments/:aid', {
    schema: { tags, summary: '下载附件', params: AttachmentParams },
  }, async (request, reply) => {
    const file = await readAttachment(ctx, actorOf(request), request.params.id, request.params.aid);
    return reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
};
