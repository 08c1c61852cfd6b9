import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IsoDate, Ok } from '../../contracts/common.js';
import { CalendarDay, CalendarOverride, CalendarOverrideBody, CalendarYear, DueQuery, DueReply, MonthQuery } from '../../contracts/calendar.js';
import { actorOf } from '../identity/session.hook.js';
import {
  addCalendarOverride, calendarMonth, dueDate, importArrangement, listCalendarOverrides, listCalendarYears, removeCalendarOverride,
} from './calendar.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const calendarRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/calendar/years', {
    schema: { tags: ['calendar'], summary: '工作日历年度（官方 / 暂定）', response: { 200: Type.Array(CalendarYear), ...errors } },
  }, async (request) => listCalendarYears(ctx, actorOf(request)));

  app.post('/api/calendar/years', {
    schema: {
      tags: ['calendar'],
      summary: '载入国务院放假安排（替换暂定年度）',
      body: Type.Unknown({ description: '{year, notice, issuedOn, source, offRanges:[{name,from,to}], adjustedWorkdays:[]}' }),
      response: { 200: Ok, ...errors },
    },
  }, async (request) => {
    await importArrangement(ctx, actorOf(request), request.body);
    return { ok: true };
  });

  app.get('/api/calendar/overrides', {
    schema: { tags: ['calendar'], summary: '园区自定安排', response: { 200: Type.Array(CalendarOverride), ...errors } },
  }, async (request) => listCalendarOverrides(ctx, actorOf(request)));
  app.post('/api/calendar/overrides', {
    schema: { tags: ['calendar'], summary: '新增园区闭园或上班日', body: CalendarOverrideBody, response: { 200: CalendarOverride, ...errors } },
  }, async (request) => addCalendarOverride(ctx, actorOf(request), request.body));
  app.delete('/api/calendar/overrides/:date', {
    schema: { tags: ['calendar'], summary: '删除园区安排', params: Type.Object({ date: IsoDate }), response: { 200: Ok, ...errors } },
  }, async (request) => {
    await removeCalendarOverride(ctx, actorOf(request), request.params.date);
    return { ok: true };
  });

  app.get('/api/calendar/due', {
    schema: { tags: ['calendar'], summary: '第 N 个工作日（不含起始日）', querystring: DueQuery, response: { 200: DueReply, ...errors } },
  }, async (request) => dueDate(ctx, actorOf(request), request.query.from, request.query.days));

  app.get('/api/calendar/month', {
    schema: { tags: ['calendar'], summary: '某月每日是否工作日', querystring: MonthQuery, response: { 200: Type.Array(CalendarDay), ...errors } },
  }, async (request) => calendarMonth(ctx, actorOf(request), request.query.year, request.query.month));
};
