import Type from 'typebox';
import { IsoDateTime, Text } from './common.js';

/**
 * The zone's WeChat official account (公众号): its configuration as the API shows it, the shapes of
 * the publishing results and the call log. The AppSecret is write-only:
 * no reply ever carries it. Client and wire protocol: src/server/wechat.
 */
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** AppID of an official account: "wx" and 16 hexadecimal digits. */
export const WECHAT_APP_ID_PATTERN = /^wx[0-9a-f]{16}$/;
/** AppSecret: 32 letters and digits (the platform issues 32 hexadecimal digits). */
export const WECHAT_APP_SECRET_PATTERN = /^[0-9A-Za-z]{32}$/;

export const WechatAccount = Type.Object({
  /** False until an AppID and AppSecret have been saved. */
  configured: Type.Boolean(),
  appId: Nullable(Type.String()),
  enabled: Type.Boolean(),
  /** Whether an AppSecret is stored; the secret itself is never returned. */
  secretSet: Type.Boolean(),
  /** Path of the callback URL (服务器地址) to enter on the platform, after this server's public origin. */
  callbackPath: Type.String(),
  /** The Token (令牌) to enter next to the callback URL; null until the account is first saved. */
  callbackToken: Nullable(Type.String()),
  updatedAt: Nullable(IsoDateTime),
});
export type WechatAccount = Type.Static<typeof WechatAccount>;

export const WechatAccountBody = Type.Object(
  {
    appId: Text(64, 1),
    /** Write-only. Omitted or empty: the stored secret is kept (required the first time). */
    appSecret: Type.Optional(Text(64)),
    enabled: Type.Boolean(),
    /** Issue a new callback Token (the platform's 服务器配置 must then be saved again with it). */
    regenerateCallbackToken: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WechatAccountBody = Type.Static<typeof WechatAccountBody>;

/** Result of 测试连接: a token was (or was not) obtained with the saved configuration. */
export const WechatTestReply = Type.Object({
  ok: Type.Boolean(),
  /** The platform's answer as given (null when the request never reached it or succeeded). */
  errcode: Nullable(Type.Integer()),
  errmsg: Nullable(Type.String()),
  rid: Nullable(Type.String()),
  /** In plain words, in the caller's language (errcode and errmsg are given beside it). */
  message: Type.String(),
});
export type WechatTestReply = Type.Static<typeof WechatTestReply>;

/** Where a publish job stands, as the platform reports it by polling or by the PUBLISHJOBFINISH event. */
export type PublishJobResult = {
  /** Always a string (the platform sends a number or a string). */
  publishId: string;
  /** 0 success, 1 publishing, 2 originality failed, 3 failed, 4 review rejected, 5 deleted, 6 banned. */
  publishStatus: number;
  articleId: string | null;
  /** The permanent article links on success; idx starts at 1. */
  articleDetail: { count: number; items: { idx: number; articleUrl: string }[] };
  /** Articles that failed (numbered from 1), given with statuses 2, 3 and 4. */
  failIdx: number[];
};

/**
 * The PUBLISHJOBFINISH event pushed to the callback URL. The platform may push the same event
 * more than once: whoever handles it must deduplicate on `publishId`.
 */
export type PublishJobFinishEvent = PublishJobResult & {
  /** gh_… id of the official account. */
  toUserName: string | null;
  fromUserName: string | null;
  /** Unix seconds. */
  createTime: number | null;
};

/** One exchange with the platform as kept in the call log (wechat_calls), for a publication's history. */
export const WechatCall = Type.Object({
  at: IsoDateTime,
  /** Path and non-secret query (never the token); "event:<Event>" for a pushed event. */
  endpoint: Type.String(),
  errcode: Nullable(Type.Integer()),
  errmsg: Nullable(Type.String()),
  rid: Nullable(Type.String()),
  httpStatus: Nullable(Type.Integer()),
  durationMs: Nullable(Type.Integer()),
});
export type WechatCall = Type.Static<typeof WechatCall>;
