import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { isCultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { countByTier, currentByTier, monthsBetween, type TierTitle } from '../../domain/cultivation/count-by-tier.js';
import type { Counts } from '../../contracts/cultivation.js';
import { fieldError } from '../../contracts/field-messages.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { checkQueryDays } from '../platform/query-days.js';
import { zoneToday } from '../zone/zone-today.js';
import { cultivationPolicy } from './cultivation.policy.js';
import { listTierTitleRows } from './cultivation-lists.repository.js';

/** The longest period the counts chart may ask for. */
const MAX_YEARS = 20;
/** Without `from`: from the first of January three years before `to`. */
const DEFAULT_YEARS_BACK = 3;

/**
 * 累计认定: by month and tier, the enterprises ever recognised (distinct) and those holding a valid
 * title at the month's end, from every qualification of the three tiers the zone records (those
 * the lists gave and those entered on the enterprise's record); and today's figures with the
 * titles lapsing within 90 days. Officers, the administrator, leaders and the coordinator.
 */
export async function cultivationCounts(ctx: AppContext, actor: Actor, q: { from?: string; to?: string }): Promise<Counts> {
  if (!cultivationPolicy.readCounts(actor)) throw forbidden();
  checkQueryDays({ from: q.from, to: q.to });
  const { today } = await zoneToday(ctx, actor.zoneId);
  const to = q.to ?? today;
  const from = q.from ?? `${Number(to.slice(0, 4)) - DEFAULT_YEARS_BACK}-01-01`;
  if (from > to) throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.to', 'period-end-before-start')]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_YEARS * 12) throw new DomainError('VALIDATION_FAILED', [fieldError('querystring.from', 'period-too-long', { value: MAX_YEARS })]);
  const titles: TierTitle[] = [];
  for (const r of await listTierTitleRows(ctx.db, actor.zoneId)) {
    if (isCultivationScheme(r.kind)) titles.push({ enterpriseId: r.enterpriseId, scheme: r.kind, validFrom: r.validFrom, validUntil: r.validUntil });
  }
  return { points: countByTier(titles, months, today), current: currentByTier(titles, today) };
}
