import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse } from '../../contracts/common.js';
import { VisitIdParams } from '../../contracts/visits.js';
import { VisitBrief } from '../../contracts/visit-brief.js';
import { actorOf } from '../identity/session.hook.js';
import { exportVisitBrief, getVisitBrief } from './visit-brief.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['visits'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 走访简报 (问需于企): the brief of a visit, as JSON for the page and as a .docx to print. */
export const visitBriefRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/visits/:id/brief', {
    schema: {
      tags,
      summary: '走访简报 The brief before a visit, per enterprise: profile, figures, demands, qualifications, earlier visits',
      params: VisitIdParams,
      response: { 200: VisitBrief, ...errors },
    },
  }, async (request) => getVisitBrief(ctx, actorOf(request), request.params.id));

  app.get('/api/visits/:id/brief.docx', {
    schema: { tags, summary: '走访简报 Word 版 The brief as a .docx to print (recorded in the audit trail)', params: VisitIdParams },
  }, async (request, reply) => {
    const { buffer, fileName } = await exportVisitBrief(ctx, actorOf(request), request.params.id);
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', `attachment; filename="visit-brief.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(buffer);
  });
};
