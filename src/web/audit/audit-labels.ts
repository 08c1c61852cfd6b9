import { i18next } from '../i18n/index.js';

/** "department.created" → 新建部门; unknown actions are shown as recorded. */
export function actionLabel(action: string): string {
  const key = `audit.actions.${action.replace(/\./g, '__')}`;
  return i18next.exists(key) ? i18next.t(key as 'audit.title') : action;
}

export function entityLabel(entity: string): string {
  const key = `audit.entities.${entity}`;
  return i18next.exists(key) ? i18next.t(key as 'audit.title') : entity;
}

export function fieldLabel(field: string): string {
  const key = `audit.fields.${field}`;
  return i18next.exists(key) ? `${i18next.t(key as 'audit.title')}（${field}）` : field;
}
