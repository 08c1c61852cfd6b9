import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditEntries, backends, errorFields, errorOf, signIn, startTestApp, type Session, type TestApp } from './harness.js';

type Day = { date: string; workingDay: boolean; reason: string; provisional: boolean };
type Year = { year: number; status: 'official' | 'provisional'; notice: string | null; builtIn: boolean };

/**
 * TEST DATA, NOT THE REAL 2027 ARRANGEMENT: a made-up notice for 2027 (the State
 * Council had not published one when this was written). It gives 2027-01-04
 * (a Monday) off with New Year and makes Saturday 2027-01-09 a working day, so
 * that loading it visibly changes due dates across the year boundary.
 */
const TEST_2027 = {
  year: 2027,
  notice: '测试数据〔2027〕1号（非官方）',
  issuedOn: '2026-11-01',
  source: 'https://example.invalid/test-data/2027-holidays',
  offRanges: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-04' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  adjustedWorkdays: ['2027-01-09'],
};

for (const backend of backends()) {
  describe(`calendar [${backend.name}]`, () => {
    let t: TestApp;
    let admin: Session;
    let enterprise: Session;
    const api = (s: Session) => as(t.app, s);
    const due = async (s: Session, from: string, days: number) => {
      const res = await api(s)({ url: `/api/calendar/due?from=${from}&days=${days}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { due: string; provisional: boolean };
    };
    const month = async (year: number, m: number) => {
      const res = await api(enterprise)({ url: `/api/calendar/month?year=${year}&month=${m}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Day[];
    };

    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await signIn(t.app, 'admin');
      enterprise = await signIn(t.app, 'enterprise');
    });
    afterAll(() => t.close());

    it('counts 5 working days over National Day to 2026-10-13, not provisional, when starting 2026-09-30', async () => {
      expect(await due(enterprise, '2026-09-30', 5)).toEqual({ due: '2026-10-13', provisional: false });
      expect(await due(enterprise, '2026-09-30', 0)).toEqual({ due: '2026-09-30', provisional: false });
    });

    it('marks the due date provisional when the count runs into 2027, which has no official arrangement', async () => {
      const res = await due(enterprise, '2026-12-28', 5);
      expect(res.provisional).toBe(true);
      expect(res.due > '2026-12-31').toBe(true);
      expect((await due(enterprise, '2026-12-21', 5)).provisional).toBe(false);
    });

    it('shows 2026-10-10 as a working day (调休上班) and 2026-10-01 as a holiday in the October month view', async () => {
      const days = await month(2026, 10);
      expect(days).toHaveLength(31);
      expect(days[0]!.date).toBe('2026-10-01');
      const byDate = new Map(days.map((d) => [d.date, d]));
      expect(byDate.get('2026-10-10')).toMatchObject({ workingDay: true, reason: '调休上班', provisional: false });
      expect(byDate.get('2026-10-01')).toMatchObject({ workingDay: false, provisional: false });
      expect(byDate.get('2026-10-01')!.reason).toContain('国庆');
      expect(byDate.get('2026-10-11')).toMatchObject({ workingDay: false, reason: '周末' });
      expect(byDate.get('2026-10-08')).toMatchObject({ workingDay: true, reason: '工作日' });
      expect(days.filter((d) => d.date <= '2026-10-07').every((d) => !d.workingDay)).toBe(true);
    });

    it('answers 400 VALIDATION_FAILED when the month or the date is malformed', async () => {
      const bad = await api(admin)({ url: '/api/calendar/month?year=2026&month=13' });
      expect(bad.statusCode).toBe(400);
      expect(errorFields(bad)).toContain('querystring.month');
      const date = await api(admin)({ url: '/api/calendar/due?from=2026-02-30&days=5' });
      expect(date.statusCode).toBe(400);
      expect(errorFields(date)).toContain('querystring.from');
      const out = await api(admin)({ url: '/api/calendar/due?from=2003-06-02&days=5' });
      expect(out.statusCode).toBe(400);
      expect(errorOf(out).code).toBe('CALENDAR_OUT_OF_RANGE');
    });

    it('shifts due dates when the administrator closes the zone on a working day, and back when the closure is removed', async () => {
      const added = await api(admin)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-12', kind: 'closure', reason: ' 园区停电检修 ' } });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json()).toEqual({ date: '2026-10-12', kind: 'closure', reason: '园区停电检修' });
      expect(await due(enterprise, '2026-09-30', 5)).toEqual({ due: '2026-10-14', provisional: false });
      const day = (await month(2026, 10)).find((d) => d.date === '2026-10-12')!;
      expect(day).toMatchObject({ workingDay: false, reason: '园区闭园：园区停电检修' });
      const overrides = (await api(enterprise)({ url: '/api/calendar/overrides' })).json();
      expect(overrides).toEqual([{ date: '2026-10-12', kind: 'closure', reason: '园区停电检修' }]);

      const dup = await api(admin)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-12', kind: 'working', reason: '又要上班' } });
      expect(dup.statusCode).toBe(409);
      expect(errorOf(dup).code).toBe('CONFLICT');
      expect(errorFields(dup)).toEqual(['date']);

      const audit = await auditEntries(t.app, admin, { entity: 'calendar_override', entityId: '2026-10-12' });
      expect(audit.map((a) => a.action)).toEqual(['calendar.override_added']);

      const removed = await api(admin)({ method: 'DELETE', url: '/api/calendar/overrides/2026-10-12' });
      expect(removed.statusCode).toBe(200);
      expect(await due(enterprise, '2026-09-30', 5)).toEqual({ due: '2026-10-13', provisional: false });
      const again = await api(admin)({ method: 'DELETE', url: '/api/calendar/overrides/2026-10-12' });
      expect(again.statusCode).toBe(404);
    });

    it('counts a weekend the administrator declares a working day', async () => {
      const added = await api(admin)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-11', kind: 'working', reason: '集中办公' } });
      expect(added.statusCode).toBe(200);
      expect(await due(enterprise, '2026-09-30', 5)).toEqual({ due: '2026-10-12', provisional: false });
      expect((await api(admin)({ method: 'DELETE', url: '/api/calendar/overrides/2026-10-11' })).statusCode).toBe(200);
    });

    it('answers 403 and changes nothing when someone other than the administrator adds or removes an override', async () => {
      const leader = await signIn(t.app, 'leader');
      for (const s of [leader, enterprise]) {
        const res = await api(s)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-12', kind: 'closure', reason: '越权' } });
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).code).toBe('FORBIDDEN');
      }
      expect((await api(leader)({ method: 'DELETE', url: '/api/calendar/overrides/2026-10-12' })).statusCode).toBe(403);
      expect((await api(leader)({ method: 'POST', url: '/api/calendar/years', payload: TEST_2027 })).statusCode).toBe(403);
      expect((await api(admin)({ url: '/api/calendar/overrides' })).json()).toEqual([]);
      expect(await due(enterprise, '2026-09-30', 5)).toEqual({ due: '2026-10-13', provisional: false });
    });

    it('answers 400 VALIDATION_FAILED when an override has an unknown kind or an empty reason', async () => {
      const kind = await api(admin)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-12', kind: 'holiday', reason: 'x' } });
      expect(kind.statusCode).toBe(400);
      expect(errorFields(kind)).toContain('kind');
      const reason = await api(admin)({ method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-10-12', kind: 'closure', reason: '' } });
      expect(reason.statusCode).toBe(400);
      expect(errorFields(reason)).toContain('reason');
    });

    it('answers 400 CALENDAR_INVALID naming the field when an arrangement is malformed', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ ...TEST_2027, offRanges: [] }, 'offRanges'],
        [{ ...TEST_2027, offRanges: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }, 'offRanges[0].to'],
        [{ ...TEST_2027, adjustedWorkdays: ['2027-01-06'] }, 'adjustedWorkdays[0]'],
        [{ ...TEST_2027, source: 'not a url' }, 'source'],
        [{ ...TEST_2027, year: 'next' }, 'year'],
      ];
      for (const [body, field] of cases) {
        const res = await api(admin)({ method: 'POST', url: '/api/calendar/years', payload: body });
        expect(res.statusCode, field).toBe(400);
        expect(errorOf(res).code).toBe('CALENDAR_INVALID');
        expect(errorFields(res)).toEqual([field]);
      }
      const years = (await api(admin)({ url: '/api/calendar/years' })).json() as Year[];
      expect(years.find((y) => y.year === 2027)?.status).toBe('provisional');
    });

    it('makes 2027 official and due dates across it final when the administrator loads a valid 2027 arrangement (test data)', async () => {
      const res = await api(admin)({ method: 'POST', url: '/api/calendar/years', payload: TEST_2027 });
      expect(res.statusCode, res.body).toBe(200);
      const years = (await api(enterprise)({ url: '/api/calendar/years' })).json() as Year[];
      expect(years.find((y) => y.year === 2027)).toMatchObject({ status: 'official', notice: TEST_2027.notice, builtIn: false });
      expect(years.find((y) => y.year === 2026)).toMatchObject({ status: 'official', builtIn: true });

      // 12-29, 12-30, 12-31, then 01-01..01-04 off (test data), 01-05, 01-06.
      expect(await due(enterprise, '2026-12-28', 5)).toEqual({ due: '2027-01-06', provisional: false });
      const jan = (await month(2027, 1)).filter((d) => ['2027-01-04', '2027-01-09'].includes(d.date));
      expect(jan).toMatchObject([
        { date: '2027-01-04', workingDay: false, provisional: false },
        { date: '2027-01-09', workingDay: true, reason: '调休上班', provisional: false },
      ]);
      const audit = await auditEntries(t.app, admin, { entity: 'calendar_year', entityId: '2027' });
      expect(audit.map((a) => a.action)).toEqual(['calendar.arrangement_loaded']);
    });
  });
}
