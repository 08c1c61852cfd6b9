import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse } from '../../contracts/common.js';
import { Dashboard, DashboardQuery } from '../../contracts/dashboard.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { dashboard } from './dashboard.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** 数据看板 / 数据大屏: one read of the zone's figures for the leader's dashboard and the hall's screen. */
export const dashboardRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/dashboard', {
    schema: {
      tags: ['dashboard'],
      summary: '数据看板：近 N 个月诉求（按当前状态）、各单位按期办结率、分类构成、超期红榜、满意度、每周走访、督办与大屏数字',
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...errors },
    },
  }, async (request) => dashboard(ctx, actorOf(request), request.query.months, requestLang(request)));
};
