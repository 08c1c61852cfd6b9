import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Ok } from '../../contracts/common.js';
import { NotificationPage, NotificationQuery } from '../../contracts/demands.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.js';

const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export const notificationRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: '我的消息 My notifications', querystring: NotificationQuery, response: { 200: NotificationPage, ...errors } },
  }, async (request) => listMyNotifications(ctx, actorOf(request), request.query, requestLang(request)));
  app.post('/api/notifications/read-all', {
    schema: { tags: ['notifications'], summary: '全部标为已读', response: { 200: Type.Object({ ok: Type.Boolean(), updated: Type.Integer() }), ...errors } },
  }, async (request) => markAllNotificationsRead(ctx, actorOf(request)));
  app.post('/api/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: '标为已读', params: IdParams, response: { 200: Ok, ...errors } },
  }, async (request) => markNotificationRead(ctx, actorOf(request), request.params.id));
};
