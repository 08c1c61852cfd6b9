import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import { addDays } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { CULTIVATION_SCHEMES, isCultivationScheme, type CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { HONOURS } from '../../domain/cultivation/cultivation-profile.js';
import { findTitleCoverageEnd } from '../../domain/cultivation/find-title-coverage-end.js';
import { dueExpiryReminder, dueUpdateReminder } from '../../domain/cultivation/plan-title-reminders.js';
import { scheduleJob, type JobHandlers } from '../platform/jobs.js';
import type { JobRow } from '../platform/jobs.repository.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, type NotificationSpec } from '../notifications/notifications.service.js';
import { zoneToday } from '../zone/zone-today.js';
import { listZones } from '../zone/zone.repository.js';
import { enterpriseNames, insertReminders, listSentReminders, listTierTitleRows, type TierTitleRow } from './cultivation-lists.repository.js';

/**
 * The daily reminders of tiered cultivation, a durable job per zone and day (like the monthly
 * bulletin draft): the titles of the three tiers lapsing within 90 and within 30 days (the
 * enterprise's users and the industry officers are told, once per threshold), and the yearly
 * information update on the MIIT platform, 30 days before it is due (the holders' users, once a
 * year). Each reminder is recorded in cultivation_reminders, keyed by the qualification and the
 * kind (expiry-90, expiry-30, update-2027), so running the job twice sends nothing twice.
 */
export const REMINDERS_KIND = 'cultivation.reminders';
/** When in the zone's day the reminders go out. */
const SEND_AT_MINUTES = 8 * 60 + 30;

const systemOf = (zoneId: string): SystemActor => ({ zoneId, userId: null, username: 'system', displayName: '系统（梯度培育提醒）' });
const schemeZh = (scheme: CultivationScheme) => HONOURS.find((h) => h.key === scheme)?.zh ?? scheme;
const schemeEn = (scheme: CultivationScheme) => HONOURS.find((h) => h.key === scheme)?.en ?? scheme;

async function scheduleFor(tx: Tx, zoneId: string, timeZone: string, day: string): Promise<void> {
  const runAt = new Date(startOfDayInZone(day, timeZone).getTime() + SEND_AT_MINUTES * 60_000);
  await scheduleJob(tx, { zoneId, kind: REMINDERS_KIND, key: day, runAt });
}

/** Makes sure the zone's reminders of today are scheduled (harmless when they are, or ran already). */
export async function ensureRemindersScheduled(ctx: AppContext, tx: Tx, zoneId: string): Promise<void> {
  const { today, timeZone } = await zoneToday(ctx, zoneId, tx);
  await scheduleFor(tx, zoneId, timeZone, today);
}

/** Every zone's reminders of today scheduled: on start and on each tick of the worker (src/cli/serve.ts). */
export async function scheduleCultivationReminders(ctx: AppContext, log: (e: unknown) => void = () => undefined): Promise<void> {
  for (const zone of await listZones(ctx.db)) {
    await inTransaction(ctx.db, (tx) => ensureRemindersScheduled(ctx, tx, zone.id)).catch(log);
  }
}

async function dailyReminders(ctx: AppContext, tx: Tx, job: JobRow): Promise<void> {
  const { today, timeZone } = await zoneToday(ctx, job.zoneId, tx);
  await sendCultivationReminders(ctx, tx, job.zoneId, today);
  await scheduleFor(tx, job.zoneId, timeZone, addDays(today, 1));
}

type Title = TierTitleRow & { scheme: CultivationScheme };

const validOn = (t: Title, day: string) => t.validFrom <= day && (t.validUntil === null || day <= t.validUntil);

/** Sends the reminders due on `today` in the zone, inside the caller's transaction. */
export async function sendCultivationReminders(ctx: AppContext, tx: Tx, zoneId: string, today: string): Promise<{ expiry: number; updates: number }> {
  const titles: Title[] = [];
  for (const r of await listTierTitleRows(tx, zoneId, today)) if (isCultivationScheme(r.kind)) titles.push({ ...r, scheme: r.kind });
  const byHolder = new Map<string, Title[]>();
  for (const t of titles) {
    const key = `${t.enterpriseId}|${t.scheme}`;
    const list = byHolder.get(key);
    if (list) list.push(t);
    else byHolder.set(key, [t]);
  }
  const sent = await listSentReminders(tx, zoneId, titles.map((t) => t.id));
  const sentOf = (id: string) => sent.get(id) ?? new Set<string>();
  const names = await enterpriseNames(tx, zoneId, titles.map((t) => t.enterpriseId));
  const now = ctx.clock.now();
  const specs: NotificationSpec[] = [];
  const records: { zoneId: string; qualificationId: string; kind: string; sentAt: Date }[] = [];
  let expiry = 0;
  let updates = 0;

  for (const holder of byHolder.values()) {
    const held = holder.filter((t) => validOn(t, today));
    if (held.length === 0) continue;
    const { enterpriseId, scheme } = held[0]!;
    const enterprise = names.get(enterpriseId) ?? '';

    // Expiry: the title that ends the unbroken coverage (a renewal that follows takes over).
    const end = findTitleCoverageEnd(holder, today);
    const ending = held.filter((t) => t.validUntil !== null && t.validUntil === end).sort((a, b) => a.id.localeCompare(b.id))[0];
    const due = ending ? dueExpiryReminder(ending.validUntil!, today, sentOf(ending.id)) : null;
    if (ending && due) {
      const params = { scheme: schemeZh(scheme), scheme_en: schemeEn(scheme), validUntil: ending.validUntil!, days: due.daysLeft, enterprise };
      specs.push({ to: { enterpriseId }, kind: 'cultivation.expiring', entity: 'enterprise', entityId: enterpriseId, params });
      specs.push({ to: { roles: ['industry'] }, kind: 'cultivation.expiring_officer', entity: 'enterprise', entityId: enterpriseId, params });
      for (const kind of due.record) records.push({ zoneId, qualificationId: ending.id, kind, sentAt: now });
      expiry++;
    }

    // The yearly update: once a year per holder, whichever of its titles it was recorded on.
    const update = dueUpdateReminder(scheme, today);
    if (update && !holder.some((t) => sentOf(t.id).has(update.kind))) {
      const on = [...held].sort((a, b) => (b.validUntil ?? '9999').localeCompare(a.validUntil ?? '9999') || a.id.localeCompare(b.id))[0]!;
      specs.push({
        to: { enterpriseId }, kind: 'cultivation.update_due', entity: 'enterprise', entityId: enterpriseId,
        params: { scheme: schemeZh(scheme), scheme_en: schemeEn(scheme), deadline: update.deadline, year: update.year, enterprise },
      });
      records.push({ zoneId, qualificationId: on.id, kind: update.kind, sentAt: now });
      updates++;
    }
  }
  if (specs.length > 0) await notify(tx, zoneId, now, specs);
  await insertReminders(tx, records);
  if (records.length > 0) {
    await recordAudit(tx, systemOf(zoneId), {
      action: 'cultivation_reminders.sent', entity: 'zone', entityId: zoneId,
      after: { day: today, expiry, updates, tiers: CULTIVATION_SCHEMES.filter((s) => titles.some((t) => t.scheme === s)) },
    });
  }
  return { expiry, updates };
}

export const cultivationReminderJobHandlers: JobHandlers = { [REMINDERS_KIND]: dailyReminders };
