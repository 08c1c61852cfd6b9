import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../contracts/errors.js';

/** The user's language: the web app's switch (x-yiqi-lang), else Accept-Language, else Chinese. */
export function requestLang(request: FastifyRequest): Lang {
  const explicit = request.headers['x-yiqi-lang'];
  if (explicit === 'en' || explicit === 'zh') return explicit;
  const accept = String(request.headers['accept-language'] ?? '');
  return /^en\b/i.test(accept) ? 'en' : 'zh';
}
