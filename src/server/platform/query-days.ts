import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError } from './errors.js';

/** The first and last day a query or a plan may name. */
export const FIRST_QUERY_DAY = '1000-01-01';
export const LAST_QUERY_DAY = '9998-12-31';

/**
 * Days a list, a count or a plan turns into instants, ISO weeks or SQL dates must stay inside what
 * PostgreSQL stores and the calendar arithmetic handles: years 1000..9998 (an ISO year 0000 does not
 * exist there; the day after 9999-12-31, and the Sunday of its ISO week, have a five-digit year).
 * `prefix` names where the days came from: 'querystring.' for a list's filters, '' for a body's fields.
 */
export function queryDayErrors(days: Record<string, string | undefined>, prefix = 'querystring.'): KeyedFieldError[] {
  return Object.entries(days)
    .filter(([, v]) => v !== undefined && (v < FIRST_QUERY_DAY || v > LAST_QUERY_DAY))
    .map(([k, v]) => fieldError(`${prefix}${k}`, 'date-invalid', { value: v! }));
}

/** Refuses days out of range (see queryDayErrors) with a field error each, in one VALIDATION_FAILED. */
export function checkQueryDays(days: Record<string, string | undefined>, prefix = 'querystring.'): void {
  const errors = queryDayErrors(days, prefix);
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
}
