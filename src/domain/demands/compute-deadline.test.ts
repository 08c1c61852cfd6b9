import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, CalendarRangeError, OFFICIAL_ARRANGEMENTS } from '../calendar/index.js';
import { computeDeadline, countdown, pausedWorkingDays, reminderDay, settledOnTime } from './compute-deadline.js';

// The national calendar as published: 2024–2026 official (国办发明电〔2023〕7号, 〔2024〕12号,
// 〔2025〕7号), 2027 onwards provisional (no notice yet; statutory days only, no 调休).
// Days used below, from those notices:
//   2025 国庆节、中秋节 10-01 → 10-08 off; 09-28 (Sun) and 10-11 (Sat) working.
//   2026 春节 02-15 → 02-23 off; 02-14 (Sat) and 02-28 (Sat) working.
//   2026 清明节 04-04 → 04-06 off, no 调休.
//   2027 (provisional) 元旦 01-01 (Fri) off.
const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });

describe('computeDeadline', () => {
  it('uses a calendar whose last official year is 2026', () => {
    expect(OFFICIAL_ARRANGEMENTS.map((a) => a.year)).toEqual([2024, 2025, 2026]);
    expect(calendar.years[2027]?.status).toBe('provisional');
  });

  it.each([
    ['a plain week: Monday + 5 → next Monday', '2026-03-02', 5, 0, '2026-03-09', false],
    ['a Friday start', '2026-03-06', 5, 0, '2026-03-13', false],
    ['National Day 2025: the 调休 Sunday before counts, 10-01…10-08 do not', '2025-09-26', 5, 0, '2025-10-10', false],
    ['National Day 2025: the 调休 Saturday after counts', '2025-09-30', 5, 0, '2025-10-14', false],
    ['Spring Festival 2026: the 调休 Saturday before counts, 02-15…02-23 do not', '2026-02-13', 5, 0, '2026-02-27', false],
    ['a weekend working day as the deadline (2026-02-28, Saturday)', '2026-02-13', 6, 0, '2026-02-28', false],
    ['a start on the last day of a holiday', '2026-02-23', 5, 0, '2026-02-28', false],
    ['a reopen before 清明 2026', '2026-04-03', 5, 0, '2026-04-13', false],
    ['the last days of the last official year', '2026-12-24', 5, 0, '2026-12-31', false],
    ['a year boundary into provisional 2027 (元旦 off)', '2026-12-28', 5, 0, '2027-01-05', true],
    ['paused days are added', '2026-03-02', 5, 2, '2026-03-11', false],
    ['an extension: the new deadline itself', '2026-03-16', 0, 0, '2026-03-16', false],
    ['an extension with paused days', '2026-03-13', 0, 2, '2026-03-17', false],
    ['an extension to a day in a provisional year', '2027-03-15', 0, 0, '2027-03-15', true],
  ])('%s: %s + %i (+%i paused) → %s', (_case, baseOn, days, pausedDays, dueOn, provisional) => {
    expect(computeDeadline(calendar, { baseOn, days, pausedDays })).toEqual({ dueOn, provisional });
  });

  it.each([
    ['running past the calendar', '2036-12-30', 5],
    ['a start before the calendar', '2003-12-30', 5],
  ])('throws CalendarRangeError when %s', (_case, baseOn, days) => {
    expect(() => computeDeadline(calendar, { baseOn, days, pausedDays: 0 })).toThrow(CalendarRangeError);
  });
});

describe('pausedWorkingDays', () => {
  it.each([
    ['waiting and resuming on the same day', '2026-03-04', '2026-03-04', 0],
    ['Wednesday to Monday (Thu, Fri, Mon)', '2026-03-04', '2026-03-09', 3],
    ['over a weekend', '2026-03-06', '2026-03-09', 1],
    ['over National Day 2025', '2025-09-30', '2025-10-09', 1],
    ['over a 调休 Sunday', '2025-09-26', '2025-09-29', 2],
    ['a resume recorded before the wait', '2026-03-09', '2026-03-04', 0],
  ])('counts %s: %s → %s as %i', (_case, waitFrom, resumedOn, days) => {
    expect(pausedWorkingDays(calendar, waitFrom, resumedOn)).toBe(days);
  });
});

describe('countdown', () => {
  it.each([
    ['four working days ahead', '2026-03-09', '2026-03-13', 4, false, 'green'],
    ['two working days ahead', '2026-03-11', '2026-03-13', 2, false, 'green'],
    ['due the next working day', '2026-03-12', '2026-03-13', 1, false, 'amber'],
    ['due today', '2026-03-13', '2026-03-13', 0, false, 'amber'],
    ['due Monday, seen on Saturday', '2026-03-07', '2026-03-09', 1, false, 'amber'],
    ['due the first working day after National Day 2025', '2025-09-30', '2025-10-09', 1, false, 'amber'],
    ['due two working days later, across National Day 2025', '2025-09-29', '2025-10-09', 2, false, 'green'],
    ['overdue since yesterday, a Saturday', '2026-03-14', '2026-03-13', -1, true, 'red'],
    ['overdue by one working day', '2026-03-16', '2026-03-13', -1, true, 'red'],
    ['overdue by three working days', '2026-03-18', '2026-03-13', -3, true, 'red'],
    ['overdue during a holiday', '2025-10-05', '2025-09-30', -1, true, 'red'],
    ['overdue, counting the 调休 Saturday', '2025-10-11', '2025-09-30', -3, true, 'red'],
  ])('is %s when today is %s and due %s', (_case, today, dueOn, workingDaysLeft, overdue, tone) => {
    expect(countdown(calendar, today, dueOn)).toEqual({ workingDaysLeft, overdue, tone });
  });
});

describe('reminderDay', () => {
  it.each([
    ['the day before', '2026-03-13', '2026-03-06', '2026-03-12'],
    ['Friday for a Monday deadline', '2026-03-09', '2026-03-02', '2026-03-06'],
    ['the last working day before National Day 2025', '2025-10-09', '2025-09-26', '2025-09-30'],
    ['the 调休 Saturday before Spring Festival 2026', '2026-02-24', '2026-02-10', '2026-02-14'],
    ['the 调休 Saturday after National Day 2025', '2025-10-13', '2025-10-09', '2025-10-11'],
    ['the day of assignment for a 1-day deadline', '2026-03-03', '2026-03-02', '2026-03-02'],
    ['not before assignment, even on a holiday', '2026-02-24', '2026-02-20', '2026-02-20'],
    ['not before assignment when due that day', '2026-03-09', '2026-03-09', '2026-03-09'],
  ])('is %s: due %s, not before %s → %s', (_case, dueOn, notBefore, day) => {
    expect(reminderDay(calendar, dueOn, notBefore)).toBe(day);
  });
});

describe('settledOnTime', () => {
  it.each([
    ['on the deadline day', '2026-03-13', '2026-03-13', true],
    ['before the deadline', '2026-03-10', '2026-03-13', true],
    ['the day after', '2026-03-14', '2026-03-13', false],
    ['in the next year', '2027-01-04', '2026-12-31', false],
  ])('is %s when settled %s, due %s', (_case, settledOn, dueOn, onTime) => {
    expect(settledOnTime(settledOn, dueOn)).toBe(onTime);
  });
});
