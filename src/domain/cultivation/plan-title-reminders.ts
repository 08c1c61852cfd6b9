/**
 * When a tier title's holder is reminded (梯度培育 动态管理): before the title lapses, and before the
 * yearly information update on the MIIT platform is due. The job that sends them
 * (src/server/cultivation/cultivation-reminders.job.ts) records each reminder, so each is sent once.
 */
import { addDays, parseIsoDate, toDayNumber } from '../calendar/iso-date.js';
import type { CultivationScheme } from './cultivation-evaluation.js';
import { RULES_2026_FROM } from './evaluate-cultivation.js';

/** Days before the last valid day at which the holder is reminded: 90, then 30. */
export const EXPIRY_REMINDER_DAYS = [90, 30] as const;
export type ExpiryReminderKind = `expiry-${(typeof EXPIRY_REMINDER_DAYS)[number]}`;

export interface DueExpiryReminder {
  kind: ExpiryReminderKind;
  /** days from today to the last valid day (0 = the title ends today) */
  daysLeft: number;
  /** the kinds to record as sent: the one sent and the wider thresholds it makes pointless */
  record: ExpiryReminderKind[];
}

/**
 * The expiry reminder due today for a title whose unbroken coverage ends on `lastDay`, given the
 * reminders already sent for it. The tightest threshold reached is sent, once: a title entered with
 * 20 days left gets the 30-day reminder only (its 90-day one is recorded as passed). Null when the
 * title has lapsed, is not yet within 90 days, or its reminder was sent.
 */
export function dueExpiryReminder(lastDay: string, today: string, sent: ReadonlySet<string>): DueExpiryReminder | null {
  const daysLeft = toDayNumber(lastDay) - toDayNumber(today);
  if (daysLeft < 0) return null;
  const reached = EXPIRY_REMINDER_DAYS.filter((d) => daysLeft <= d).sort((a, b) => a - b);
  const tightest = reached[0];
  if (tightest === undefined) return null;
  const kind: ExpiryReminderKind = `expiry-${tightest}`;
  if (sent.has(kind)) return null;
  return { kind, daysLeft, record: reached.map((d): ExpiryReminderKind => `expiry-${d}`).filter((k) => !sent.has(k)) };
}

type MonthDay = `${number}-${number}`;

/**
 * The yearly deadline (MM-DD) for updating the enterprise's information on the platform, by tier
 * and by the rules in force on the deadline (工信部企业〔2026〕2号 from 2026-04-01):
 *
 * - 专精特新中小企业 under 2号: by 31 May every year (official-rules.md §1.5, [S] third-party code).
 * - under 63号, as Guangdong ruled it: by 30 April every year, or no 复核 (粤工信规字〔2024〕5号
 *   第十四、十五条, [S] via third-party code) — applied to 创新型 and 专精特新 before 2号.
 * - 创新型中小企业 keeps the 63号 arrangement after 2026-04-01 (2号 第三十条: its standard continues
 *   until the merged one is published, [S] one source); its update date under 2号 is unknown [U].
 * - 小巨人: no date in the reference [U]; 小巨人 are 专精特新 enterprises on the same platform and
 *   follow the 专精特新 date.
 */
export const INFORMATION_UPDATE_DEADLINES: Record<CultivationScheme, { rules2022: MonthDay; rules2026: MonthDay }> = {
  'innovative-sme': { rules2022: '04-30', rules2026: '04-30' },
  'specialised-sme': { rules2022: '04-30', rules2026: '05-31' },
  'little-giant': { rules2022: '04-30', rules2026: '05-31' },
};

/** Holders are reminded this many days before the yearly update is due. */
export const UPDATE_REMINDER_DAYS = 30;

export interface DueUpdateReminder {
  /** e.g. update-2027: one per holder and year */
  kind: `update-${number}`;
  year: number;
  /** YYYY-MM-DD, the last day for the update */
  deadline: string;
}

/** The yearly update deadline of a tier in a year (YYYY-MM-DD). */
export function informationUpdateDeadline(scheme: CultivationScheme, year: number): string {
  const dates = INFORMATION_UPDATE_DEADLINES[scheme];
  const under2026 = `${year}-${dates.rules2026}`;
  return under2026 >= RULES_2026_FROM ? under2026 : `${year}-${dates.rules2022}`;
}

/**
 * The yearly-update reminder due today for holders of a tier: from 30 days before the deadline to
 * the deadline itself (a day the job missed is caught up the next day), else null.
 */
export function dueUpdateReminder(scheme: CultivationScheme, today: string): DueUpdateReminder | null {
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  const deadline = informationUpdateDeadline(scheme, parts.year);
  if (today < addDays(deadline, -UPDATE_REMINDER_DAYS) || today > deadline) return null;
  return { kind: `update-${parts.year}`, year: parts.year, deadline };
}
