import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page } from '../../contracts/common.js';
import {
  EnterpriseCreate, EnterpriseDetail, EnterprisePatch, EnterpriseQuery, EnterpriseSummary, ImportJob, Theme, ThemeCreate, ThemePatch,
} from '../../contracts/enterprises.js';
import { DomainError } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { createEnterprise, getEnterprise, listEnterprises, patchEnterprise } from './enterprises.service.js';
import { assertXlsxUpload, getImport, importErrorsWorkbook, startImport } from './enterprises-import.service.js';
import { exportEnterprises, importTemplate } from './enterprises-export.service.js';
import { createTheme, listThemesFor, patchTheme } from './themes.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);
}

export const enterpriseRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/enterprises', {
    schema: { tags: ['enterprises'], summary: '企业列表 Enterprises (search, filters, paging)', querystring: EnterpriseQuery, response: { 200: Page(EnterpriseSummary), ...errors } },
  }, async (request) => listEnterprises(ctx, actorOf(request), request.query));

  app.get('/api/enterprises/export.xlsx', {
    schema: { tags: ['enterprises'], summary: '导出当前筛选 Export the current filter to Excel', querystring: EnterpriseQuery },
  }, async (request, reply) => {
    const buffer = await exportEnterprises(ctx, actorOf(request), request.query);
    return sendXlsx(reply, '企业名录.xlsx', buffer);
  });

  app.get('/api/enterprises/import-template.xlsx', { schema: { tags: ['enterprises'], summary: '导入模板 Import template' } }, async (request, reply) => {
    actorOf(request);
    return sendXlsx(reply, '企业导入模板.xlsx', await importTemplate());
  });

  app.post('/api/enterprises/imports', {
    schema: {
      tags: ['enterprises'],
      summary: '导入企业 Import from Excel (multipart field "file"); returns the job to poll',
      consumes: ['multipart/form-data'],
      response: { 202: ImportJob, ...errors, 413: ErrorResponse },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new DomainError('BAD_REQUEST', [fieldError('file', 'multipart-required')]);
    const file = await request.file();
    if (!file) throw new DomainError('VALIDATION_FAILED', [fieldError('file', 'file-required')]);
    assertXlsxUpload(file.filename, file.mimetype);
    const buffer = await file.toBuffer();
    const job = await startImport(ctx, actor, file.filename, buffer, requestLang(request));
    return reply.status(202).send(job);
  });

  app.get('/api/enterprises/imports/:id', {
    schema: { tags: ['enterprises'], summary: '导入进度与结果', params: IdParams, response: { 200: ImportJob, ...errors } },
  }, async (request) => getImport(ctx, actorOf(request), request.params.id, requestLang(request)));

  app.get('/api/enterprises/imports/:id/errors.xlsx', {
    schema: { tags: ['enterprises'], summary: '下载导入错误清单', params: IdParams },
  }, async (request, reply) =>
    sendXlsx(reply, '导入错误.xlsx', await importErrorsWorkbook(ctx, actorOf(request), request.params.id, requestLang(request))),
  );

  app.get('/api/enterprises/:id', {
    schema: { tags: ['enterprises'], summary: '企业档案 Enterprise', params: IdParams, response: { 200: EnterpriseDetail, ...errors } },
  }, async (request) => getEnterprise(ctx, actorOf(request), request.params.id));

  app.post('/api/enterprises', {
    schema: { tags: ['enterprises'], summary: '新建企业', body: EnterpriseCreate, response: { 200: EnterpriseDetail, ...errors } },
  }, async (request) => createEnterprise(ctx, actorOf(request), request.body));

  app.patch('/api/enterprises/:id', {
    schema: { tags: ['enterprises'], summary: '修改企业（给出的列表整体替换）', params: IdParams, body: EnterprisePatch, response: { 200: EnterpriseDetail, ...errors } },
  }, async (request) => patchEnterprise(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/themes', {
    schema: { tags: ['enterprises'], summary: '走访主题 Themes', response: { 200: Type.Object({ items: Type.Array(Theme), total: Type.Integer() }), ...errors } },
  }, async (request) => listThemesFor(ctx, actorOf(request)));
  app.post('/api/themes', {
    schema: { tags: ['enterprises'], summary: '新建主题', body: ThemeCreate, response: { 200: Theme, ...errors } },
  }, async (request) => createTheme(ctx, actorOf(request), request.body));
  app.patch('/api/themes/:id', {
    schema: { tags: ['enterprises'], summary: '修改主题', params: IdParams, body: ThemePatch, response: { 200: Theme, ...errors } },
  }, async (request) => patchTheme(ctx, actorOf(request), request.params.id, request.body));
};
