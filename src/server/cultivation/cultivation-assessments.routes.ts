import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page } from '../../contracts/common.js';
import {
  AssessmentCreate, AssessmentDetail, AssessmentPatch, AssessmentPrefill, AssessmentPrefillQuery, AssessmentQuery, AssessmentReturn, AssessmentSubmit,
  AssessmentSummary, CultivationSettings, CultivationSettingsPatch, EvaluateRequest,
} from '../../contracts/cultivation.js';
import { actorOf } from '../identity/session.hook.js';
import { getCultivationSettings, patchCultivationSettings } from './cultivation-settings.service.js';
import {
  createAssessment, evaluateProfile, getAssessment, listAssessments, prefillAssessment, reviewAssessment, saveAssessmentProfile, submitAssessment,
} from './cultivation-assessments.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['cultivation'];
const detail = { 200: AssessmentDetail, ...errors };
/** ExplainedEvaluation (src/domain/cultivation/explain-evaluation.ts), sent as the domain builds it. */
const Explained = Type.Object({}, { additionalProperties: true });

/** 梯度培育: the zone's settings, evaluating a profile, and self-assessments (自评) with their review. */
export const cultivationAssessmentRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cultivation/settings', {
    schema: { tags, summary: '梯度培育设置：未确认规则的取值（默认按参考资料）与候选梯队的“接近”幅度', response: { 200: CultivationSettings, ...errors } },
  }, async (request) => getCultivationSettings(ctx, actorOf(request)));
  app.patch('/api/cultivation/settings', {
    schema: { tags, summary: '修改梯度培育设置（工信/科创部门、管理员）；特色化指标合计须为 15 分', body: CultivationSettingsPatch, response: { 200: CultivationSettings, ...errors } },
  }, async (request) => patchCultivationSettings(ctx, actorOf(request), request.body));

  app.post('/api/cultivation/evaluate', {
    schema: { tags, summary: '按指定日期的标准评价一份企业画像（不保存）：得分、逐项说明与差距', body: EvaluateRequest, response: { 200: Explained, ...errors } },
  }, async (request) => evaluateProfile(ctx, actorOf(request), request.body));

  app.get('/api/cultivation/assessments', {
    schema: { tags, summary: '自评列表（按层级、状态、企业、名称或信用代码筛选）', querystring: AssessmentQuery, response: { 200: Page(AssessmentSummary), ...errors } },
  }, async (request) => listAssessments(ctx, actorOf(request), request.query));
  app.get('/api/cultivation/assessments/prefill', {
    schema: {
      tags, summary: '自评预填：由企业年度数据、有效资质与上次通过审核的自评生成的企业画像，及实时评分所需的设置',
      querystring: AssessmentPrefillQuery, response: { 200: AssessmentPrefill, ...errors },
    },
  }, async (request) => prefillAssessment(ctx, actorOf(request), request.query));
  app.post('/api/cultivation/assessments', {
    schema: { tags, summary: '新建自评草稿（企业用户为本企业；工信部门可为任一企业）', body: AssessmentCreate, response: detail },
  }, async (request) => createAssessment(ctx, actorOf(request), request.body));
  app.get('/api/cultivation/assessments/:id', {
    schema: { tags, summary: '自评详情：企业画像、评价（草稿为实时计算）与可执行的操作', params: IdParams, response: detail },
  }, async (request) => getAssessment(ctx, actorOf(request), request.params.id));
  const save = {
    schema: { tags, summary: '保存自评的企业画像（仅草稿或被退回时）', params: IdParams, body: AssessmentPatch, response: detail },
  };
  app.put('/api/cultivation/assessments/:id', save, async (request) => saveAssessmentProfile(ctx, actorOf(request), request.params.id, request.body.profile));
  app.patch('/api/cultivation/assessments/:id', save, async (request) => saveAssessmentProfile(ctx, actorOf(request), request.params.id, request.body.profile));
  app.post('/api/cultivation/assessments/:id/submit', {
    schema: { tags, summary: '提交自评（须承诺所填信息真实、准确、完整）；服务器按本区设置重新评价并保存', params: IdParams, body: AssessmentSubmit, response: detail },
  }, async (request) => submitAssessment(ctx, actorOf(request), request.params.id));
  app.post('/api/cultivation/assessments/:id/accept', {
    schema: { tags, summary: '审核通过自评（工信/科创部门）', params: IdParams, response: detail },
  }, async (request) => reviewAssessment(ctx, actorOf(request), request.params.id, { action: 'accept' }));
  app.post('/api/cultivation/assessments/:id/return', {
    schema: { tags, summary: '退回自评并说明原因（工信/科创部门）', params: IdParams, body: AssessmentReturn, response: detail },
  }, async (request) => reviewAssessment(ctx, actorOf(request), request.params.id, { action: 'return', reason: request.body.reason }));
};
