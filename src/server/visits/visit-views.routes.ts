import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IsoDate } from '../../contracts/common.js';
import { ComplianceResult, CoverageQuery, CoverageResult, LeaderVisitBoard, PeriodQuery, VisitCountsResult } from '../../contracts/visits.js';
import { actorOf } from '../identity/session.hook.js';
import { leaderVisitBoard, visitCompliance, visitCounts, visitCountsWorkbook, visitCoverage } from './visit-views.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const tags = ['visits'];
const ComplianceQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });

/** The programme's views: compliance, counts (and their workbook), coverage and the leader's board. */
export const visitViewsRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/visits/compliance', {
    schema: {
      tags, summary: '领导走访履职：每位领导每周计划与完成的走访半天数（无工作日的周免于考核；区间最长两年）',
      querystring: ComplianceQuery, response: { 200: ComplianceResult, ...errors },
    },
  }, async (request) => visitCompliance(ctx, actorOf(request), request.query.from, request.query.to));

  app.get('/api/visits/counts', {
    schema: {
      tags, summary: '走访统计：期间（及主题）的走访次数、服务企业家次、企业数、诉求与解决情况，并生成工作表述',
      querystring: PeriodQuery, response: { 200: VisitCountsResult, ...errors },
    },
  }, async (request) => {
    const { themeName: _themeName, ...counts } = await visitCounts(ctx, actorOf(request), request.query);
    return counts;
  });

  app.get('/api/visits/counts.xlsx', {
    schema: { tags, summary: '导出走访统计（Excel：统计数据与按问题分类）', querystring: PeriodQuery },
  }, async (request, reply) => {
    const buffer = await visitCountsWorkbook(ctx, actorOf(request), request.query);
    const name = `走访统计_${request.query.from}_${request.query.to}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="visit-counts.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  app.get('/api/visits/coverage', {
    schema: {
      tags, summary: '企业走访覆盖：按最近走访排列，标出从未走访与无事不扰（最短间隔内已走访）的企业',
      querystring: CoverageQuery, response: { 200: CoverageResult, ...errors },
    },
  }, async (request) => visitCoverage(ctx, actorOf(request), request.query));

  app.get('/api/visits/board', {
    schema: { tags, summary: '领导走访看板：本周走访、下周计划与我的走访诉求', response: { 200: LeaderVisitBoard, ...errors } },
  }, async (request) => leaderVisitBoard(ctx, actorOf(request)));
};
