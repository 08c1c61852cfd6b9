import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  auditEntries as auditEntriesTable, demands, themes, visitCadres, visitDepartments, visitEnterprises, visitIssues, visits, zoneCounters, enterprises, enterpriseThemes,
} from '../../src/db/schema/index.js';
import { OFFICIAL_ARRANGEMENTS, addDays, buildWorkingCalendar, isWorkingDay, toDayNumber, type WorkingCalendar } from '../../src/domain/calendar/index.js';
import { dateInZone, startOfDayInZone } from '../../src/domain/calendar/day-bounds-in-zone.js';
import { findSlotConflicts, isoWeekOf, weeklyCompliance, type HalfDay, type VisitStatus } from '../../src/domain/visits/index.js';
import { zoneCalendar } from '../../src/server/calendar/calendar.service.js';
import { zoneToday } from '../../src/server/zone/zone-today.js';
import { findZoneByCode } from '../../src/server/zone/zone.repository.js';
import { findUserByUsername } from '../../src/server/identity/identity.repository.js';
import { nextCounter } from '../../src/server/demands/demands.repository.js';
import { inTransaction } from '../../src/server/platform/transaction.js';
import { loadDemo } from '../../src/server/demo/demo.service.js';
import { DEMO_THEMES, DEMO_ZONE } from '../../src/server/demo/demo-data.js';
import { DEMO_THEME_QUESTIONS, generateDemoVisits, type DemoVisitWorld } from '../../src/server/demo/demo-visits.js';
import { as, backends, signIn, startTestApp, type TestApp } from './harness.js';

type Visit = typeof visits.$inferSelect;
const HALF_ORDER: Record<string, number> = { am: 0, pm: 1 };

