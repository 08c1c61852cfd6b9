import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';

export const publicBulletinRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  void ctx;
  void app;
};
