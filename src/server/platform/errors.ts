import type { ErrorCode, FieldError } from '../../contracts/errors.js';

/** The one error services throw; the error handler maps `code` to status and message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldError[] | Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('NOT_FOUND');
export const forbidden = () => new DomainError('FORBIDDEN');
export const invalidField = (field: string, reason: string, message: string) =>
  new DomainError('VALIDATION_FAILED', [{ field, reason, message }]);
