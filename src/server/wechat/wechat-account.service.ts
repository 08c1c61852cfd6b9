import { randomInt } from 'node:crypto';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Lang } from '../../contracts/errors.js';
import type { KeyedFieldError } from '../../contracts/field-messages.js';
import {
  WECHAT_APP_ID_PATTERN, WECHAT_APP_SECRET_PATTERN, type WechatAccount, type WechatAccountBody, type WechatTestReply,
} from '../../contracts/wechat.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { wechatPolicy } from './wechat.policy.js';
import { encryptSecret, secretKeyOf } from './secret-box.js';
import { WechatApiError, WechatConfigError, wechatClient } from './wechat-client.js';
import {
  findWechatAccount, findZoneCode, insertWechatAccount, updateWechatAccount, type WechatAccountRow,
} from './wechat.repository.js';

/** The callback URL's path for a zone (the platform calls it without signing in). */
export const callbackPathOf = (zoneCode: string) => `/api/wechat/callback/${encodeURIComponent(zoneCode)}`;

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A callback Token as the platform accepts it: 3–32 letters and digits (we use 32). */
export function newCallbackToken(): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return out;
}

function present(zoneCode: string, row: WechatAccountRow | undefined): WechatAccount {
  return {
    configured: row !== undefined,
    appId: row?.appId ?? null,
    enabled: row?.enabled ?? false,
    secretSet: Boolean(row?.appSecretEncrypted),
    callbackPath: callbackPathOf(zoneCode),
    callbackToken: row?.callbackToken ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

const problem = (field: string, reason: string, zh: string, en: string): KeyedFieldError => ({ field, reason, message: zh, messages: { zh, en } });

export async function getWechatAccount(ctx: AppContext, actor: Actor): Promise<WechatAccount> {
  if (!wechatPolicy.readAccount(actor)) throw forbidden();
  const zoneCode = await findZoneCode(ctx.db, actor.zoneId);
  if (!zoneCode) throw notFound();
  return present(zoneCode, await findWechatAccount(ctx.db, actor.zoneId));
}

/**
 * Saves the AppID, the AppSecret (encrypted; an empty one keeps the stored secret) and whether
 * publishing is on. A new AppID or secret drops the cached access token. The audit entry says
 * whether the secret changed, never what it is.
 */
export async function saveWechatAccount(ctx: AppContext, actor: Actor, body: WechatAccountBody): Promise<WechatAccount> {
  if (!wechatPolicy.manageAccount(actor)) throw forbidden();
  const appId = body.appId.trim().toLowerCase();
  const secret = body.appSecret?.trim() ?? '';
  const zoneCode = await findZoneCode(ctx.db, actor.zoneId);
  if (!zoneCode) throw notFound();
  const current = await findWechatAccount(ctx.db, actor.zoneId);
  const problems: KeyedFieldError[] = [];
  if (!WECHAT_APP_ID_PATTERN.test(appId)) {
    problems.push(problem('appId', 'app-id-format', 'AppID 格式不正确：应为 wx 加 16 位十六进制字符（如 wx1234567890abcdef）', 'Invalid AppID: "wx" followed by 16 hexadecimal digits (e.g. wx1234567890abcdef)'));
  }
  if (secret === '' && !current) {
    problems.push(problem('appSecret', 'required', '首次配置须填写 AppSecret', 'The AppSecret is required the first time'));
  } else if (secret === '' && current && current.appId !== appId) {
    // Another account's AppID with this account's secret would never work: both change together.
    problems.push(problem('appSecret', 'required', '更换 AppID 时须同时填写新的 AppSecret', 'A new AppID needs its AppSecret'));
  } else if (secret !== '' && !WECHAT_APP_SECRET_PATTERN.test(secret)) {
    problems.push(problem('appSecret', 'app-secret-format', 'AppSecret 格式不正确：应为 32 位字母或数字', 'Invalid AppSecret: 32 letters or digits'));
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);

  const now = ctx.clock.now();
  const key = secretKeyOf(ctx.config);
  const saved = await inTransaction(ctx.db, async (tx) => {
    const before = await findWechatAccount(tx, actor.zoneId);
    const secretChanged = secret !== '';
    const credentialsChanged = secretChanged || before?.appId !== appId;
    const tokenChanged = !before || body.regenerateCallbackToken === true;
    const row: WechatAccountRow = {
      zoneId: actor.zoneId,
      appId,
      appSecretEncrypted: secretChanged ? encryptSecret(secret, key) : before!.appSecretEncrypted,
      callbackToken: tokenChanged ? newCallbackToken() : before!.callbackToken,
      enabled: body.enabled,
      accessToken: credentialsChanged ? null : before!.accessToken,
      accessTokenExpiresAt: credentialsChanged ? null : before!.accessTokenExpiresAt,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    if (before) await updateWechatAccount(tx, actor.zoneId, row);
    else await insertWechatAccount(tx, row);
    await recordAudit(tx, actor, {
      action: before ? 'wechat.account_updated' : 'wechat.account_created',
      entity: 'wechat_account',
      entityId: actor.zoneId,
      before: before ? { appId: before.appId, enabled: before.enabled } : undefined,
      after: { appId, enabled: body.enabled, secretChanged, callbackTokenChanged: tokenChanged },
    });
    return row;
  });
  return present(zoneCode, saved);
}

/**
 * 测试连接: asks the platform for a token with the saved AppID and AppSecret (normal mode, so no
 * token in use is invalidated) and says in plain words what came back.
 */
export async function testWechatAccount(ctx: AppContext, actor: Actor, lang: Lang): Promise<WechatTestReply> {
  if (!wechatPolicy.testAccount(actor)) throw forbidden();
  if (!(await findWechatAccount(ctx.db, actor.zoneId))) throw notFound();
  try {
    await wechatClient(ctx, actor.zoneId, { allowDisabled: true }).getAccessToken({ fresh: true });
    return {
      ok: true, errcode: null, errmsg: null, rid: null,
      message: lang === 'zh' ? '连接成功：已从微信公众平台取得访问令牌' : 'Connected: the WeChat platform issued an access token',
    };
  } catch (e) {
    if (e instanceof WechatApiError) return { ok: false, errcode: e.errcode, errmsg: e.errmsg, rid: e.rid, message: e.text(lang, { withCode: false }) };
    if (e instanceof WechatConfigError) return { ok: false, errcode: null, errmsg: null, rid: null, message: e.text(lang) };
    throw e;
  }
}
