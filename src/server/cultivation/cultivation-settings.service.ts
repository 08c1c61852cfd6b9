import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Queryable } from '../../db/client.js';
import type { CultivationConfig } from '../../domain/cultivation/cultivation-config.js';
import { cultivationConfigOf, PROVINCIAL_INDICATORS_TOTAL, resolveCultivationSettings } from '../../domain/cultivation/resolve-cultivation-settings.js';
import type { CultivationSettings, CultivationSettingsPatch } from '../../contracts/cultivation.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { cultivationPolicy } from './cultivation.policy.js';
import { findStoredCultivationSettings, lockStoredCultivationSettings, updateStoredCultivationSettings } from './cultivation-settings.repository.js';

/**
 * The zone's cultivation settings in force: its stored overrides merged with the defaults
 * (resolveCultivationSettings). For services and jobs: no permission check.
 */
export async function zoneCultivationSettings(db: Queryable, zoneId: string): Promise<CultivationSettings> {
  return resolveCultivationSettings(await findStoredCultivationSettings(db, zoneId));
}

/** The rule configuration evaluateCultivation takes, from the zone's settings. */
export async function zoneCultivationConfig(db: Queryable, zoneId: string): Promise<CultivationConfig> {
  return cultivationConfigOf(await zoneCultivationSettings(db, zoneId));
}

export async function getCultivationSettings(ctx: AppContext, actor: Actor): Promise<CultivationSettings> {
  if (!cultivationPolicy.readSettings(actor)) throw forbidden();
  const stored = await findStoredCultivationSettings(ctx.db, actor.zoneId);
  if (stored === undefined) throw notFound();
  return resolveCultivationSettings(stored);
}

/** What the schema cannot say: the 特色化 indicators add up to 15 points with distinct keys; titles once each. */
function settingsErrors(patch: CultivationSettingsPatch): KeyedFieldError[] {
  const errors: KeyedFieldError[] = [];
  if (patch.provincialIndicators) {
    const total = patch.provincialIndicators.reduce((sum, i) => sum + i.max, 0);
    if (total !== PROVINCIAL_INDICATORS_TOTAL) errors.push(fieldError('provincialIndicators', 'cultivation-provincial-total', { value: total }));
    const seen = new Set<string>();
    patch.provincialIndicators.forEach((i, n) => {
      if (seen.has(i.key)) errors.push(fieldError(`provincialIndicators.${n}.key`, 'cultivation-provincial-key-duplicate', { value: i.key }));
      seen.add(i.key);
    });
  }
  if (patch.specialised2026PrerequisiteTitles) {
    const seen = new Set<string>();
    patch.specialised2026PrerequisiteTitles.forEach((t, n) => {
      if (seen.has(t)) errors.push(fieldError(`specialised2026PrerequisiteTitles.${n}`, 'cultivation-titles-duplicate', { value: t }));
      seen.add(t);
    });
  }
  return errors;
}

/**
 * Changes some settings (industry officer, administrator). Only what the patch names is stored
 * as an override; the rest keeps following the defaults. Audited with the settings in force
 * before and after.
 */
export async function patchCultivationSettings(ctx: AppContext, actor: Actor, patch: CultivationSettingsPatch): Promise<CultivationSettings> {
  if (!cultivationPolicy.manageSettings(actor)) throw forbidden();
  const errors = settingsErrors(patch);
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors);
  return inTransaction(ctx.db, async (tx) => {
    const stored = await lockStoredCultivationSettings(tx, actor.zoneId);
    if (stored === undefined) throw notFound();
    const next: Record<string, unknown> = { ...stored, ...patch };
    const before = resolveCultivationSettings(stored);
    const after = resolveCultivationSettings(next);
    await updateStoredCultivationSettings(tx, actor.zoneId, next);
    await recordAudit(tx, actor, { action: 'cultivation_settings.updated', entity: 'cultivation_settings', entityId: actor.zoneId, before, after });
    return after;
  });
}
