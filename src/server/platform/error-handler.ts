import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../contracts/errors.js';
import { localiseMessage, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError } from './errors.js';
import { requestLang } from './language.js';
import { toFieldErrors } from './validation.js';

/** Unique keys users can collide on, by constraint name (src/db/schema), with the code and field to report. */
const UNIQUE_KEYS: Record<string, { code: ErrorCode; field: string }> = {
  users_zone_username_key: { code: 'USERNAME_TAKEN', field: 'username' },
  enterprises_zone_uscc_key: { code: 'USCC_DUPLICATE', field: 'uscc' },
  departments_zone_name_key: { code: 'CONFLICT', field: 'name' },
  themes_zone_name_key: { code: 'CONFLICT', field: 'name' },
  demand_categories_zone_name_key: { code: 'CONFLICT', field: 'name' },
  demand_categories_pkey: { code: 'CONFLICT', field: 'code' },
  bulletins_zone_month_version_key: { code: 'CONFLICT', field: 'month' },
};

function send(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: ErrorBody['error']['details']) {
  const lang = requestLang(request);
  const body: ErrorBody = { error: { code, message: ERROR_CODES[code][lang], ...(details ? { details } : {}) } };
  return reply.status(ERROR_CODES[code].status).send(body);
}

/**
 * One place that turns every failure into `{ error: { code, message, details } }`
 * with the right status; messages in the user's language, looked up by code.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: unknown }, request, reply) => {
    if (error instanceof DomainError) {
      const lang = requestLang(request);
      // Field messages written in Chinese by services; fall back to the code's message for empty ones.
      const details = Array.isArray(error.details)
        ? error.details.map((d: KeyedFieldError) => {
            const shown = localiseMessage(d, lang);
            return { ...shown, message: shown.message || ERROR_CODES[error.code][lang] };
          })
        : error.details;
      return send(request, reply, error.code, details);
    }
    if (error.validation && Array.isArray(error.validation)) {
      const part = (error as { validationContext?: string }).validationContext;
      const details = toFieldErrors(error.validation, requestLang(request)).map((d) => ({
        ...d,
        field: part && part !== 'body' ? `${part}.${d.field}` : d.field,
      }));
      return send(request, reply, 'VALIDATION_FAILED', details);
    }
    // A key taken by a concurrent request between the service's check and its insert:
    // answered as the service would have answered the second request.
    const pg = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    if (pg.code === '23505' || pg.code === '23503') {
      const known = pg.constraint ? UNIQUE_KEYS[pg.constraint] : undefined;
      if (!known) return send(request, reply, 'CONFLICT');
      const lang = requestLang(request);
      return send(request, reply, known.code, [{ field: known.field, reason: 'taken', message: ERROR_CODES[known.code][lang] }]);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
        return send(request, reply, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(request, reply, 'BAD_REQUEST');
      case 'FST_ERR_RATE_LIMITED':
        return send(request, reply, 'RATE_LIMITED');
    }
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return send(request, reply, error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : error.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'INTERNAL');
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 'NOT_FOUND');
}
