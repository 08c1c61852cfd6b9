import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError, Lang } from '../../contracts/errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false });
  addFormats(ajv);
  return ajv;
}

// Bodies are taken as sent: a number where a string belongs is an error, not coerced.
const strict = makeAjv(false);
// Query strings and path parameters are text on the wire: "2" may become 2.
const coercing = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const FORMAT_NAMES: Record<string, [string, string]> = {
  date: ['日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'],
  'date-time': ['日期时间', 'a date-time'],
  uuid: ['有效的编号', 'a valid id'],
  email: ['邮箱地址', 'an e-mail address'],
};

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是/否', 'true or false'],
  object: ['对象', 'an object'],
  array: ['列表', 'a list'],
  null: ['空值', 'null'],
};

function describe(e: ErrorObject, lang: Lang): string {
  const zh = lang === 'zh';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return zh ? '必填' : 'is required';
    case 'additionalProperties':
      return zh ? `不允许的字段“${String(p.additionalProperty)}”` : `unknown field "${String(p.additionalProperty)}"`;
    case 'type': {
      const t = String(p.type).split(',').map((x) => TYPE_NAMES[x]?.[zh ? 0 : 1] ?? x).join(zh ? '或' : ' or ');
      return zh ? `应为${t}` : `must be ${t}`;
    }
    case 'maxLength':
      return zh ? `不能超过 ${String(p.limit)} 个字符` : `must have at most ${String(p.limit)} characters`;
    case 'minLength':
      return Number(p.limit) <= 1 ? (zh ? '不能为空' : 'must not be empty') : zh ? `至少 ${String(p.limit)} 个字符` : `must have at least ${String(p.limit)} characters`;
    case 'minimum':
      return zh ? `不能小于 ${String(p.limit)}` : `must be at least ${String(p.limit)}`;
    case 'maximum':
      return zh ? `不能大于 ${String(p.limit)}` : `must be at most ${String(p.limit)}`;
    case 'maxItems':
      return zh ? `最多 ${String(p.limit)} 项` : `at most ${String(p.limit)} items`;
    case 'minItems':
      return zh ? `至少 ${String(p.limit)} 项` : `at least ${String(p.limit)} items`;
    case 'uniqueItems':
      return zh ? '不能有重复项' : 'must not repeat items';
    case 'format': {
      const f = FORMAT_NAMES[String(p.format)];
      return zh ? `应为${f?.[0] ?? String(p.format)}` : `must be ${f?.[1] ?? String(p.format)}`;
    }
    case 'pattern':
      return zh ? '格式不正确' : 'has the wrong format';
    case 'enum':
    case 'const':
    case 'anyOf':
      return zh ? '不是允许的取值' : 'is not an allowed value';
    default:
      return zh ? '无效' : 'is invalid';
  }
}

/** Turns ajv errors into one FieldError per field (the most telling one), with a message in `lang`. */
export function toFieldErrors(errors: ErrorObject[], lang: Lang): FieldError[] {
  const byField = new Map<string, FieldError>();
  // anyOf (nullable fields) reports each branch's failure plus its own: keep the first specific one.
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    const base = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const extra = e.keyword === 'required' ? String(p.missingProperty) : e.keyword === 'additionalProperties' ? String(p.additionalProperty) : '';
    const field = [base, extra].filter(Boolean).join('.') || '(body)';
    const current = byField.get(field);
    if (current && !(current.reason === 'anyOf' || (current.reason === 'type' && e.keyword !== 'type' && e.keyword !== 'anyOf'))) continue;
    if (current && e.keyword === 'anyOf') continue;
    byField.set(field, { field, reason: e.keyword, message: describe(e, lang) });
  }
  return [...byField.values()];
}

/**
 * The path of the first string holding a NUL character, which PostgreSQL text
 * cannot store: such input is refused as invalid instead of failing in the database.
 */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNulCharacter(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}
