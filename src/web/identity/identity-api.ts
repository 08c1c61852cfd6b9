import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../../contracts/common.js';
import type { Department as DepartmentSchema, RoleSummary, User as UserSchema } from '../../contracts/identity.js';
import type { Static } from 'typebox';
import type { DepartmentKind, Role } from '../../domain/identity/roles.js';
import { apiGet, apiSend, type QueryParams } from '../app/api.js';

export type Department = Static<typeof DepartmentSchema>;
export type User = Static<typeof UserSchema>;

export const departmentKeys = { all: ['departments'] as const };
export const userKeys = { all: ['users'] as const };

export function useDepartments(params: QueryParams) {
  return useQuery({
    queryKey: [...departmentKeys.all, params],
    queryFn: () => apiGet<PageOf<Department>>('/api/departments', params),
    placeholderData: keepPreviousData,
  });
}

/** Every department, for selects. */
export function useAllDepartments(enabled = true) {
  return useQuery({
    queryKey: [...departmentKeys.all, 'options'],
    queryFn: () => apiGet<PageOf<Department>>('/api/departments', { pageSize: 200 }),
    staleTime: 60_000,
    enabled,
  });
}

export type DepartmentBody = { name?: string; kind?: DepartmentKind; phone?: string | null; active?: boolean };

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DepartmentBody }) =>
      id ? apiSend<Department>('PATCH', `/api/departments/${id}`, body) : apiSend<Department>('POST', '/api/departments', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<unknown>('DELETE', `/api/departments/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
  });
}

/** Every role with the number of active users holding it. */
export function useRoles() {
  return useQuery({ queryKey: [...userKeys.all, 'roles'], queryFn: () => apiGet<RoleSummary[]>('/api/roles') });
}

export function useUsers(params: QueryParams) {
  return useQuery({
    queryKey: [...userKeys.all, params],
    queryFn: () => apiGet<PageOf<User>>('/api/users', params),
    placeholderData: keepPreviousData,
  });
}

/** Liaison cadres (挂点干部) for selects and filters. */
export function useCadres(enabled = true) {
  return useQuery({
    queryKey: [...userKeys.all, 'cadres'],
    queryFn: () => apiGet<PageOf<User>>('/api/users', { role: 'cadre', pageSize: 200 }),
    staleTime: 60_000,
    enabled,
  });
}

/** Leaders (园区领导), e.g. to choose an enterprise's liaison leader (包联领导); inactive ones included, for filters. */
export function useLeaders(enabled = true) {
  return useQuery({
    queryKey: [...userKeys.all, 'leaders'],
    queryFn: () => apiGet<PageOf<User>>('/api/users', { role: 'leader', pageSize: 200 }),
    staleTime: 60_000,
    enabled,
  });
}

export type UserCreateBody = {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentId?: string | null;
  enterpriseId?: string | null;
  phone?: string | null;
};
export type UserPatchBody = Partial<Omit<UserCreateBody, 'username' | 'password'>> & { active?: boolean };

function useUserMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: departmentKeys.all });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: UserCreateBody) => apiSend<User>('POST', '/api/users', body));
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: UserPatchBody }) => apiSend<User>('PATCH', `/api/users/${id}`, body));
}

export function useResetPassword() {
  return useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    apiSend<unknown>('POST', `/api/users/${id}/reset-password`, { newPassword }),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) => apiSend<unknown>('POST', `/api/users/${id}/unlock`));
}
