import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, setCsrfToken } from '../app/api.js';
import { ME_KEY, type Me } from '../app/session.js';

type LoginReply = { user: Me; csrfToken: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => apiSend<LoginReply>('POST', '/api/auth/login', body),
    onSuccess: (reply) => {
      setCsrfToken(reply.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, { ...reply.user, csrfToken: reply.csrfToken });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<unknown>('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => apiSend<unknown>('POST', '/api/auth/password', body),
    onSuccess: () => {
      const me = queryClient.getQueryData<Me | null>(ME_KEY);
      if (me) queryClient.setQueryData(ME_KEY, { ...me, mustChangePassword: false });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
