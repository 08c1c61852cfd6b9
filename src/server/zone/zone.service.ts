import type { Static } from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ZonePatch } from '../../contracts/identity.js';
import { isValidTimeZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { identityPolicy } from '../identity/identity.policy.js';
import { findZone, updateZone, type ZoneRow } from './zone.repository.js';

const present = (z: ZoneRow) => ({
  id: z.id,
  code: z.code,
  name: z.name,
  timeZone: z.timeZone,
  defaultDeadlineDays: z.defaultDeadlineDays,
  visitMinWeeks: z.visitMinWeeks,
  visitBackdateDays: z.visitBackdateDays,
  bulletinMinRanked: z.bulletinMinRanked,
  isDemo: z.isDemo,
});

export async function getZone(ctx: AppContext, actor: Actor) {
  if (!identityPolicy.readZone(actor)) throw notFound();
  const zone = await findZone(ctx.db, actor.zoneId);
  if (!zone) throw notFound();
  return present(zone);
}

export async function patchZone(ctx: AppContext, actor: Actor, patch: Static<typeof ZonePatch>) {
  if (!identityPolicy.manageZone(actor)) throw forbidden();
  const before = await findZone(ctx.db, actor.zoneId);
  if (!before) throw notFound();
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
    throw new DomainError('VALIDATION_FAILED', [fieldError('timeZone', 'unknown-time-zone', { value: patch.timeZone })]);
  }
  const after = { ...before, ...patch, name: patch.name?.trim() ?? before.name };
  await inTransaction(ctx.db, async (tx) => {
    await updateZone(tx, before.id, {
      name: after.name, timeZone: after.timeZone, defaultDeadlineDays: after.defaultDeadlineDays, visitMinWeeks: after.visitMinWeeks, visitBackdateDays: after.visitBackdateDays,
      bulletinMinRanked: after.bulletinMinRanked,
    });
    await recordAudit(tx, actor, { action: 'zone.updated', entity: 'zone', entityId: before.id, before: present(before), after: present(after) });
  });
  return present(after);
}
