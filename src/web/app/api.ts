import type { FieldError } from '../../contracts/errors.js';

/** An error reply from the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Field-level problems of a VALIDATION_FAILED reply (empty for any other error). */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldError);
  }
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

let csrfToken: string | null = null;
let language = 'zh';

/** The UI language, sent as `x-yiqi-lang` so the server's messages (field details) match the page. */
export function setRequestLanguage(lang: 'zh' | 'en'): void {
  language = lang;
}

/** Remembers the token sent back on every non-GET request (set from login and /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Paths whose 401 is an answer for the caller (wrong password, not signed in yet), not an expired session. */
const AUTH_PATHS = ['/api/auth/login', '/api/auth/me', '/api/auth/password'];

function handleUnauthenticated(path: string): void {
  if (AUTH_PATHS.some((p) => path.startsWith(p))) return;
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** Builds `?a=1&b=x` from the defined, non-empty values. */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      typeof e.code === 'string' ? e.code : 'INTERNAL',
      response.status,
      typeof e.message === 'string' ? e.message : response.statusText,
      e.details,
    );
  }
  return new ApiError(statusCode(response.status), response.status, response.statusText);
}

function statusCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'INTERNAL';
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError('NETWORK', 0, cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) handleUnauthenticated(path);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return undefined as T;
  return (await response.json()) as T;
}

function readHeaders(): Headers {
  return new Headers({ accept: 'application/json', 'x-yiqi-lang': language });
}

function writeHeaders(json: boolean): Headers {
  const headers = readHeaders();
  if (json) headers.set('content-type', 'application/json');
  if (csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

export function apiGet<T>(path: string, params?: QueryParams): Promise<T> {
  return request<T>(path + buildQuery(params), { method: 'GET', headers: readHeaders() });
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export function apiSend<T>(method: WriteMethod, path: string, body?: unknown): Promise<T> {
  const hasBody = body !== undefined;
  return request<T>(path, {
    method,
    headers: writeHeaders(hasBody),
    body: hasBody ? JSON.stringify(body) : null,
  });
}

/** Sends a multipart form (file uploads). */
export function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return request<T>(path, { method: 'POST', headers: writeHeaders(false), body: form });
}

/**
 * Downloads a file from a GET endpoint (exports, templates) and saves it under the
 * server's file name, so API errors can be shown instead of a broken download.
 */
export async function apiDownload(path: string, params: QueryParams | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path + buildQuery(params), { credentials: 'same-origin', headers: { 'x-yiqi-lang': language } });
  } catch (cause) {
    throw new ApiError('NETWORK', 0, cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) handleUnauthenticated(path);
    throw error;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return star[1];
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