for (const backend of backends()) {
  describe(`the demo zone's year of visits [${backend.name}]`, () => {
    let t: TestApp;
    let zoneId: string;
    let today: string;
    let calendar: WorkingCalendar;
    let loadedBy: Date;
    let all: Visit[];
    let members: (typeof visitEnterprises.$inferSelect)[];
    let issues: (typeof visitIssues.$inferSelect)[];
    let leaders: { id: string; name: string }[];
    const byId = new Map<string, Visit>();
    const enterprisesOf = new Map<string, string[]>();

    beforeAll(async () => {
      t = await startTestApp(backend);
      loadedBy = new Date();
      zoneId = (await findZoneByCode(t.ctx.db, DEMO_ZONE.code))!.id;
      today = (await zoneToday(t.ctx, zoneId)).today;
      calendar = await zoneCalendar(t.ctx, zoneId);
      all = await t.ctx.db.select().from(visits).where(eq(visits.zoneId, zoneId));
      members = await t.ctx.db.select().from(visitEnterprises).where(eq(visitEnterprises.zoneId, zoneId));
      issues = await t.ctx.db.select().from(visitIssues).where(eq(visitIssues.zoneId, zoneId));
      leaders = [];
      for (const username of ['leader', 'leader2']) {
        const u = (await findUserByUsername(t.ctx.db, zoneId, username))!;
        leaders.push({ id: u.id, name: u.displayName });
      }
      for (const v of all) byId.set(v.id, v);
      for (const m of members) enterprisesOf.set(m.visitId, [...(enterprisesOf.get(m.visitId) ?? []), m.enterpriseId]);
    });
    afterAll(() => t.close());

    it('links every demand filed on a visit to the done visit of its leader on its day, with its enterprise and a problem row', async () => {
      const filed = await t.ctx.db.select().from(demands).where(and(eq(demands.zoneId, zoneId), eq(demands.channel, 'visit')));
      expect(filed.length).toBeGreaterThan(50);
      for (const d of filed) {
        const visit = d.visitId ? byId.get(d.visitId) : undefined;
        expect(visit, d.number).toBeDefined();
        expect(visit!.status, d.number).toBe('done');
        expect(visit!.visitOn, d.number).toBe(dateInZone(d.submittedAt, DEMO_ZONE.timeZone));
        expect(enterprisesOf.get(visit!.id), d.number).toContain(d.enterpriseId);
        expect(d.ownerLeaderId, d.number).toBe(visit!.leaderId);
        const issue = issues.filter((i) => i.demandId === d.id);
        expect(issue, d.number).toHaveLength(1);
        expect(issue[0]).toMatchObject({ visitId: visit!.id, enterpriseId: d.enterpriseId, resolution: 'demand', categoryCode: d.categoryCode });
      }
      // Only those: no other demand points at a visit, and every demand problem is one of them.
      const linked = await t.ctx.db.select({ id: demands.id, channel: demands.channel, visitId: demands.visitId }).from(demands).where(eq(demands.zoneId, zoneId));
      expect(linked.filter((d) => d.visitId !== null && d.channel !== 'visit')).toEqual([]);
      expect(issues.filter((i) => i.resolution === 'demand').length).toBe(filed.length);
    });

    it('has each leader visit most weeks that have a working day, never on a day without work, never twice in one half-day', () => {
      const firstMonday = addDays(isoWeekOf(today).monday, -52 * 7);
      const lastPastSunday = addDays(isoWeekOf(today).monday, -1);
      for (const v of all) expect(isWorkingDay(calendar, v.visitOn).workingDay, `${v.number} ${v.visitOn}`).toBe(true);
      const slots = all.map((v) => ({ id: v.id, leaderId: v.leaderId, date: v.visitOn, halfDay: v.halfDay as HalfDay, status: v.status as VisitStatus }));
      for (const s of slots.filter((x) => x.status !== 'cancelled')) expect(findSlotConflicts(slots, s), s.date).toEqual([]);

      const compliance = weeklyCompliance(calendar, { leaders, visits: slots, from: firstMonday, to: lastPastSunday, today });
      let missedWeeks = 0;
      for (const leader of compliance) {
        const judged = leader.weeks.filter((w) => w.status === 'met' || w.status === 'missed');
        const met = judged.filter((w) => w.status === 'met').length;
        expect(judged.length, leader.leaderName).toBeGreaterThanOrEqual(45);
        expect(met / judged.length, leader.leaderName).toBeGreaterThanOrEqual(0.85);
        missedWeeks += judged.length - met;
      }
      // A few weeks were missed, so the compliance view has something to flag.
      expect(missedWeeks).toBeGreaterThan(0);
    });

    it('records the past and plans ahead: done and signed off before today, planned after, a few cancelled with a reason', () => {
      const nextWorkingDay = (day: string) => {
        let d = addDays(day, 1);
        while (!isWorkingDay(calendar, d).workingDay) d = addDays(d, 1);
        return d;
      };
      for (const v of all) {
        expect(v.isDemo).toBe(true);
        const count = enterprisesOf.get(v.id)?.length ?? 0;
        expect(count, v.number).toBeGreaterThanOrEqual(1);
        if (v.status === 'cancelled') {
          expect(v.cancelReason, v.number).toBeTruthy();
          continue;
        }
        if (v.visitOn < today) expect(v.status, v.number).toBe('done');
        if (v.visitOn > today) expect(v.status, v.number).toBe('planned');
        if (v.status === 'done') {
          expect(v.signedOffBy, v.number).toBe(v.leaderId);
          const signedOn = dateInZone(v.signedOffAt!, DEMO_ZONE.timeZone);
          expect([v.visitOn, nextWorkingDay(v.visitOn)], v.number).toContain(signedOn);
          expect(v.signedOffAt!.getTime()).toBeLessThanOrEqual(loadedBy.getTime());
          expect(v.decisions, v.number).toBeTruthy();
          expect(v.followUps, v.number).toBeTruthy();
        } else {
          expect(v.signedOffAt, v.number).toBeNull();
          expect(v.decisions, v.number).toBeNull();
          expect(v.guideAnswers, v.number).toEqual([]);
          expect(issues.filter((i) => i.visitId === v.id), v.number).toEqual([]);
        }
      }
      const cancelled = all.filter((v) => v.status === 'cancelled');
      expect(cancelled.length).toBeGreaterThanOrEqual(2);
      expect(cancelled.length).toBeLessThanOrEqual(3);
      // Each of the next two weeks has a planned visit for each leader.
      for (const offset of [7, 14]) {
        const monday = addDays(isoWeekOf(today).monday, offset);
        const hasWorkingDay = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).some((d) => isWorkingDay(calendar, d).workingDay);
        if (!hasWorkingDay) continue;
        for (const leader of leaders) {
          const planned = all.filter((v) => v.leaderId === leader.id && v.status === 'planned' && v.visitOn >= monday && v.visitOn <= addDays(monday, 6));
          expect(planned.length, `${leader.name} ${monday}`).toBeGreaterThanOrEqual(1);
        }
      }
      const answered = issues.filter((i) => i.resolution === 'answered');
      expect(answered.length).toBeGreaterThan(20);
      for (const i of answered) {
        expect(i.answer).toBeTruthy();
        expect(i.demandId).toBeNull();
        expect(enterprisesOf.get(i.visitId)).toContain(i.enterpriseId);
      }
      expect(all.every((v) => v.createdAt.getTime() <= loadedBy.getTime() && v.updatedAt.getTime() <= loadedBy.getTime())).toBe(true);
    });

    it('takes along one to three departments and the liaison cadres of the enterprises visited', async () => {
      const departments = await t.ctx.db.select().from(visitDepartments).where(eq(visitDepartments.zoneId, zoneId));
      const cadres = await t.ctx.db.select().from(visitCadres).where(eq(visitCadres.zoneId, zoneId));
      const cadreOf = new Map((await t.ctx.db.select({ id: enterprises.id, cadreId: enterprises.cadreId }).from(enterprises).where(eq(enterprises.zoneId, zoneId))).map((e) => [e.id, e.cadreId]));
      for (const v of all) {
        const own = departments.filter((d) => d.visitId === v.id);
        expect(own.length, v.number).toBeGreaterThanOrEqual(1);
        expect(own.length, v.number).toBeLessThanOrEqual(3);
        if (v.status === 'done') expect(own.some((d) => d.attended === true), v.number).toBe(true);
        else expect(own.every((d) => d.attended === null), v.number).toBe(true);
        const expected = new Set(enterprisesOf.get(v.id)!.map((e) => cadreOf.get(e)).filter((c): c is string => !!c));
        expect(new Set(cadres.filter((c) => c.visitId === v.id).map((c) => c.userId)), v.number).toEqual(expected);
      }
    });

    it('spreads the visits over the enterprises and the themes: most seen once or twice, a few never, few seen again too soon', async () => {
      const zoneEnterprises = await t.ctx.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.zoneId, zoneId));
      const held = all.filter((v) => v.status !== 'cancelled');
      const daysOf = new Map<string, number[]>();
      for (const v of held) for (const e of enterprisesOf.get(v.id)!) daysOf.set(e, [...(daysOf.get(e) ?? []), toDayNumber(v.visitOn)]);
      const counts = zoneEnterprises.map((e) => daysOf.get(e.id)?.length ?? 0);
      expect(counts.filter((n) => n === 0).length).toBeGreaterThan(0);
      expect(counts.filter((n) => n === 1 || n === 2).length / counts.length).toBeGreaterThanOrEqual(0.5);
      let tooSoon = 0;
      let pairs = 0;
      for (const days of daysOf.values()) {
        days.sort((a, b) => a - b);
        for (let i = 1; i < days.length; i++, pairs++) if (days[i]! - days[i - 1]! < 8 * 7) tooSoon++;
      }
      expect(tooSoon / pairs).toBeLessThan(0.25);

      const themeRows = await t.ctx.db.select().from(themes).where(eq(themes.zoneId, zoneId));
      const used = new Set(held.map((v) => v.themeId));
      for (const theme of themeRows) expect(used, theme.name).toContain(theme.id);
      // A themed visit goes mostly to enterprises of its theme.
      const themesOf = new Map<string, string[]>();
      for (const l of await t.ctx.db.select().from(enterpriseThemes).where(eq(enterpriseThemes.zoneId, zoneId))) {
        themesOf.set(l.enterpriseId, [...(themesOf.get(l.enterpriseId) ?? []), l.themeId]);
      }
      const themed = held.filter((v) => v.themeId !== null).flatMap((v) => enterprisesOf.get(v.id)!.map((e) => themesOf.get(e)?.includes(v.themeId!) ?? false));
      expect(themed.filter(Boolean).length / themed.length).toBeGreaterThanOrEqual(0.6);
    });

    it('gives the demo themes guiding questions, and each done themed visit answers them', async () => {
      const themeRows = await t.ctx.db.select().from(themes).where(eq(themes.zoneId, zoneId));
      for (const name of DEMO_THEMES.map((x) => x.name)) {
        const theme = themeRows.find((x) => x.name === name)!;
        expect(theme.guidingQuestions.length, name).toBeGreaterThanOrEqual(2);
        expect(theme.guidingQuestions.length, name).toBeLessThanOrEqual(4);
        for (const v of all.filter((x) => x.themeId === theme.id && x.status === 'done')) {
          const answers = v.guideAnswers as { question: string; answer: string }[];
          expect(answers.map((a) => a.question), v.number).toEqual(theme.guidingQuestions);
          expect(answers.every((a) => a.answer.length > 5 && !a.answer.includes('{')), v.number).toBe(true);
        }
      }
    });

    it('numbers the visits ZF<year>-<4 digits> in date order, and the next number continues after them', async () => {
      const sorted = [...all].sort((a, b) => a.visitOn.localeCompare(b.visitOn) || HALF_ORDER[a.halfDay]! - HALF_ORDER[b.halfDay]!);
      const highest = new Map<string, number>();
      for (const v of sorted) {
        expect(v.number).toMatch(/^ZF\d{4}-\d{4}$/);
        expect(v.number.slice(2, 6)).toBe(v.visitOn.slice(0, 4));
        const n = Number(v.number.slice(7));
        expect(n, v.number).toBeGreaterThan(highest.get(v.visitOn.slice(0, 4)) ?? 0);
        highest.set(v.visitOn.slice(0, 4), n);
      }
      expect(new Set(all.map((v) => v.number)).size).toBe(all.length);
      const counters = await t.ctx.db.select().from(zoneCounters).where(eq(zoneCounters.zoneId, zoneId));
      for (const [year, n] of highest) expect(counters.find((c) => c.name === `visit:${year}`)?.value, year).toBe(n);
      const year = today.slice(0, 4);
      const next = await inTransaction(t.ctx.db, (tx) => nextCounter(tx, zoneId, `visit:${year}`));
      expect(next).toBe((highest.get(year) ?? 0) + 1);
    });

    it('has start-ups for the coverage view\'s 初创 filter, with figures only from their founding year', async () => {
      const coordinator = await signIn(t.app, 'coordinator');
      const res = await as(t.app, coordinator)({ url: '/api/visits/coverage?startup=true&pageSize=100' });
      const page = res.json() as { items: { enterpriseId: string; foundedOn: string | null }[]; total: number };
      expect(page.total).toBeGreaterThan(10);
      expect(page.items.every((e) => e.foundedOn !== null && e.foundedOn >= addDays(today, -3 * 365 - 1))).toBe(true);
      const one = await as(t.app, coordinator)({ url: `/api/enterprises/${page.items[0]!.enterpriseId}` });
      const founded = Number((one.json() as { foundedOn: string }).foundedOn.slice(0, 4));
      expect((one.json() as { figures: { year: number }[] }).figures.every((f) => f.year >= founded)).toBe(true);
    });

    it('adds nothing when the demo is loaded again', async () => {
      await loadDemo(t.ctx, { password: null });
      expect(await t.ctx.db.$count(visits, eq(visits.zoneId, zoneId))).toBe(all.length);
      const audits = await t.ctx.db.select().from(auditEntriesTable)
        .where(and(eq(auditEntriesTable.zoneId, zoneId), eq(auditEntriesTable.action, 'demo.visits_loaded')));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.after).toMatchObject({ visits: all.length });
    });
  });
}

