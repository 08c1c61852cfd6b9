import { describe, expect, it } from 'vitest';
import { isConfigError, isQuotaError, isTokenError, wechatErrorText } from './wechat-error-text.js';

/** §1.9 of the WeChat reference, 53503–53505 (§1.5), and those met on draft/add and the minute limit. */
const DOCUMENTED = [
  -1, 40001, 40013, 40014, 40007, 40005, 40009, 40033, 40125, 40164, 40243, 41001, 42001, 43002, 44002, 45009, 47001, 48001, 48006, 50002,
  53503, 53504, 53505, 44003, 45166, 45011,
];

describe('wechatErrorText', () => {
  it.each(DOCUMENTED)('explains %i in its own words, in Chinese and English', (code) => {
    const text = wechatErrorText(code, 'raw message');
    expect(text.zh).not.toContain('错误码');
    expect(text.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(text.en).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u);
  });

  it('gives every documented code a different text', () => {
    expect(new Set(DOCUMENTED.map((code) => wechatErrorText(code).zh)).size).toBe(DOCUMENTED.length);
  });

  it.each<[number, string | undefined, string]>([
    [40164, undefined, '服务器 IP 不在公众号的 IP 白名单中，请在公众号后台「设置与开发 → 基本配置」中添加 IP 白名单'],
    [40164, 'invalid ip 124.223.42.217 ipv6 ::ffff:124.223.42.217, not in whitelist rid: 6488a5c3-1c8a4f0e-2d6c',
      '服务器 IP（124.223.42.217）不在公众号的 IP 白名单中，请在公众号后台「设置与开发 → 基本配置」中添加 IP 白名单'],
    [48001, 'api unauthorized', '公众号没有该接口的权限：发布接口仅对已认证的公众号开放，请确认公众号已完成微信认证'],
    [45009, 'api freq out of limit', '今日调用次数已达公众号平台的上限，请明天再试（公众号每月可在后台清零调用次数 10 次）'],
    [53503, undefined, '该草稿未通过发布检查，请登录公众平台查看并修改草稿后再发表'],
  ])('%i (%s) → %s', (code, errmsg, zh) => {
    expect(wechatErrorText(code, errmsg).zh).toBe(zh);
  });

  it('names the blocked IP in English too', () => {
    expect(wechatErrorText(40164, 'invalid ip 10.0.0.8, not in whitelist').en).toContain('(10.0.0.8)');
  });

  it.each<[number, string | null | undefined, string, string]>([
    [61007, 'api is unauthorized to component', '公众号平台返回错误（错误码 61007：api is unauthorized to component），请稍后重试或联系技术支持',
      'The WeChat platform returned an error (code 61007: api is unauthorized to component); try again later or contact technical support'],
    [99999, null, '公众号平台返回错误（错误码 99999），请稍后重试或联系技术支持',
      'The WeChat platform returned an error (code 99999); try again later or contact technical support'],
    [12345, '  ', '公众号平台返回错误（错误码 12345），请稍后重试或联系技术支持',
      'The WeChat platform returned an error (code 12345); try again later or contact technical support'],
  ])('gives an unknown code %i a generic text with the code', (code, errmsg, zh, en) => {
    expect(wechatErrorText(code, errmsg)).toEqual({ zh, en });
  });
});

describe('error kinds', () => {
  // prettier-ignore
  it.each<[number, boolean, boolean, boolean]>([
    //        token  config quota
    [40001,   true,  false, false],
    [40014,   true,  false, false],
    [42001,   true,  false, false],
    [40164,   false, true,  false],
    [48001,   false, true,  false],
    [40013,   false, true,  false],
    [40125,   false, true,  false],
    [40243,   false, true,  false],
    [45009,   false, false, true],
    [45011,   false, false, true],
    [-1,      false, false, false],
    [0,       false, false, false],
    [53503,   false, false, false],
    [41001,   false, false, false],
  ])('%i: token %s, config %s, quota %s', (code, token, config, quota) => {
    expect([isTokenError(code), isConfigError(code), isQuotaError(code)]).toEqual([token, config, quota]);
  });
});
