import type { Confidentiality, DemandChannel, DemandStatus, Satisfaction } from '../demands/index.js';

/**
 * The facts of one demand that a monthly bulletin (月通报) is computed from. Days are zone days
 * (YYYY-MM-DD, Asia/Shanghai for the demo zone), already converted from the stored instants.
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
  /** Declined or closed. */
  closedOn: string | null;
  settledOn: string | null;
  /** The current deadline (after extensions and waiting) and whether it is provisional (暂定). */
  dueOn: string | null;
  dueProvisional: boolean;
  settledOnTime: boolean | null;
  extended: boolean;
  reopenCount: number;
  /** Closed with the enterprise's confirmation (resolved true/false), by default (默认确认), or neither. */
  resolved: boolean | null;
  confirmedByDefault: boolean;
  satisfaction: Satisfaction | null;
  confidentiality: Confidentiality;
};

/** The figures of one group (the whole zone, a department, a category, a channel) for one period. */
export type BulletinFigures = {
  received: number;
  accepted: number;
  settled: number;
  settledOnTime: number;
  /** Due in the period and late: settled after the deadline, or still open past it at the period's end (or as of today). */
  overdue: number;
  extended: number;
  reopened: number;
  /** settledOnTime / settled; null when nothing was settled. */
  onTimeRate: number | null;
  /** (满意 + 基本满意) / rated; null when nothing was rated. */
  satisfactionRate: number | null;
  /** Confirmed by the enterprise (not by default) / closed after settlement; null when none closed. */
  confirmationRate: number | null;
};

export type DepartmentRow = BulletinFigures & {
  departmentId: string;
  departmentName: string;
  /** 1-based rank by on-time rate (then settled, then name); null when below the minimum (listed, not ranked). */
  rank: number | null;
  /** Demands the department led in the month (what the minimum is compared with). */
  handled: number;
};

export type OverdueItem = {
  id: string;
  number: string;
  departmentId: string | null;
  departmentName: string | null;
  categoryName: string;
  dueOn: string;
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
  yearToDate: BulletinFigures;
  byDepartment: DepartmentRow[];
  byCategory: (BulletinFigures & { code: string; name: string })[];
  byChannel: (BulletinFigures & { channel: DemandChannel })[];
  overdueList: OverdueItem[];
  /** The minimum of demands a department needs in the month to be ranked. */
  minRanked: number;
};
