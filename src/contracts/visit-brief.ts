import Type from 'typebox';
import { HALF_DAYS, VISIT_STATUSES } from '../domain/visits/index.js';
import { QUALIFICATION_KIND_KEYS } from './enterprises.js';
import { CULTIVATION_SCHEMES } from '../domain/cultivation/cultivation-evaluation.js';
import { DemandSummary } from './demands.js';
import { IsoDate, StringEnum, Uuid } from './common.js';

/**
 * 走访简报 (问需于企): what the leader reads before a visit, one section per enterprise of the
 * visit in the visit's order. GET /api/visits/:id/brief returns it; /brief.docx prints it.
 */

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Named = Type.Object({ id: Uuid, name: Type.String() });
const Num = Nullable(Type.Number());

/** How many years of figures the brief shows, how far back "recently settled" reaches, and the qualification warning window. */
export const BRIEF_FIGURE_YEARS = 3;
export const BRIEF_SETTLED_DAYS = 90;
export const BRIEF_EXPIRY_MONTHS = 6;
export const BRIEF_PREVIOUS_VISITS = 3;

export const TRENDS = ['up', 'down', 'flat'] as const;
export type Trend = (typeof TRENDS)[number];

/** Change on the year before; null when either year is not reported. `percent` is null when the year before was 0. */
export const FigureChange = Type.Object({
  trend: StringEnum(TRENDS),
  percent: Nullable(Type.Number({ description: 'relative change in %, one decimal' })),
});
export type FigureChange = Type.Static<typeof FigureChange>;

/** The R&D ratio's change, in percentage points. */
export const RatioChange = Type.Object({
  trend: StringEnum(TRENDS),
  points: Type.Number({ description: 'difference in percentage points, two decimals' }),
});
export type RatioChange = Type.Static<typeof RatioChange>;

/** One year of an enterprise's figures. Null = not reported (shown as missing, never as 0). Money in yuan. */
export const BriefFigureYear = Type.Object({
  year: Type.Integer(),
  /** Whether the enterprise reported anything for this year. */
  reported: Type.Boolean(),
  employees: Num,
  revenue: Num,
  rdExpense: Num,
  /** R&D expense as a percentage of revenue (e.g. 4.56 = 4.56%); null when either is missing or revenue is 0. */
  rdRatio: Num,
  ipInvention: Num,
  ipUtilityModel: Num,
  ipDesign: Num,
  ipSoftware: Num,
  ipOther: Num,
  /** The sum of the IP counts reported; null when none is reported. */
  ipTotal: Num,
  changes: Type.Object({
    employees: Nullable(FigureChange),
    revenue: Nullable(FigureChange),
    rdExpense: Nullable(FigureChange),
    rdRatio: Nullable(RatioChange),
    ipTotal: Nullable(FigureChange),
  }),
});
export type BriefFigureYear = Type.Static<typeof BriefFigureYear>;

/** A demand of the enterprise, as lists show it, with what the brief adds. */
export const BriefDemand = Type.Object({
  ...DemandSummary.properties,
  /** Linked to this visit (demands.visit_id): gathered for it (问需于企) or raised in it. */
  gathered: Type.Boolean(),
  /** Settled demands: the day (zone time) and the start of the answer. */
  settledOn: Nullable(IsoDate),
  answerSummary: Nullable(Type.String()),
});
export type BriefDemand = Type.Static<typeof BriefDemand>;

export const BriefQualification = Type.Object({
  kind: StringEnum(QUALIFICATION_KIND_KEYS),
  name: Nullable(Type.String()),
  certificateNo: Nullable(Type.String()),
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  /** Valid today but ends within BRIEF_EXPIRY_MONTHS months. */
  expiringSoon: Type.Boolean(),
});
export type BriefQualification = Type.Static<typeof BriefQualification>;

export const BriefPreviousVisit = Type.Object({
  id: Uuid,
  number: Type.String(),
  visitOn: IsoDate,
  halfDay: StringEnum(HALF_DAYS),
  leaderName: Type.String(),
  themeName: Nullable(Type.String()),
  /** Problems raised by this enterprise at that visit's on-site office. */
  problemCount: Type.Integer(),
});
export type BriefPreviousVisit = Type.Static<typeof BriefPreviousVisit>;

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

