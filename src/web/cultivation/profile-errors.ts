import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.js';
import { groupOf } from './profile-fields.js';

/**
 * The server names a profile problem by its path inside the request body (`profile.revenue`,
 * `/profile/ip/class1`, or a bare `revenue`); the form's fields are named by the profile's paths.
 */
export function profileFieldPath(field: string): string[] {
  const parts = field.split(/[./[\]]+/).filter((p) => p !== '');
  return parts[0] === 'profile' ? parts.slice(1) : parts;
}

/**
 * Marks the profile fields of a VALIDATION_FAILED reply on the form (the messages are the server's,
 * in the page's language). Returns the messages that fit no field, and the first field marked, to
 * scroll to.
 */
export function applyProfileErrors(form: FormInstance, error: unknown): { leftover: string[]; first: string[] | null } {
  if (!(error instanceof ApiError)) return { leftover: [], first: null };
  const leftover: string[] = [];
  const fields: { name: string[]; errors: string[] }[] = [];
  for (const fe of error.fieldErrors) {
    const name = profileFieldPath(fe.field);
    if (name.length > 0 && groupOf(name.join('.')) !== null) fields.push({ name, errors: [fe.message] });
    else leftover.push(fe.field ? `${fe.field}：${fe.message}` : fe.message);
  }
  if (fields.length) form.setFields(fields);
  return { leftover, first: fields[0]?.name ?? null };
}
