import Type from 'typebox';
import { CONFIDENTIALITY_LEVELS } from '../domain/demands/index.js';
import { IsoDate, IsoDateTime, StringEnum, Uuid } from './common.js';

/**
 * 数据看板 / 数据大屏: the leader's dashboard and the hall's large screen read one document,
 * GET /api/dashboard. Every figure uses the definitions of 诉求统计 (GET /api/demands/stats) and
 * 走访统计 (GET /api/visits/counts); months, weeks and days are the zone's.
 */

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'a fraction 0–1; null when there is nothing to divide by' }));
const Count = Type.Integer({ minimum: 0 });

export const DASHBOARD_MONTHS_DEFAULT = 12;
export const DASHBOARD_MONTHS_MAX = 36;
/** How many overdue demands the red list shows (its total counts them all). */
export const RED_LIST_SIZE = 20;
/** How many ISO weeks of visits the dashboard shows. */
export const VISIT_WEEKS = 12;

export const DashboardQuery = Type.Object(
  {
    months: Type.Optional(Type.Integer({
      minimum: 1, maximum: DASHBOARD_MONTHS_MAX, default: DASHBOARD_MONTHS_DEFAULT,
      description: `months of history, ending with the current month (1–${DASHBOARD_MONTHS_MAX})`,
    })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Type.Static<typeof DashboardQuery>;

/**
 * The demands received in one month (submitted that month, as 诉求统计's `received`), split by the
 * group their status is in now, so the four add up to `received` (one stacked bar):
 * handling 办理中 (submitted, accepted, assigned, in_progress, waiting — not past the deadline),
 * overdue 超期 (assigned or in progress past the deadline, as the list's overdue filter),
 * settled 已办结 (settled, closed), ended 不予受理·合并 (declined, merged).
 */
export const DashboardMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  from: IsoDate,
  to: IsoDate,
  received: Count,
  handling: Count,
  overdue: Count,
  settled: Count,
  ended: Count,
});
export type DashboardMonth = Type.Static<typeof DashboardMonth>;

/** 满意度: the demands closed in the month with the enterprise's rating (as 诉求统计's satisfaction rate). */
export const SatisfactionMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  from: IsoDate,
  to: IsoDate,
  satisfied: Count,
  basicallySatisfied: Count,
  dissatisfied: Count,
  rated: Count,
  rate: Rate,
});
export type SatisfactionMonth = Type.Static<typeof SatisfactionMonth>;

/** A lead department's demands settled this year and how many on time. */
export const DepartmentOnTime = Type.Object({
  departmentId: Uuid,
  departmentName: Type.String(),
  received: Count,
  settled: Count,
  settledOnTime: Count,
  onTimeRate: Rate,
  /** false: fewer settled demands than the zone's minimum (bulletin_min_ranked): shown, not ranked. */
  ranked: Type.Boolean(),
});
export type DepartmentOnTime = Type.Static<typeof DepartmentOnTime>;

/** Demands received this year in one category. */
export const CategoryShare = Type.Object({
  categoryCode: Type.String(),
  categoryName: Type.String(),
  received: Count,
});
export type CategoryShare = Type.Static<typeof CategoryShare>;

/** 超期红榜: a demand being handled past its deadline. */
export const RedListItem = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  /** 公开 public, 脱敏公开 anonymised, 不公开 private: the hall's screen shows the category instead of the title unless public. */
  confidentiality: StringEnum(CONFIDENTIALITY_LEVELS),
  enterpriseName: Type.String(),
  categoryName: Type.String(),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  dueOn: IsoDate,
  /** Calendar days since the deadline day. */
  daysOverdue: Type.Integer({ minimum: 1 }),
  /** Working days past the deadline (as the list's countdown); null when the calendar lacks the year. */
  workingDaysOverdue: Nullable(Type.Integer({ minimum: 1 })),
  escalationLevel: Type.Integer({ description: '0 none, 1 coordinator, 2 leader' }),
});
export type RedListItem = Type.Static<typeof RedListItem>;

/** Done visits and enterprise-visits (家次) of one ISO week. */
export const VisitWeek = Type.Object({
  week: Type.String({ description: 'ISO week, e.g. 2026-W12' }),
  monday: IsoDate,
  sunday: IsoDate,
  visits: Count,
  enterpriseVisits: Count,
});
export type VisitWeek = Type.Static<typeof VisitWeek>;

/** The large screen's big numbers; "this year" = 1 January to today. */
export const DashboardHeadline = Type.Object({
  enterprises: Count,
  received: Count,
  settled: Count,
  settledOnTime: Count,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  visits: Count,
  enterpriseVisits: Count,
  /** Being handled past the deadline now (the red list's total). */
  overdueNow: Count,
  /** 督办: escalated demands still being handled. */
  openEscalations: Count,
});
export type DashboardHeadline = Type.Static<typeof DashboardHeadline>;

export const Dashboard = Type.Object({
  zoneName: Type.String(),
  /** The zone's IANA time zone (the large screen's clock). */
  timeZone: Type.String(),
  today: IsoDate,
  /** 1 January of the current year: the start of every "this year" figure. */
  yearFrom: IsoDate,
  generatedAt: IsoDateTime,
  /** The zone's minimum of settled demands for a department to be ranked (bulletin_min_ranked). */
  minRanked: Count,
  headline: DashboardHeadline,
  months: Type.Array(DashboardMonth),
  satisfaction: Type.Array(SatisfactionMonth),
  departments: Type.Array(DepartmentOnTime),
  categories: Type.Array(CategoryShare),
  redList: Type.Object({ items: Type.Array(RedListItem), total: Count }),
  visitWeeks: Type.Array(VisitWeek),
});
export type Dashboard = Type.Static<typeof Dashboard>;
