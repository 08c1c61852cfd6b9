/** Chinese texts of the wechat pages (merged into zh.ts under `wechat`); wechat.en.ts has the same shape. */
export const wechatZh = {
  title: '',
};
