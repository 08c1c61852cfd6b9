import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, Page } from '../../contracts/common.js';
import { AuditEntry, AuditQuery } from '../../contracts/audit.js';
import { actorOf } from '../identity/session.hook.js';
import { zoneToday } from '../zone/zone-today.js';
import { listAudit } from './audit.service.js';

export const auditRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: '审计日志 Audit log (admin)',
      querystring: AuditQuery,
      response: { 200: Page(AuditEntry), 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { timeZone } = await zoneToday(ctx, actor.zoneId);
    return listAudit(ctx.db, actor, timeZone, request.query);
  });
};
