import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Page, Paging } from '../../contracts/common.js';
import Type from 'typebox';
import { PublicBulletin, PublicBulletinSummary } from '../../contracts/bulletins.js';
import { getPublicBulletin, listPublicBulletins } from './public-bulletins.service.js';

const tags = ['public'];

/**
 * The published bulletins, for anyone: no login (the session hook lets /api/public through).
 * Only published and superseded versions, as frozen when published.
 */
export const publicBulletinRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  const ZoneQuery = { zone: Type.Optional(Type.String({ maxLength: 40, description: 'zone code; default: the deployment\'s first zone' })) };
  app.get('/api/public/bulletins', {
    config: { public: true },
    schema: {
      tags, summary: '已发布的月通报（无需登录）',
      querystring: Type.Object({ ...ZoneQuery, ...Paging }, { additionalProperties: false }),
      response: { 200: Type.Object({ ...Page(PublicBulletinSummary).properties, zoneName: Type.String() }), 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => listPublicBulletins(ctx, request.query.zone, request.query));
  app.get('/api/public/bulletins/:id', {
    config: { public: true },
    schema: { tags, summary: '一期已发布的月通报（无需登录）', params: IdParams, querystring: Type.Object(ZoneQuery, { additionalProperties: false }), response: { 200: PublicBulletin, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => getPublicBulletin(ctx, request.query.zone, request.params.id));
};