/** The enterprise on the 梯度培育 ladder (evaluateLadder on the brief's day). */
export const BriefCultivation = Type.Object({
  on: IsoDate,
  /** tiers whose title the enterprise holds */
  held: Type.Array(StringEnum(CULTIVATION_SCHEMES)),
  /** tiers it qualifies for by evaluation and does not hold: worth applying */
  qualifiesFor: Type.Array(StringEnum(CULTIVATION_SCHEMES)),
  /** the first tier neither held nor qualified for, with what it lacks */
  nextTier: Nullable(Type.Object({
    scheme: StringEnum(CULTIVATION_SCHEMES),
    summary: Words,
    total: Nullable(Type.Number()),
    passMark: Nullable(Type.Number()),
    gaps: Type.Array(Words),
    missing: Type.Array(Words),
    /** qualifies for the tier below by evaluation but does not hold it: apply for that first */
    lowerTierToApplyFor: Nullable(StringEnum(CULTIVATION_SCHEMES)),
    /** the lower title is the only thing missing */
    onlyLowerTierMissing: Type.Boolean(),
  })),
});
export type BriefCultivation = Type.Static<typeof BriefCultivation>;

export const BriefEnterprise = Type.Object({
  profile: Type.Object({
    id: Uuid,
    name: Type.String(),
    uscc: Type.String(),
    legalRepresentative: Nullable(Type.String()),
    /** GB/T 4754 大类 name (or 门类 when no division), null when unknown. */
    industry: Nullable(Type.String()),
    address: Nullable(Type.String()),
    foundedOn: Nullable(IsoDate),
    aboveScale: Type.Boolean(),
    cadre: Nullable(Named),
    /** 包联领导. */
    leader: Nullable(Named),
    themes: Type.Array(Type.String()),
    contact: Nullable(Type.Object({ name: Type.String(), title: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  }),
  /** BRIEF_FIGURE_YEARS years, oldest first. */
  figures: Type.Array(BriefFigureYear),
  /** Not yet settled (submitted … waiting): the ones gathered into the visit first, then by deadline. */
  openDemands: Type.Array(BriefDemand),
  /** Settled in the last BRIEF_SETTLED_DAYS days (and any settled one gathered into this visit), newest first. */
  settledDemands: Type.Array(BriefDemand),
  gatheredCount: Type.Integer(),
  /** Qualifications valid today. */
  qualifications: Type.Array(BriefQualification),
  /**
   * 可申报资质 / 匹配政策: where the enterprise stands on the cultivation ladder today (its
   * profile built from its figures, titles and last accepted self-assessment); matching policies
   * wait for the policies module (`pendingModules`).
   */
  prospects: Type.Object({
    available: Type.Boolean(),
    pendingModules: Type.Array(StringEnum(['cultivation', 'policies'] as const)),
    cultivation: Nullable(BriefCultivation),
  }),
  /** The last BRIEF_PREVIOUS_VISITS done visits before this one, newest first. */
  previousVisits: Type.Array(BriefPreviousVisit),
});
export type BriefEnterprise = Type.Static<typeof BriefEnterprise>;

export const VisitBrief = Type.Object({
  visit: Type.Object({
    id: Uuid,
    number: Type.String(),
    visitOn: IsoDate,
    halfDay: StringEnum(HALF_DAYS),
    status: StringEnum(VISIT_STATUSES),
    leader: Named,
    theme: Nullable(Type.Object({ id: Uuid, name: Type.String(), guidingQuestions: Type.Array(Type.String()) })),
    purpose: Nullable(Type.String()),
    departments: Type.Array(Named),
    cadres: Type.Array(Named),
  }),
  /** The zone's day the brief was assembled on (countdowns and validity are judged on it). */
  generatedOn: IsoDate,
  /** The windows the brief was assembled with: settled in the last `settledDays` days, expiring within `expiryMonths` months. */
  windows: Type.Object({ settledDays: Type.Integer(), expiryMonths: Type.Integer() }),
  enterprises: Type.Array(BriefEnterprise),
});
export type VisitBrief = Type.Static<typeof VisitBrief>;
