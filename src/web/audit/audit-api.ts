import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageOf } from '../../contracts/common.js';
import { apiGet, type QueryParams } from '../app/api.js';

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export function useAuditLog(params: QueryParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => apiGet<PageOf<AuditEntry>>('/api/audit', params),
    placeholderData: keepPreviousData,
  });
}

/** Entities and actions the server records (src/server/**: recordAudit). */
export const AUDIT_ENTITIES = ['user', 'department', 'enterprise', 'enterprise_import', 'theme', 'zone', 'calendar_year', 'calendar_override', 'session'] as const;
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'user.created',
  'user.updated',
  'user.password_changed',
  'user.password_reset',
  'user.unlocked',
  'department.created',
  'department.updated',
  'department.deleted',
  'enterprise.created',
  'enterprise.updated',
  'enterprise_import.started',
  'enterprise_import.succeeded',
  'enterprise_import.failed',
  'theme.created',
  'theme.updated',
  'zone.created',
  'zone.updated',
  'calendar.arrangement_loaded',
  'calendar.override_added',
  'calendar.override_removed',
  'demo.loaded',
] as const;
