import { toDayNumber } from '../calendar/index.js';
import type { VisitStatus } from './visit-vocabulary.js';

export type CountVisitsInput = {
  visits: readonly { id: string; themeId: string | null; enterpriseIds: readonly string[]; status: VisitStatus; date: string }[];
  /**
   * The problems the visits dealt with: every demand gathered for or raised in a visit (linked to it,
   * whatever its channel; a merged one counts in the demand it was merged into) and every problem
   * answered on the spot, each with its category's name and current state.
   */
  demands: readonly { visitId: string; categoryName: string; settled: boolean; settledOnTime: boolean | null }[];
  /** The period (YYYY-MM-DD, inclusive), on the visit's date. */
  from: string;
  to: string;
  /** Only visits of this theme when given. */
  themeId?: string;
};

export type CategoryCount = { name: string; raised: number; settled: number };

export type VisitCounts = {
  /** 走访次数: done visits in the period. */
  visits: number;
  /** 服务企业家（次）: one per enterprise per done visit (glossary: enterprise-visit). */
  enterpriseVisits: number;
  /** Enterprises seen at least once. */
  distinctEnterprises: number;
  /** Problems gathered for or raised in those visits. */
  demandsRaised: number;
  /** Of them, settled (协调解决) so far. */
  settled: number;
  /** Of them, settled on or before their deadline. */
  settledOnTime: number;
  /** Per demand category, most raised first (ties keep the order of first appearance). */
  byCategory: CategoryCount[];
};

/**
 * The programme's figures for a period and, optionally, a theme, as the seed reports them
 * ("共开展走访61次，服务企业210家（次），协调解决……各类问题166个"). Only done visits count; planned
 * and cancelled ones do not, nor do their demands. An enterprise listed twice in one visit counts
 * once. Demands count with their state as given (a demand raised in March and settled in April
 * counts as settled in a March report drawn up in May).
 *
 * @throws RangeError for a malformed date or from after to.
 */
export function countVisits(input: CountVisitsInput): VisitCounts {
  const { from, to, themeId } = input;
  if (toDayNumber(from) > toDayNumber(to)) throw new RangeError(`起始日期 ${from} 晚于截止日期 ${to}`);

  const visits = input.visits.filter(
    (visit) => visit.status === 'done' && visit.date >= from && visit.date <= to && (themeId === undefined || visit.themeId === themeId),
  );
  const visitIds = new Set(visits.map((visit) => visit.id));
  const demands = input.demands.filter((demand) => visitIds.has(demand.visitId));

  const byName = new Map<string, CategoryCount>();
  for (const demand of demands) {
    const category = byName.get(demand.categoryName) ?? { name: demand.categoryName, raised: 0, settled: 0 };
    category.raised += 1;
    if (demand.settled) category.settled += 1;
    byName.set(demand.categoryName, category);
  }

  return {
    visits: visits.length,
    enterpriseVisits: visits.reduce((sum, visit) => sum + new Set(visit.enterpriseIds).size, 0),
    distinctEnterprises: new Set(visits.flatMap((visit) => visit.enterpriseIds)).size,
    demandsRaised: demands.length,
    settled: demands.filter((demand) => demand.settled).length,
    settledOnTime: demands.filter((demand) => demand.settled && demand.settledOnTime === true).length,
    byCategory: [...byName.values()].sort((a, b) => b.raised - a.raised),
  };
}

/**
 * The seed's sentence, generated from the counts: "共开展走访61次，服务企业210家（次），协调解决产证办理、
 * 竣工验收、厂房土地、资金贷款、配套服务等各类问题166个". The categories named are those with a settled
 * demand, in the order of `byCategory`, at most `maxCategories` (the seed names five); with none,
 * "协调解决各类问题0个". No closing punctuation, so the sentence can be embedded.
 */
export function formatVisitSentence(counts: VisitCounts, options: { maxCategories?: number } = {}): string {
  const named = counts.byCategory.filter((category) => category.settled > 0).slice(0, options.maxCategories ?? 5);
  const problems = named.length > 0 ? `${named.map((category) => category.name).join('、')}等各类问题` : '各类问题';
  return `共开展走访${counts.visits}次，服务企业${counts.enterpriseVisits}家（次），协调解决${problems}${counts.settled}个`;
}
