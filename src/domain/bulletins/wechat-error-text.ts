/**
 * The official-account platform's error codes in plain words for the bulletin page (reference:
 * wechat-and-approvals.md §1.2–1.5, §1.8, §1.9). The raw errcode, errmsg and rid are kept as well
 * (WeChat support asks for the rid); this is what a coordinator reads.
 */

export type ErrorText = { zh: string; en: string };

const BASIC_CONFIG_ZH = '公众号后台「设置与开发 → 基本配置」';
const BASIC_CONFIG_EN = 'the account\'s "Settings and Development → Basic Configuration" page';

const TEXTS: Record<number, ErrorText> = {
  [-1]: { zh: '公众号平台系统繁忙，请稍后重试', en: 'The WeChat platform is busy; try again later' },
  0: { zh: '成功', en: 'OK' },
  40001: {
    zh: `AppSecret 错误，或访问令牌已失效；系统会自动刷新令牌重试，仍失败时请在${BASIC_CONFIG_ZH}中核对 AppSecret`,
    en: `Wrong AppSecret, or the access token is no longer valid; the token is refreshed and the call retried automatically, and if it still fails check the AppSecret on ${BASIC_CONFIG_EN}`,
  },
  40005: { zh: '图片格式不支持：正文图片只能是 JPG 或 PNG', en: 'Unsupported image type: images in the article must be JPG or PNG' },
  40007: {
    zh: '素材 ID 无效：封面图片或草稿在公众号中已不存在（草稿发表后会从草稿箱移除），请重试以重新上传',
    en: 'Invalid media id: the cover image or the draft no longer exists in the account (a published draft leaves the draft box); retry to upload it again',
  },
  40009: { zh: '图片太大：正文图片须小于 1 MB', en: 'Image too large: images in the article must be smaller than 1 MB' },
  40013: {
    zh: `AppID 无效，请在${BASIC_CONFIG_ZH}中核对 AppID 后重新填写公众号配置`,
    en: `Invalid AppID; check the AppID on ${BASIC_CONFIG_EN} and correct the account settings`,
  },
  40014: { zh: '访问令牌无效；系统会自动刷新令牌重试', en: 'Invalid access token; it is refreshed and the call retried automatically' },
  40033: {
    zh: '请求中含有不合法的字符（\\uxxxx 格式的转义字符），请联系技术支持',
    en: 'The request contains illegal characters (\\uxxxx escapes); contact technical support',
  },
  40125: {
    zh: `AppSecret 无效，请在${BASIC_CONFIG_ZH}中重置 AppSecret 并重新填写`,
    en: `Invalid AppSecret; reset it on ${BASIC_CONFIG_EN} and enter it again`,
  },
  40164: {
    zh: `服务器 IP 不在公众号的 IP 白名单中，请在${BASIC_CONFIG_ZH}中添加 IP 白名单`,
    en: `The server's IP address is not on the account's IP whitelist; add it on ${BASIC_CONFIG_EN}`,
  },
  40243: {
    zh: 'AppSecret 已被冻结，请登录公众号后台解冻后再试',
    en: 'The AppSecret is frozen; unfreeze it on the official-account platform and try again',
  },
  41001: { zh: '请求缺少访问令牌，请联系技术支持', en: 'The request has no access token; contact technical support' },
  42001: { zh: '访问令牌已过期；系统会自动刷新令牌重试', en: 'The access token has expired; it is refreshed and the call retried automatically' },
  43002: { zh: '请求方式错误（须使用 POST），请联系技术支持', en: 'Wrong request method (POST required); contact technical support' },
  44002: { zh: '请求内容为空，请联系技术支持', en: 'The request body is empty; contact technical support' },
  44003: { zh: '图文内容为空：文章缺少标题或正文', en: 'Empty article: the title or the body is missing' },
  45009: {
    zh: '今日调用次数已达公众号平台的上限，请明天再试（公众号每月可在后台清零调用次数 10 次）',
    en: 'The daily call quota of the platform is used up; try again tomorrow (the account may reset its quota 10 times a month)',
  },
  45011: { zh: '调用过于频繁，已达每分钟的次数限制，请一分钟后再试', en: 'Too many calls this minute; try again in a minute' },
  45166: {
    zh: '文章正文内容不合规，平台拒绝接收（可能含有不支持的标签或链接），请检查正文后重试',
    en: 'The platform rejected the article body as invalid (unsupported tags or links, perhaps); check the body and retry',
  },
  47001: { zh: '请求数据格式错误（JSON 解析失败），请联系技术支持', en: 'Malformed request data (the JSON could not be parsed); contact technical support' },
  48001: {
    zh: '公众号没有该接口的权限：发布接口仅对已认证的公众号开放，请确认公众号已完成微信认证',
    en: 'The account is not authorised for this API: publishing is only open to verified accounts; make sure the account has completed WeChat verification',
  },
  48006: {
    zh: '本月清零调用次数的机会（10 次）已用完，请等待次日配额恢复',
    en: 'The monthly limit of quota resets (10) is used up; wait for the quota to renew the next day',
  },
  50002: { zh: '公众号已被限制使用，请登录公众号后台查看原因', en: 'The account is restricted; check the reason on the official-account platform' },
  53503: {
    zh: '该草稿未通过发布检查，请登录公众平台查看并修改草稿后再发表',
    en: 'The draft failed the pre-publish check; review and fix it on the official-account platform, then publish',
  },
  53504: {
    zh: '该草稿需前往公众平台官网使用，请登录公众平台发表',
    en: 'This draft must be used on the official-account platform website; publish it there',
  },
  53505: {
    zh: '请先登录公众平台手动保存该草稿，保存成功后再发表',
    en: 'Save the draft manually on the official-account platform first, then publish',
  },
};

