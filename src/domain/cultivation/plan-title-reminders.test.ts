import { describe, expect, it } from 'vitest';
import { dueExpiryReminder, dueUpdateReminder, informationUpdateDeadline } from './plan-title-reminders.js';

describe('dueExpiryReminder', () => {
  const today = '2026-01-01';
  it.each<[string, string, string[], ReturnType<typeof dueExpiryReminder>]>([
    ['91 days left: nothing yet', '2026-04-02', [], null],
    ['90 days left: the 90-day reminder', '2026-04-01', [], { kind: 'expiry-90', daysLeft: 90, record: ['expiry-90'] }],
    ['60 days left, 90 sent: nothing', '2026-03-02', ['expiry-90'], null],
    ['31 days left, 90 sent: nothing', '2026-02-01', ['expiry-90'], null],
    ['30 days left, 90 sent: the 30-day reminder', '2026-01-31', ['expiry-90'], { kind: 'expiry-30', daysLeft: 30, record: ['expiry-30'] }],
    ['20 days left, nothing sent: only the 30-day one, the 90 recorded as passed', '2026-01-21', [], { kind: 'expiry-30', daysLeft: 20, record: ['expiry-30', 'expiry-90'] }],
    ['both sent: nothing', '2026-01-10', ['expiry-90', 'expiry-30'], null],
    ['ends today: still reminded', '2026-01-01', ['expiry-90'], { kind: 'expiry-30', daysLeft: 0, record: ['expiry-30'] }],
    ['ended yesterday: nothing', '2025-12-31', [], null],
  ])('%s', (_name, lastDay, sent, expected) => {
    expect(dueExpiryReminder(lastDay, today, new Set(sent))).toEqual(expected);
  });
});

describe('informationUpdateDeadline', () => {
  it.each<[Parameters<typeof informationUpdateDeadline>[0], number, string]>([
    ['specialised-sme', 2025, '2025-04-30'], // 63号 (Guangdong)
    ['specialised-sme', 2026, '2026-05-31'], // 2号 in force from 2026-04-01
    ['specialised-sme', 2027, '2027-05-31'],
    ['little-giant', 2025, '2025-04-30'],
    ['little-giant', 2026, '2026-05-31'],
    ['innovative-sme', 2025, '2025-04-30'],
    ['innovative-sme', 2027, '2027-04-30'],
  ])('%s in %i: %s', (scheme, year, deadline) => {
    expect(informationUpdateDeadline(scheme, year)).toBe(deadline);
  });
});

describe('dueUpdateReminder', () => {
  it.each<[string, Parameters<typeof dueUpdateReminder>[0], string, ReturnType<typeof dueUpdateReminder>]>([
    ['31 days before', 'specialised-sme', '2027-04-30', null],
    ['30 days before', 'specialised-sme', '2027-05-01', { kind: 'update-2027', year: 2027, deadline: '2027-05-31' }],
    ['on the deadline', 'specialised-sme', '2027-05-31', { kind: 'update-2027', year: 2027, deadline: '2027-05-31' }],
    ['the day after', 'specialised-sme', '2027-06-01', null],
    ['63号 year: 30 days before 30 April', 'specialised-sme', '2025-03-31', { kind: 'update-2025', year: 2025, deadline: '2025-04-30' }],
    ['63号 year: 31 days before', 'specialised-sme', '2025-03-30', null],
    ['innovative SME, 2027', 'innovative-sme', '2027-04-15', { kind: 'update-2027', year: 2027, deadline: '2027-04-30' }],
  ])('%s', (_name, scheme, today, expected) => {
    expect(dueUpdateReminder(scheme, today)).toEqual(expected);
  });
});
