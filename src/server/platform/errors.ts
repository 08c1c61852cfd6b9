import type { ErrorCode } from '../../contracts/errors.js';
import type { KeyedFieldError } from '../../contracts/field-messages.js';

/** The one error services throw; the error handler maps `code` to status and message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: KeyedFieldError[] | Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('NOT_FOUND');
export const forbidden = () => new DomainError('FORBIDDEN');
