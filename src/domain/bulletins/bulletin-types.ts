import type { Confidentiality, DemandChannel, DemandStatus, Satisfaction } from '../demands/index.js';

/**
 * The facts of one demand that a monthly bulletin (月通报) is computed from, as they stand on the
 * zone's today. Days are zone days (YYYY-MM-DD, Asia/Shanghai for the demo zone), already
 * converted from the stored instants. What each figure counts: compute-bulletin-figures.ts.
 */
export type DemandFact = {
  id: string;
  number: string;
  status: DemandStatus;
  channel: DemandChannel;
  categoryCode: string;
  categoryName: string;
  leadDepartmentId: string | null;
  leadDepartmentName: string | null;
  submittedOn: string;
  acceptedOn: string | null;
  /** Closed (after settlement), declined or merged: the day the demand ended. */
  closedOn: string | null;
  /** The current settlement; a reopened demand has none until it is settled again. */
  settledOn: string | null;
  /** The current deadline (after extensions and waiting) and whether it is provisional (暂定). */
  dueOn: string | null;
  dueProvisional: boolean;
  /** Of the current settlement: on or before dueOn; null while not settled. */
  settledOnTime: boolean | null;
  extended: boolean;
  reopenCount: number;
  /** Closed with the enterprise's confirmation (resolved true/false), by default (默认确认), or neither. */
  resolved: boolean | null;
  confirmedByDefault: boolean;
  satisfaction: Satisfaction | null;
  confidentiality: Confidentiality;
};

/**
 * The figures of one group (the whole zone, a department, a category, a channel) for one period.
 * The definitions (the same as the 诉求统计 page's) are in compute-bulletin-figures.ts.
 */
export type BulletinFigures = {
  received: number;
  accepted: number;
  /** Declined (不予受理) in the period: received but never settled. */
  declined: number;
  settled: number;
  settledOnTime: number;
  /** Due in the period and late: settled after the deadline, or still being handled past it as of today. */
  overdue: number;
  extended: number;
  reopened: number;
  /** settledOnTime / settled; null when nothing was settled. */
  onTimeRate: number | null;
  /** (满意 + 基本满意) / rated, of the demands closed in the period; null when none was rated. */
  satisfactionRate: number | null;
  /** Confirmed by the enterprise (not by default) / closed after settlement in the period; null when none closed. */
  confirmationRate: number | null;
};

export type DepartmentRow = BulletinFigures & {
  departmentId: string;
  departmentName: string;
  /**
   * Competition rank (1, 2, 2, 4) by on-time rate, then settled; null when listed but not ranked:
   * fewer than `minRanked` demands handled in the month, or nothing settled (no rate to rank by).
   */
  rank: number | null;
  /** Demands the department led that belong to the month (what the minimum is compared with). */
  handled: number;
};

export type OverdueItem = {
  id: string;
  number: string;
  departmentId: string | null;
  departmentName: string | null;
  categoryName: string;
  dueOn: string;
  /** The deadline was computed on a provisional calendar year and may still move: flag it. */
  dueProvisional: boolean;
  /** Still open, or settled late. */
  state: 'open' | 'settled-late';
};

export type BulletinStats = {
  month: string;
  /** The day the figures are as of: the month's last day, or today while the month is running. */
  asOf: string;
  totals: BulletinFigures;
  previousMonth: BulletinFigures;
  /** January 1 to the end of the month. */
  yearToDate: BulletinFigures;
  /** Ranked departments first (by rank, then name), then the unranked ones. */
  byDepartment: DepartmentRow[];
  /** Most received first. */
  byCategory: (BulletinFigures & { code: string; name: string })[];
  /** Every channel, in the order of DEMAND_CHANNELS. */
  byChannel: (BulletinFigures & { channel: DemandChannel })[];
  /** Sorted by due day, then number. */
  overdueList: OverdueItem[];
  /** The minimum of demands a department needs in the month to be ranked. */
  minRanked: number;
};
