import { addDays, dayOfWeek, isWorkingDay, toDayNumber, yearOf, type WorkingCalendar } from '../calendar/index.js';
import type { HalfDay, VisitStatus } from './visit-vocabulary.js';

export type IsoWeek = {
  /** ISO 8601 week, "YYYY-Www": the year is the one holding the week's Thursday (2027-01-01 → "2026-W53"). */
  week: string;
  monday: string;
  sunday: string;
};

/** The ISO 8601 week (Monday to Sunday) holding `date` (YYYY-MM-DD). @throws RangeError for a malformed date. */
export function isoWeekOf(date: string): IsoWeek {
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = yearOf(thursday);
  const index = Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return { week: `${year}-W${String(index).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}

/**
 * met: at least one half-day visited (done); exempt: nothing done and the week has no working day
 * (e.g. Spring Festival); pending: nothing done and the week is not over; missed: the week is over,
 * had a working day, and nothing was done.
 */
export type WeekComplianceStatus = 'met' | 'missed' | 'exempt' | 'pending';

export type WeekCompliance = {
  week: string;
  monday: string;
  /** Distinct half-days with a visit that is not cancelled (planned or done). */
  planned: number;
  /** Distinct half-days with a done visit. */
  done: number;
  status: WeekComplianceStatus;
};

export type LeaderCompliance = { leaderId: string; leaderName: string; weeks: WeekCompliance[] };

export type WeeklyComplianceInput = {
  leaders: readonly { id: string; name: string }[];
  visits: readonly { leaderId: string; date: string; halfDay: HalfDay; status: VisitStatus }[];
  /** The period asked for (YYYY-MM-DD, inclusive); every ISO week overlapping it is reported whole. */
  from: string;
  to: string;
  /** The zone's date today; a week is over once today is after its Sunday. */
  today: string;
};

/**
 * The leaders' commitment of 每周益企: each leader visits enterprises at least one half-day a week
 * (seed: 每周至少安排半天时间走访企业). For every leader and every ISO week (Monday start)
 * overlapping [from, to], counts the half-days planned and done — two visits in the same half-day
 * count once — and judges the week on the working calendar: a week without a working day is exempt
 * unless a visit was done anyway (then it is met). Visits of people not in `leaders` are ignored.
 *
 * @throws RangeError for a malformed date or from after to; CalendarRangeError when a reported week
 *   lies outside the calendar's years.
 */
export function weeklyCompliance(calendar: WorkingCalendar, input: WeeklyComplianceInput): LeaderCompliance[] {
  const { from, to, today } = input;
  if (toDayNumber(from) > toDayNumber(to)) throw new RangeError(`起始日期 ${from} 晚于截止日期 ${to}`);
  toDayNumber(today); // validates today: a malformed one would silently compare as a string

  const weeks: (IsoWeek & { hasWorkingDay: boolean })[] = [];
  for (let monday = isoWeekOf(from).monday; monday <= to; monday = addDays(monday, 7)) {
    const week = isoWeekOf(monday);
    weeks.push({ ...week, hasWorkingDay: daysOf(week).some((day) => isWorkingDay(calendar, day).workingDay) });
  }

  return input.leaders.map((leader) => {
    const own = input.visits.filter((visit) => visit.leaderId === leader.id && visit.status !== 'cancelled');
    return {
      leaderId: leader.id,
      leaderName: leader.name,
      weeks: weeks.map((week) => {
        const inWeek = own.filter((visit) => visit.date >= week.monday && visit.date <= week.sunday);
        const planned = countHalfDays(inWeek);
        const done = countHalfDays(inWeek.filter((visit) => visit.status === 'done'));
        return { week: week.week, monday: week.monday, planned, done, status: judge(done, week.hasWorkingDay, today > week.sunday) };
      }),
    };
  });
}

function judge(done: number, hasWorkingDay: boolean, over: boolean): WeekComplianceStatus {
  if (done > 0) return 'met';
  if (!hasWorkingDay) return 'exempt';
  return over ? 'missed' : 'pending';
}

function countHalfDays(visits: readonly { date: string; halfDay: HalfDay }[]): number {
  return new Set(visits.map((visit) => `${visit.date} ${visit.halfDay}`)).size;
}

function daysOf(week: IsoWeek): string[] {
  return Array.from({ length: 7 }, (_, offset) => addDays(week.monday, offset));
}
