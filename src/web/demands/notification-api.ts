import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api.js';
import type { Notification } from './demand-types.js';

export type NotificationPage = { items: Notification[]; total: number; unread: number };

const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The latest notifications and the unread count, polled every minute while the page is open. */
export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => apiGet<NotificationPage>('/api/notifications', { page: 1, pageSize: 10 }),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 30_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<unknown>('POST', `/api/notifications/${id}/read`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<unknown>('POST', '/api/notifications/read-all'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
