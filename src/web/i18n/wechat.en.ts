import type { wechatZh } from './wechat.zh.js';

export const wechatEn: typeof wechatZh = {
  title: '',
};
