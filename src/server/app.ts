import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './platform/context.js';
import { findNulCharacter, validatorCompiler } from './platform/validation.js';
import { DomainError } from './platform/errors.js';
import { fieldError } from '../contracts/field-messages.js';
import { installErrorHandler, sendNotFound } from './platform/error-handler.js';
import { installSessionHook } from './identity/session.hook.js';
import { identityRoutes } from './identity/identity.routes.js';
import { enterpriseRoutes } from './enterprises/enterprises.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { demandRoutes } from './demands/demands.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { visitsRoutes } from './visits/visits.routes.js';
import { visitViewsRoutes } from './visits/visit-views.routes.js';
import { visitBriefRoutes } from './visits/visit-brief.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { wechatRoutes } from './wechat/wechat.routes.js';
import { bulletinRoutes } from './bulletins/bulletins.routes.js';
import { publicBulletinRoutes } from './bulletins/public-bulletins.routes.js';
import { cultivationAssessmentRoutes } from './cultivation/cultivation-assessments.routes.js';
import { cultivationRunsRoutes } from './cultivation/cultivation-runs.routes.js';
import { cultivationListsRoutes } from './cultivation/cultivation-lists.routes.js';

/** The file under the web root that a URL names, if it exists (never outside the root). */
function webFileFor(webDir: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split('?')[0]!);
  } catch {
    return null;
  }
  const full = path.resolve(webDir, `.${pathname}`);
  if (!full.startsWith(webDir + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) return null;
  return path.relative(webDir, full);
}

export type BuildAppOptions = { logger?: boolean; serveWeb?: boolean };

/** Builds the HTTP application: platform plugins first, then each area's routes. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: ctx.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { strict: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  installErrorHandler(app);
  app.addHook('preValidation', async (request) => {
    const field = findNulCharacter(request.body) ?? (findNulCharacter(request.query) ? `querystring.${findNulCharacter(request.query)}` : null);
    if (field) throw new DomainError('VALIDATION_FAILED', [fieldError(field, 'control-character')]);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yiqi 益企 API',
        version: '0.1.0',
        description:
          'Sign in with POST /api/auth/login; the reply sets an httpOnly session cookie and returns `csrfToken`. ' +
          'Send it back in the `x-csrf-token` header on every POST, PATCH, PUT and DELETE. ' +
          'Errors are `{error:{code,message,details}}`; see src/contracts/errors.ts for every code.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });

  installSessionHook(app, ctx);

  app.get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['platform'],
      summary: '健康检查 Health (database reachability)',
      response: { 200: Type.Object({ status: Type.String(), database: Type.String() }), 503: Type.Object({ status: Type.String(), database: Type.String() }) },
    },
  }, async (_request, reply) => {
    const ok = await ctx.database.ping();
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: ok ? 'ok' : 'unreachable' });
  });

  await app.register(identityRoutes(ctx));
  await app.register(enterpriseRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(demandRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(visitsRoutes(ctx));
  await app.register(visitViewsRoutes(ctx));
  await app.register(visitBriefRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(wechatRoutes(ctx));
  await app.register(bulletinRoutes(ctx));
  await app.register(publicBulletinRoutes(ctx));
  await app.register(cultivationAssessmentRoutes(ctx));
  await app.register(cultivationRunsRoutes(ctx));
  await app.register(cultivationListsRoutes(ctx));

  const webDir = ctx.config.webDir;
  const hasWeb = opts.serveWeb !== false && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') return sendNotFound(request, reply);
    const file = webFileFor(webDir, request.url);
    // A file written after boot (a rebuilt web app) is served without a restart.
    if (file) return reply.sendFile(file);
    // A missing script or stylesheet is a 404, not the page shell.
    if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) return sendNotFound(request, reply);
    // Single-page app: every other GET is the web app's shell; the browser router takes it from there.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
