import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, CalendarRangeError, OFFICIAL_ARRANGEMENTS } from '../calendar/index.js';
import { isoWeekOf, weeklyCompliance, type WeeklyComplianceInput } from './weekly-compliance.js';

// The national calendar as published (2024–2026 official). Days used below:
//   2026 春节 02-15 → 02-23 off; 02-14 (Sat) and 02-28 (Sat) working. So the week 02-16 … 02-22
//   (2026-W08) has no working day at all, while 02-23 … 03-01 (W09) has 02-24 … 02-28.
//   2025 国庆节、中秋节 10-01 → 10-08 off, but 09-29 and 09-30 are working: that week is not exempt.
const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });

describe('isoWeekOf', () => {
  it.each([
    ['a Monday', '2026-03-02', '2026-W10', '2026-03-02', '2026-03-08'],
    ['a Sunday (the week ends on Sunday)', '2026-03-08', '2026-W10', '2026-03-02', '2026-03-08'],
    ['Spring Festival 2026', '2026-02-18', '2026-W08', '2026-02-16', '2026-02-22'],
    ['the last day of 2026, a Thursday', '2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['1 January 2027, still in 2026-W53', '2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'],
    ['the first Monday of 2027', '2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    ['29 December 2025, already in 2026-W01', '2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'],
    ['1 January 2026, a Thursday', '2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['the last week of 2025', '2025-12-28', '2025-W52', '2025-12-22', '2025-12-28'],
    ['a leap day', '2024-02-29', '2024-W09', '2024-02-26', '2024-03-03'],
  ])('puts %s (%s) in %s', (_case, date, week, monday, sunday) => {
    expect(isoWeekOf(date)).toEqual({ week, monday, sunday });
  });

  it('throws a RangeError for a malformed date', () => {
    expect(() => isoWeekOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('weeklyCompliance', () => {
  const leaders = [
    { id: 'li', name: '李主任' },
    { id: 'wang', name: '王书记' },
  ];
  const visits: WeeklyComplianceInput['visits'] = [
    { leaderId: 'li', date: '2026-02-03', halfDay: 'am', status: 'done' },
    { leaderId: 'li', date: '2026-02-10', halfDay: 'pm', status: 'planned' },
    { leaderId: 'wang', date: '2026-02-12', halfDay: 'am', status: 'done' },
    { leaderId: 'wang', date: '2026-02-12', halfDay: 'am', status: 'done' },
    { leaderId: 'wang', date: '2026-02-13', halfDay: 'pm', status: 'cancelled' },
    { leaderId: 'li', date: '2026-02-28', halfDay: 'pm', status: 'done' },
    { leaderId: 'li', date: '2026-03-05', halfDay: 'am', status: 'planned' },
    { leaderId: 'wang', date: '2026-03-03', halfDay: 'am', status: 'done' },
    { leaderId: 'wang', date: '2026-03-03', halfDay: 'pm', status: 'done' },
    { leaderId: 'zhao', date: '2026-02-03', halfDay: 'am', status: 'done' },
  ];
  // Today is Wednesday 2026-03-04, in 2026-W10.
  const result = weeklyCompliance(calendar, { leaders, visits, from: '2026-02-04', to: '2026-03-04', today: '2026-03-04' });
  const row = (leaderId: string, week: string) => result.find((l) => l.leaderId === leaderId)?.weeks.find((w) => w.week === week);

  it('reports every ISO week overlapping the period, for every leader and no one else', () => {
    expect(result.map((l) => [l.leaderId, l.leaderName])).toEqual([['li', '李主任'], ['wang', '王书记']]);
    expect(result[0]?.weeks.map((w) => [w.week, w.monday])).toEqual([
      ['2026-W06', '2026-02-02'],
      ['2026-W07', '2026-02-09'],
      ['2026-W08', '2026-02-16'],
      ['2026-W09', '2026-02-23'],
      ['2026-W10', '2026-03-02'],
    ]);
  });

  it.each([
    ['met: a half-day done', 'li', '2026-W06', 1, 1, 'met'],
    ['missed: the week is over and nothing was done', 'wang', '2026-W06', 0, 0, 'missed'],
    ['missed: planned but not done', 'li', '2026-W07', 1, 0, 'missed'],
    ['met: two visits in one half-day count once; a cancelled one not at all', 'wang', '2026-W07', 1, 1, 'met'],
    ['exempt: Spring Festival 2026, no working day', 'li', '2026-W08', 0, 0, 'exempt'],
    ['exempt for every leader', 'wang', '2026-W08', 0, 0, 'exempt'],
    ['met: done on the 调休 Saturday 02-28', 'li', '2026-W09', 1, 1, 'met'],
    ['missed: the week after Spring Festival has working days', 'wang', '2026-W09', 0, 0, 'missed'],
    ['pending: the current week, planned but not yet done', 'li', '2026-W10', 1, 0, 'pending'],
    ['met: the current week, two half-days done', 'wang', '2026-W10', 2, 2, 'met'],
  ])('%s (%s, %s)', (_case, leaderId, week, planned, done, status) => {
    expect(row(leaderId, week)).toMatchObject({ planned, done, status });
  });

  it.each([
    ['a week with no working day, visited anyway, is met', '2026-02-16', '2026-02-20', 'done', '2026-03-04', 'met'],
    ['the National Day 2025 week has working days (09-29, 09-30), so it can be missed', '2025-09-29', '2025-10-03', 'planned', '2025-10-20', 'missed'],
    ['a week is still pending on its Sunday', '2026-03-02', '2026-03-04', 'planned', '2026-03-08', 'pending'],
    ['a week is missed the day after its Sunday', '2026-03-02', '2026-03-04', 'planned', '2026-03-09', 'missed'],
    ['a future week is pending', '2026-06-01', '2026-06-02', 'planned', '2026-03-04', 'pending'],
    ['a future week without a working day is already exempt', '2026-02-16', '2026-02-17', 'planned', '2026-01-05', 'exempt'],
  ] as const)('%s', (_case, from, date, visitStatus, today, status) => {
    const [leader] = weeklyCompliance(calendar, {
      leaders: [leaders[0]!],
      visits: [{ leaderId: 'li', date, halfDay: 'am', status: visitStatus }],
      from,
      to: from,
      today,
    });
    expect(leader?.weeks.map((w) => w.status)).toEqual([status]);
  });

  it.each([
    ['2026-W53 runs into 2027 (provisional, 元旦 off)', '2026-12-30', '2027-01-02', '2027-01-01', [['2026-W53', '2026-12-28', 'met']]],
    ['2026-W01 starts in 2025', '2025-12-31', '2026-01-01', '2025-12-29', [['2026-W01', '2025-12-29', 'met']]],
    ['the turn of 2025 into 2026', '2025-12-22', '2026-01-05', '2026-01-05', [['2025-W52', '2025-12-22', 'missed'], ['2026-W01', '2025-12-29', 'missed'], ['2026-W02', '2026-01-05', 'met']]],
  ])('handles a year boundary: %s', (_case, from, to, doneOn, expected) => {
    const [leader] = weeklyCompliance(calendar, {
      leaders: [leaders[0]!],
      visits: [{ leaderId: 'li', date: doneOn, halfDay: 'pm', status: 'done' }],
      from,
      to,
      today: '2027-02-01',
    });
    expect(leader?.weeks.map((w) => [w.week, w.monday, w.status])).toEqual(expected);
  });

  it('throws a RangeError when the period ends before it starts', () => {
    expect(() => weeklyCompliance(calendar, { leaders, visits, from: '2026-03-04', to: '2026-03-03', today: '2026-03-04' })).toThrow(RangeError);
  });

  it('throws CalendarRangeError for a week outside the calendar', () => {
    expect(() => weeklyCompliance(calendar, { leaders, visits, from: '2003-06-02', to: '2003-06-02', today: '2026-03-04' })).toThrow(CalendarRangeError);
  });
});
