import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Ok, Page, Uuid } from '../../contracts/common.js';
import { Counts, CountsQuery, ListCreate, ListDetail, ListEntriesAdd, ListPatch, ListQuery, ListSummary } from '../../contracts/cultivation.js';
import { actorOf } from '../identity/session.hook.js';
import { addListEntries, createList, getList, listLists, patchList, removeList, removeListEntry } from './cultivation-lists.service.js';
import { cultivationCounts } from './cultivation-counts.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['cultivation'];
const detail = { 200: ListDetail, ...errors };
const EntryParams = Type.Object({ id: Uuid, enterpriseId: Uuid }, { additionalProperties: false });

/** 名单 (official lists and the qualifications they give) and 累计认定 (the running count by tier). */
export const cultivationListsRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cultivation/lists', {
    schema: { tags, summary: '认定名单（按层级筛选，按名称或文号搜索）', querystring: ListQuery, response: { 200: Page(ListSummary), ...errors } },
  }, async (request) => listLists(ctx, actorOf(request), request.query));
  app.post('/api/cultivation/lists', {
    schema: { tags, summary: '登记名单及其企业：每家企业获得该层级资格，有效期三年', body: ListCreate, response: detail },
  }, async (request) => createList(ctx, actorOf(request), request.body));
  app.get('/api/cultivation/lists/:id', {
    schema: { tags, summary: '名单详情及企业', params: IdParams, response: detail },
  }, async (request) => getList(ctx, actorOf(request), request.params.id));
  app.patch('/api/cultivation/lists/:id', {
    schema: { tags, summary: '修改名单名称、发布单位、文号、备注（企业资格随之更新）', params: IdParams, body: ListPatch, response: detail },
  }, async (request) => patchList(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/cultivation/lists/:id/entries', {
    schema: { tags, summary: '向名单添加企业', params: IdParams, body: ListEntriesAdd, response: detail },
  }, async (request) => addListEntries(ctx, actorOf(request), request.params.id, request.body.enterpriseIds));
  app.delete('/api/cultivation/lists/:id/entries/:enterpriseId', {
    schema: { tags, summary: '从名单移除企业（同时删除该名单给予的资格）', params: EntryParams, response: detail },
  }, async (request) => removeListEntry(ctx, actorOf(request), request.params.id, request.params.enterpriseId));
  app.delete('/api/cultivation/lists/:id', {
    schema: { tags, summary: '删除名单（同时删除其企业的该项资格）', params: IdParams, response: { 200: Ok, ...errors } },
  }, async (request) => removeList(ctx, actorOf(request), request.params.id));
  app.get('/api/cultivation/counts', {
    schema: { tags, summary: '累计认定：按月、按层级的累计认定数与有效数，及当前即将到期数', querystring: CountsQuery, response: { 200: Counts, ...errors } },
  }, async (request) => cultivationCounts(ctx, actorOf(request), request.query));
};
