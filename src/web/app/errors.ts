import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n/index.js';
import { ApiError } from './api.js';

/** The localised message for an error, looked up by its code (never by parsing text). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (i18next.exists(key)) return i18next.t(key as 'errors.UNKNOWN');
    return error.message || i18next.t('errors.UNKNOWN');
  }
  return i18next.t('errors.UNKNOWN');
}

/** Turns a server field path (`contacts.0.phone`, `/contacts/0/phone`, `contacts[0].phone`) into a form name path. */
export function toNamePath(field: string): (string | number)[] {
  return field
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Error codes that belong to one field of a form, e.g. USERNAME_TAKEN → username. */
export type CodeFields = Partial<Record<string, (string | number)[] | string>>;

/**
 * Puts the field-level problems of an API error onto the form fields.
 * Returns the problems that matched no field, so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, error: ApiError, codeFields: CodeFields = {}): string[] {
  const leftover: string[] = [];
  const mapped = codeFields[error.code];
  if (mapped) {
    form.setFields([{ name: typeof mapped === 'string' ? [mapped] : mapped, errors: [errorText(error)] }]);
  }
  const known = new Set([
    ...Object.keys(form.getFieldsValue() as Record<string, unknown>),
    ...Object.keys(form.getFieldsValue(true) as Record<string, unknown>),
  ]);
  const fields = error.fieldErrors.map((fe) => ({ ...fe, name: toNamePath(fe.field) }));
  const onForm = fields.filter((f) => typeof f.name[0] === 'string' && known.has(f.name[0]));
  for (const f of fields) if (!onForm.includes(f)) leftover.push(f.field ? `${f.field}：${f.message}` : f.message);
  if (onForm.length > 0) form.setFields(onForm.map((f) => ({ name: f.name, errors: [f.message] })));
  return leftover;
}

/**
 * A handler for failed mutations: shows the localised message and, when a form is given,
 * marks the offending fields (VALIDATION_FAILED details and field-specific codes).
 */
export function useApiErrorHandler() {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, codeFields?: CodeFields) => {
      if (!(error instanceof ApiError)) {
        void message.error(t('errors.UNKNOWN'));
        return;
      }
      const leftover = form ? applyFieldErrors(form, error, codeFields) : error.fieldErrors.map((f) => `${f.field}：${f.message}`);
      if (form && codeFields?.[error.code]) return;
      if (leftover.length > 0) {
        notification.error({ title: errorText(error), description: leftover.join('\n'), style: { whiteSpace: 'pre-line' } });
        return;
      }
      void message.error(errorText(error));
    },
    [message, notification, t],
  );
}

/** The server's field-level messages of an error, one per line (for an Alert's description). */
export function errorDetailText(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const lines = error.fieldErrors.map((f) => f.message);
  return lines.length ? lines.join('\n') : undefined;
}