describe('generateDemoVisits', () => {
  const calendar = buildWorkingCalendar({ arrangements: OFFICIAL_ARRANGEMENTS });
  const id = (prefix: number, n: number) => `00000000-0000-4000-8000-${String(prefix).padStart(4, '0')}${String(n).padStart(8, '0')}`;
  const timeZone = 'Asia/Shanghai';
  const themeNames = Object.keys(DEMO_THEME_QUESTIONS);
  const world = (today: string): DemoVisitWorld => {
    const leaders = [{ id: id(1, 1), name: '王建华' }, { id: id(1, 2), name: '李志远' }];
    const cadres = [id(2, 1), id(2, 2)];
    const ents = Array.from({ length: 80 }, (_, i) => ({
      id: id(3, i), name: `景德镇测试${i}号有限公司`, cadreId: cadres[i % 2]!, leaderId: leaders[i % 2]!.id, themeIds: i % 6 === 5 ? [] : [id(4, i % 6)],
    }));
    // Demands filed on visits: on working days, and one on a Sunday (a duplicate filed days later).
    const visitDemands: DemoVisitWorld['visitDemands'] = [];
    for (let k = 0; k < 40; k++) {
      let day = addDays(today, -(5 + k * 8));
      while (!isWorkingDay(calendar, day).workingDay) day = addDays(day, -1);
      visitDemands.push({
        id: id(5, k), enterpriseId: ents[(k * 7) % ents.length]!.id, submittedAt: new Date(startOfDayInZone(day, timeZone).getTime() + (k % 2 ? 10 : 15) * 3_600_000),
        submittedBy: leaders[k % 2]!.id, ownerLeaderId: leaders[k % 2]!.id, categoryCode: 'other', title: `诉求${k}`, leadDepartmentId: id(6, 1),
      });
    }
    let sunday = addDays(today, -30);
    while (isWorkingDay(calendar, sunday).workingDay) sunday = addDays(sunday, -1);
    visitDemands.push({
      id: id(5, 99), enterpriseId: ents[3]!.id, submittedAt: new Date(startOfDayInZone(sunday, timeZone).getTime() + 11 * 3_600_000),
      submittedBy: leaders[0]!.id, ownerLeaderId: leaders[0]!.id, categoryCode: 'other', title: '周末反映的诉求', leadDepartmentId: null,
    });
    visitDemands.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    return {
      zoneId: id(0, 1), now: new Date(startOfDayInZone(today, timeZone).getTime() + 10 * 3_600_000), today, timeZone, calendar, minWeeks: 8,
      leaders, plannerId: id(2, 9), users: new Map([...leaders.map((l) => [l.id, l.name] as const), [cadres[0]!, '张国栋'], [cadres[1]!, '黄文静']]),
      themes: themeNames.map((name, i) => ({ id: id(4, i), name, guidingQuestions: DEMO_THEME_QUESTIONS[name]! })),
      categoryCodes: ['other', 'policy-fulfilment', 'talent-and-labour', 'funding-and-loans'],
      departments: new Map([['经济发展局', id(6, 1)], ['财政金融局', id(6, 2)], ['科技创新局', id(6, 3)]]),
      enterprises: ents,
      visitDemands,
    };
  };

  it('gives the same rows for the same world and today', () => {
    const a = generateDemoVisits(world('2026-06-17'));
    const b = generateDemoVisits(world('2026-06-17'));
    expect(a.visits.length).toBeGreaterThan(80);
    expect(b).toEqual(a);
    const later = generateDemoVisits(world('2026-06-24'));
    expect(later.visits[0]!.visitOn).not.toBe(a.visits[0]!.visitOn);
  });

  it('links each demand filed on a working day, and hands the one filed on a Sunday to the liaison cadre', () => {
    const w = world('2026-03-04');
    const rows = generateDemoVisits(w);
    const sundayDemand = w.visitDemands.find((d) => d.title === '周末反映的诉求')!;
    expect(rows.rechannelled).toEqual([
      { demandId: sundayDemand.id, channel: 'cadre', submittedBy: w.enterprises[3]!.cadreId, submitterName: w.users.get(w.enterprises[3]!.cadreId!), ownerLeaderId: w.enterprises[3]!.leaderId },
    ]);
    expect(rows.demandLinks.map((l) => l.demandId).sort()).toEqual(w.visitDemands.filter((d) => d !== sundayDemand).map((d) => d.id).sort());
    for (const link of rows.demandLinks) {
      const visit = rows.visits.find((v) => v.id === link.visitId)!;
      const demand = w.visitDemands.find((d) => d.id === link.demandId)!;
      expect(visit.visitOn).toBe(dateInZone(demand.submittedAt, timeZone));
      expect(visit.leaderId).toBe(demand.ownerLeaderId);
      expect(rows.enterprises.some((e) => e.visitId === visit.id && e.enterpriseId === demand.enterpriseId)).toBe(true);
    }
    expect(rows.visits.every((v) => isWorkingDay(calendar, v.visitOn).workingDay)).toBe(true);
  });

  it('gives nothing without leaders or enterprises', () => {
    expect(generateDemoVisits({ ...world('2026-06-17'), leaders: [] }).visits).toEqual([]);
    expect(generateDemoVisits({ ...world('2026-06-17'), enterprises: [] }).visits).toEqual([]);
  });
});
