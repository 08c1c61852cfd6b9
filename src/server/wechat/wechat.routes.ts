import Type from 'typebox';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse } from '../../contracts/common.js';
import { WechatAccount, WechatAccountBody, WechatTestReply } from '../../contracts/wechat.js';
import { actorOf } from '../identity/session.hook.js';
import { requestLang } from '../platform/language.js';
import { getWechatAccount, saveWechatAccount, testWechatAccount } from './wechat-account.service.js';
import { CALLBACK_BODY_LIMIT, receiveCallbackEvent, verifyCallbackUrl } from './wechat-callback.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const CallbackParams = Type.Object({ zoneCode: Type.String({ minLength: 1, maxLength: 64 }) });
const SignedQuery = Type.Object({
  signature: Type.Optional(Type.String({ maxLength: 128 })),
  timestamp: Type.Optional(Type.String({ maxLength: 32 })),
  nonce: Type.Optional(Type.String({ maxLength: 128 })),
  echostr: Type.Optional(Type.String({ maxLength: 512 })),
}, { additionalProperties: true });

export const wechatRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/wechat/account', {
    schema: { tags: ['wechat'], summary: '公众号设置（不含 AppSecret）', response: { 200: WechatAccount, ...errors } },
  }, async (request) => getWechatAccount(ctx, actorOf(request)));

  app.put('/api/wechat/account', {
    schema: {
      tags: ['wechat'],
      summary: '保存公众号设置（AppSecret 只写：留空则保留原值）',
      body: WechatAccountBody,
      response: { 200: WechatAccount, ...errors },
    },
  }, async (request) => saveWechatAccount(ctx, actorOf(request), request.body));

  app.post('/api/wechat/account/test', {
    schema: { tags: ['wechat'], summary: '测试连接（取一次访问令牌）', response: { 200: WechatTestReply, ...errors } },
  }, async (request) => testWechatAccount(ctx, actorOf(request), requestLang(request)));

  // The platform's callback: no session, a signature instead; its own small body parser for XML.
  await app.register(async (scope) => {
    const callback = scope.withTypeProvider<TypeBoxTypeProvider>();
    callback.removeAllContentTypeParsers();
    callback.addContentTypeParser('*', { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT }, (_request, body, done) => done(null, body));

    callback.get('/api/wechat/callback/:zoneCode', {
      config: { public: true },
      schema: {
        tags: ['wechat'],
        summary: '公众平台服务器地址校验（回显 echostr）',
        params: CallbackParams,
        querystring: SignedQuery,
        response: { 200: Type.String(), 403: Type.String() },
      },
    }, async (request, reply) => {
      const echo = await verifyCallbackUrl(ctx, request.params.zoneCode, request.query);
      reply.type('text/plain; charset=utf-8');
      return echo === null ? reply.status(403).send('invalid signature') : reply.send(echo);
    });

    callback.post('/api/wechat/callback/:zoneCode', {
      config: { public: true },
      bodyLimit: CALLBACK_BODY_LIMIT,
      schema: {
        tags: ['wechat'],
        summary: '公众平台事件推送（PUBLISHJOBFINISH）',
        params: CallbackParams,
        querystring: SignedQuery,
        response: { 200: Type.String(), 400: Type.String(), 403: Type.String() },
      },
    }, async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const outcome = await receiveCallbackEvent(ctx, request.params.zoneCode, request.query, body, request.log);
      reply.type('text/plain; charset=utf-8');
      if (outcome === 'forbidden') return reply.status(403).send('invalid signature');
      if (outcome === 'bad-request') return reply.status(400).send('bad request');
      return reply.send('success');
    });
  });
};
