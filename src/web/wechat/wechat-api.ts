import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WechatAccount, WechatAccountBody, WechatTestReply } from '../../contracts/wechat.js';
import { apiGet, apiSend } from '../app/api.js';

export type { WechatAccount, WechatAccountBody, WechatTestReply };

const ACCOUNT_KEY = ['wechat', 'account'] as const;

/** The zone's official-account settings (never the AppSecret). */
export function useWechatAccount() {
  return useQuery({ queryKey: ACCOUNT_KEY, queryFn: () => apiGet<WechatAccount>('/api/wechat/account') });
}

export function useSaveWechatAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WechatAccountBody) => apiSend<WechatAccount>('PUT', '/api/wechat/account', body),
    onSuccess: (account) => queryClient.setQueryData(ACCOUNT_KEY, account),
  });
}

/** 测试连接: the reply says in plain words whether the platform issued a token. */
export function useTestWechatAccount() {
  return useMutation({ mutationFn: () => apiSend<WechatTestReply>('POST', '/api/wechat/account/test') });
}
