import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { DemandDetail, DemandSummary, Notification } from '../../src/contracts/demands.js';
import { as, signIn, type TestApp } from './harness.js';

/**
 * Factories for the demand tests: the demo's people as API callers, and a demand brought to a
 * given state through the HTTP API (never by writing rows).
 */
export type Api = ReturnType<typeof as>;
export type { DemandDetail, DemandSummary, Notification };

/** An instant of a zone day in Beijing time: at('2026-09-24') is 10:00 that day. */
export const at = (date: string, time = '10:00'): Date => new Date(`${date}T${time}:00+08:00`);

/** The JSON body of a call that must have succeeded. */
export function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

export type Cast = {
  coordinator: Api; enterprise: Api; department: Api; department2: Api; leader: Api; leader2: Api; admin: Api;
  /** Department ids by name. */
  departments: Record<string, string>;
  /** The demo enterprise user's enterprise and another enterprise of the zone. */
  enterpriseId: string;
  otherEnterpriseId: string;
  otherEnterpriseName: string;
  userIds: Record<string, string>;
};

/**
 * A signed-in user that signs in again when its session has expired: the tests move the clock by
 * weeks, past the 12-hour session lifetime, and sessions are not what they test.
 */
export async function caller(t: Pick<TestApp, 'app'>, username: string, password?: string): Promise<Api> {
  let session = await signIn(t.app, username, password);
  return async (call) => {
    const res = await as(t.app, session)(call);
    if (res.statusCode !== 401) return res;
    session = await signIn(t.app, username, password);
    return as(t.app, session)(call);
  };
}

export const LAND = '自然资源和规划分局';
export const ECOLOGY = '生态环境分局';

export async function castOf(t: Pick<TestApp, 'app'>): Promise<Cast> {
  const names = ['coordinator', 'enterprise', 'department', 'department2', 'leader', 'leader2', 'admin'] as const;
  const apis = {} as Record<(typeof names)[number], Api>;
  const userIds: Record<string, string> = {};
  let enterpriseId = '';
  for (const name of names) {
    apis[name] = await caller(t, name);
    const me = ok<{ id: string; enterpriseId?: string }>(await apis[name]({ url: '/api/auth/me' }));
    userIds[name] = me.id;
    if (name === 'enterprise') enterpriseId = me.enterpriseId!;
  }
  const deps = ok<{ items: { id: string; name: string }[] }>(await apis.coordinator({ url: '/api/departments?pageSize=100' }));
  const departments = Object.fromEntries(deps.items.map((d) => [d.name, d.id]));
  const ents = ok<{ items: { id: string; name: string }[] }>(await apis.coordinator({ url: '/api/enterprises?pageSize=5' }));
  const other = ents.items.find((e) => e.id !== enterpriseId)!;
  return { ...apis, departments, enterpriseId, otherEnterpriseId: other.id, otherEnterpriseName: other.name, userIds };
}

export const PROPERTY_DEMAND = {
  title: '厂房产证一直办不下来',
  description: '崧原半导体（景德镇）有限公司新建厂房竣工已半年，产证一直办不下来，影响银行贷款审批。',
  categoryCode: 'property-certificate',
};

/** The enterprise user submits a demand (channel and enterprise implied). */
export async function submit(c: Cast, body: Partial<typeof PROPERTY_DEMAND> = {}): Promise<DemandDetail> {
  return ok<DemandDetail>(await c.enterprise({ method: 'POST', url: '/api/demands', payload: { ...PROPERTY_DEMAND, ...body } }));
}

export function act(api: Api, id: string, action: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return api({ method: 'POST', url: `/api/demands/${id}/${action}`, ...(payload === undefined ? {} : { payload }) });
}

export async function read(api: Api, id: string): Promise<DemandDetail> {
  return ok<DemandDetail>(await api({ url: `/api/demands/${id}` }));
}

/** Submitted by the enterprise and assigned by the coordinator to `lead` (default 自然资源和规划分局). */
export async function assigned(c: Cast, opts: { lead?: string; assisting?: string[]; body?: Partial<typeof PROPERTY_DEMAND> } = {}): Promise<DemandDetail> {
  const d = await submit(c, opts.body);
  return ok<DemandDetail>(await act(c.coordinator, d.id, 'assign', {
    leadDepartmentId: c.departments[opts.lead ?? LAND],
    ...(opts.assisting ? { assistingDepartmentIds: opts.assisting.map((n) => c.departments[n]) } : {}),
  }));
}

/** Assigned to 自然资源和规划分局 and acknowledged by its user `department`. */
export async function inProgress(c: Cast, body?: Partial<typeof PROPERTY_DEMAND>): Promise<DemandDetail> {
  const d = await assigned(c, { body });
  return ok<DemandDetail>(await act(c.department, d.id, 'acknowledge'));
}

export const kinds = (d: DemandDetail): string[] => d.timeline.map((e) => e.kind);

/** The caller's notifications about one demand, optionally of one kind (every page read). */
export async function notificationsAbout(api: Api, demandId: string, kind?: string): Promise<Notification[]> {
  const out: Notification[] = [];
  for (let page = 1; ; page += 1) {
    const { items } = ok<{ items: Notification[] }>(await api({ url: `/api/notifications?pageSize=200&page=${page}` }));
    out.push(...items.filter((n) => n.entityId === demandId && (kind === undefined || n.kind === kind)));
    if (items.length < 200) return out;
  }
}

/** Ids of the demands a list call returns, with its total. */
export async function listed(api: Api, query: string): Promise<{ ids: string[]; total: number }> {
  const page = ok<{ items: DemandSummary[]; total: number }>(await api({ url: `/api/demands?${query}` }));
  return { ids: page.items.map((d) => d.id), total: page.total };
}

/**
 * Whether a filtered list holds demand `d`, narrowed to it by searching its number (the demo
 * zone already has a year of demands, so a page of a filter alone may not reach it).
 */
export async function lists(api: Api, filter: string, d: { id: string; number: string }): Promise<boolean> {
  const { ids } = await listed(api, `${filter}&q=${encodeURIComponent(d.number)}`);
  return ids.includes(d.id);
}
