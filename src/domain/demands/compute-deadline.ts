import { addDays, addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingCalendar } from '../calendar/index.js';

/**
 * What a demand's deadline is made of, so it can be recomputed when the
 * calendar changes (an official arrangement replaces a provisional year):
 * the deadline is the (days + pausedDays)-th working day strictly after
 * `baseOn`. Assignment sets baseOn = the day of assignment and days = the
 * category's (or zone's) working days; an approved extension sets baseOn = the
 * new deadline and days = 0; a reopen starts again from the day of reopening.
 * Time spent waiting for the enterprise adds its working days to pausedDays.
 */
export type DeadlineBasis = { baseOn: string; days: number; pausedDays: number };

export type Deadline = {
  /** The deadline day (YYYY-MM-DD); the demand is due by the end of that day in the zone's time zone. */
  dueOn: string;
  /** True when the arithmetic touched a provisional calendar year, so the day may still move. */
  provisional: boolean;
};

/**
 * @throws CalendarRangeError when a day involved lies outside the calendar's years.
 */
export function computeDeadline(calendar: WorkingCalendar, basis: DeadlineBasis): Deadline {
  const { due, provisional } = addWorkingDays(calendar, basis.baseOn, basis.days + basis.pausedDays);
  return { dueOn: due, provisional: provisional || isWorkingDay(calendar, due).provisional };
}

/**
 * Working days the clock stood still: those d with waitFrom < d ≤ resumedOn (both zone dates).
 * Waiting and resuming on the same day pauses nothing.
 */
export function pausedWorkingDays(calendar: WorkingCalendar, waitFrom: string, resumedOn: string): number {
  return Math.max(0, workingDaysBetween(calendar, waitFrom, resumedOn).days);
}

export type Countdown = {
  /** Working days from today to the deadline: 0 = due today; negative = overdue by that many. */
  workingDaysLeft: number;
  overdue: boolean;
  /** green: more than one working day left; amber: due today or the next working day; red: overdue. */
  tone: 'green' | 'amber' | 'red';
};

/** The countdown shown next to a demand still being handled, from the zone's `today`. */
export function countdown(calendar: WorkingCalendar, today: string, dueOn: string): Countdown {
  const overdue = today > dueOn;
  const left = workingDaysBetween(calendar, today, dueOn).days;
  const workingDaysLeft = overdue ? Math.min(-1, left) : left;
  return { workingDaysLeft, overdue, tone: overdue ? 'red' : workingDaysLeft <= 1 ? 'amber' : 'green' };
}

/**
 * The day the lead department is reminded: one working day before the deadline (the last working
 * day before `dueOn`). Never before `notBefore` (a 1-day deadline assigned today is reminded today).
 */
export function reminderDay(calendar: WorkingCalendar, dueOn: string, notBefore: string): string {
  let day = addDays(dueOn, -1);
  while (day > notBefore && !isWorkingDay(calendar, day).workingDay) day = addDays(day, -1);
  return day < notBefore ? notBefore : day;
}

/** Settled on time: settled on or before the deadline day, both in the zone's time zone. */
export function settledOnTime(settledOn: string, dueOn: string): boolean {
  return settledOn <= dueOn;
}