/** The IP in a 40164 errmsg: "invalid ip 124.223.42.217 ipv6 ::ffff:…, not in whitelist rid: …". */
function whitelistIp(errmsg: string | null | undefined): string | null {
  return /invalid ip ([0-9a-f.:]+)/iu.exec(errmsg ?? '')?.[1] ?? null;
}

/**
 * The plain words, in Chinese and English, for an errcode (and its errmsg): every code of §1.9
 * and 53503/53504/53505, plus those met on draft/add (44003, 45166) and the per-minute limit
 * (45011). For 40164 the blocked IP is named when the errmsg gives it. An unknown code gives a
 * generic text with the code and the platform's message.
 */
export function wechatErrorText(errcode: number, errmsg?: string | null): ErrorText {
  if (errcode === 40164) {
    const ip = whitelistIp(errmsg);
    if (ip) {
      return {
        zh: `服务器 IP（${ip}）不在公众号的 IP 白名单中，请在${BASIC_CONFIG_ZH}中添加 IP 白名单`,
        en: `The server's IP address (${ip}) is not on the account's IP whitelist; add it on ${BASIC_CONFIG_EN}`,
      };
    }
  }
  const known = TEXTS[errcode];
  if (known) return known;
  const message = (errmsg ?? '').trim();
  return {
    zh: `公众号平台返回错误（错误码 ${errcode}${message ? `：${message}` : ''}），请稍后重试或联系技术支持`,
    en: `The WeChat platform returned an error (code ${errcode}${message ? `: ${message}` : ''}); try again later or contact technical support`,
  };
}

/** The access token is invalid or expired: refresh it once and retry the call once. */
export function isTokenError(errcode: number): boolean {
  return errcode === 40001 || errcode === 40014 || errcode === 42001;
}

/** The account's configuration is wrong (IP whitelist, AppID, AppSecret, permission): stop; retrying cannot help until it is fixed. */
export function isConfigError(errcode: number): boolean {
  return errcode === 40164 || errcode === 48001 || errcode === 40013 || errcode === 40125 || errcode === 40243;
}

/** A quota is used up (daily or per minute): stop and alert; do not retry now. */
export function isQuotaError(errcode: number): boolean {
  return errcode === 45009 || errcode === 45011;
}
