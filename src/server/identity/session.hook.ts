import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { DomainError } from '../platform/errors.js';
import { resolveSession, type SessionInfo } from './auth.service.js';

export const SESSION_COOKIE = 'yiqi_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (health, login, docs, public pages). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route checks who is asking: the session cookie is resolved before the
 * handler runs; a route not marked public refuses anonymous requests, and a
 * state-changing request must carry the session's CSRF token in x-csrf-token.
 */
export function installSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const isApi = request.url.startsWith('/api/');
    if (!isApi) return;
    request.session = await resolveSession(ctx, request.cookies[SESSION_COOKIE]);
    if (request.routeOptions.config?.public) return;
    if (!request.session) throw new DomainError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new DomainError('CSRF_FAILED');
    }
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new DomainError('UNAUTHENTICATED');
  return request.session.actor;
}

export function sessionOf(request: FastifyRequest): SessionInfo {
  if (!request.session) throw new DomainError('UNAUTHENTICATED');
  return request.session;
}
