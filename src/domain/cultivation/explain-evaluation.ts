/**
 * Puts words on an Evaluation, in Chinese and English, for every scheme and rule version: the
 * evaluation is structured data (keys and numbers, computed 200,000 a second in a batch); the
 * words come from the rule version's SchemeDefinition (found by scheme + rulesVersion), the
 * profile-field labels and the unconfirmed-rule notes. Used by the server's JSON, the CLI and the
 * browser, so all three say the same thing.
 *
 * Formatting follows the metric's unit (format-metric.ts): 万元, percentages with at most two
 * decimals, 是/否, band words for levels (a 'level' value is its band's index).
 *
 * A gap's target is the bound of the band to reach; when the zone reads band edges as belonging to
 * the lower band (config.boundaryTakesHigherBand = false), reaching the bound is not enough, so
 * the text of a ratio or money gap says "超过 / above" (or "低于 / below" when lower is better).
 */
import type { CategoryScore, ConditionResult, Evaluation, Gap, IndicatorScore, MetricUnit, SchemeDefinition, Words } from './cultivation-evaluation.js';
import { DEFAULT_CULTIVATION_CONFIG, UNCONFIRMED_READING_NOTES, UNCONFIRMED_RULE_NOTES, type CultivationConfig, type UnconfirmedReading, type UnconfirmedRule } from './cultivation-config.js';
import type { ProfileField } from './cultivation-profile.js';
import { definitionFor } from './evaluate-cultivation.js';
import { formatMetric } from './format-metric.js';
import { profileFieldLabel } from './profile-field-labels.js';

export interface ExplainedCategory extends CategoryScore {
  label: Words;
  /** e.g. 创新能力 15/40 分（不低于20分） */
  text: Words;
}

export interface ExplainedIndicator extends IndicatorScore {
  label: Words;
  categoryLabel: Words;
  /** the words of the band reached; null when missing */
  bandLabel: Words | null;
  /** the value in its unit (2.6%, 500万元, 是); null when missing or uncomputable */
  formattedValue: Words | null;
  /** e.g. 2.6%，2%–3%，得10分（满分20分）; or what is missing */
  reason: Words;
  /** the value could not be computed although its inputs are present (a denominator ≤ 0) */
  uncomputable: boolean;
}

export interface ExplainedCondition extends ConditionResult {
  label: Words;
  formattedValue: Words | null;
  formattedThreshold: Words | null;
  /** met or not, value against threshold, or which inputs are missing */
  reason: Words;
}

export interface ExplainedGap extends Gap {
  label: Words;
  /** e.g. 研发费用占营业收入比重 2.6% → 3%：+5分（创新能力） */
  text: Words;
}

export interface ExplainedField {
  field: ProfileField;
  label: Words;
}

export interface ExplainedNote {
  key: string;
  note: Words;
}

/** An Evaluation with all its fields, and the words that explain it. */
export interface ExplainedEvaluation extends Omit<Evaluation, 'categories' | 'indicators' | 'conditions' | 'gaps'> {
  schemeLabel: Words;
  /** the official document of the rule version */
  source: Words;
  outcomeLabel: Words;
  routeLabel: Words | null;
  /** one sentence: 符合创新型中小企业评价标准（评分 72 分，路径：评分） / 未通过…：… / 尚不能判定…：缺少… */
  summary: Words;
  passMark: number | null;
  maxTotal: number | null;
  categories: ExplainedCategory[];
  indicators: ExplainedIndicator[];
  conditions: ExplainedCondition[];
  gaps: ExplainedGap[];
  /** `missing` with the fields' names */
  missingFields: ExplainedField[];
  /** what the UI says about each unconfirmed rule the evaluation applied */
  unconfirmedNotes: ExplainedNote[];
}

export class UnknownRulesVersionError extends RangeError {}

const SCHEME_WORDS: Record<Evaluation['scheme'], { name: Words; standard: Words }> = {
  'innovative-sme': { name: { zh: '创新型中小企业', en: 'innovative SME' }, standard: { zh: '评价标准', en: 'evaluation standard' } },
  'specialised-sme': { name: { zh: '专精特新中小企业', en: 'specialised SME (专精特新)' }, standard: { zh: '认定标准', en: 'recognition standard' } },
  'little-giant': { name: { zh: '专精特新“小巨人”企业', en: '“little giant” (专精特新“小巨人”)' }, standard: { zh: '认定标准', en: 'recognition standard' } },
};

const OUTCOME_WORDS: Record<Evaluation['outcome'], Words> = {
  qualified: { zh: '符合', en: 'qualified' },
  'not-qualified': { zh: '不符合', en: 'not qualified' },
  incomplete: { zh: '待补充数据', en: 'incomplete' },
};

const MET: Words = { zh: '满足', en: 'met' };
const NOT_MET: Words = { zh: '不满足', en: 'not met' };
const UNKNOWN: Words = { zh: '无法判断', en: 'cannot tell' };

/**
 * The evaluation with words in Chinese and English. Throws UnknownRulesVersionError when no rule
 * version of the scheme has the evaluation's rulesVersion (a stored evaluation from rules this
 * build does not know). `config` decides how a gap's target is worded (see the file comment).
 */
export function explainEvaluation(evaluation: Evaluation, config: CultivationConfig = DEFAULT_CULTIVATION_CONFIG): ExplainedEvaluation {
  const def = definitionFor(evaluation.scheme, evaluation.rulesVersion);
  if (!def) throw new UnknownRulesVersionError(`no rules ${evaluation.rulesVersion} for ${evaluation.scheme}`);

  const categories = evaluation.categories.map((c) => explainCategory(def, c));
  const indicators = evaluation.indicators.map((i) => explainIndicator(def, i, config));
  const conditions = evaluation.conditions.map((c) => explainCondition(def, c));
  const gaps = evaluation.gaps.map((g) => explainGap(def, evaluation, g, config));
  const missingFields = evaluation.missing.map((field) => ({ field, label: profileFieldLabel(field) }));
  const unconfirmedNotes: ExplainedNote[] = [];
  for (const key of evaluation.unconfirmed) {
    const note = ({ ...UNCONFIRMED_RULE_NOTES, ...UNCONFIRMED_READING_NOTES } as Partial<Record<string, Words>>)[key];
    if (note) unconfirmedNotes.push({ key: key as UnconfirmedRule | UnconfirmedReading, note });
  }
  const routeLabel = evaluation.route === null ? null : routeWords(def, evaluation.route);

  return {
    ...evaluation,
    schemeLabel: SCHEME_WORDS[evaluation.scheme].name,
    source: def.source,
    outcomeLabel: OUTCOME_WORDS[evaluation.outcome],
    routeLabel,
    summary: summarise(def, evaluation, categories, conditions, indicators, missingFields),
    passMark: def.passMark,
    maxTotal: def.maxTotal,
    categories,
    indicators,
    conditions,
    gaps,
    missingFields,
    unconfirmedNotes,
  };
}

function routeWords(def: SchemeDefinition, route: 'direct' | 'score'): Words {
  if (route === 'direct') return { zh: '直接认定', en: 'direct qualification' };
  return def.passMark !== null ? { zh: '评分', en: 'score' } : { zh: '满足各项条件', en: 'all conditions met' };
}

const keyWords = (key: string): Words => ({ zh: key, en: key });

function explainCategory(def: SchemeDefinition, c: CategoryScore): ExplainedCategory {
  const label = def.categories[c.key] ?? keyWords(c.key);
  const points = c.points === null ? '—' : fmt(c.points);
  const minZh = c.minimum === null ? '' : `（不低于${fmt(c.minimum)}分）`;
  const minEn = c.minimum === null ? '' : ` (at least ${fmt(c.minimum)})`;
  return { ...c, label, text: { zh: `${label.zh} ${points}/${fmt(c.max)}分${minZh}`, en: `${label.en} ${points}/${fmt(c.max)}${minEn}` } };
}

function explainIndicator(def: SchemeDefinition, i: IndicatorScore, config: CultivationConfig): ExplainedIndicator {
  const d = def.indicators[i.key];
  // the province's 特色化 indicators are keyed and named by the zone's configuration
  const provincial = d ? undefined : config.provincialIndicators.find((p) => p.key === i.key);
  const label = d ? { zh: d.zh, en: d.en } : provincial ? provincial.label : keyWords(i.key);
  const category = def.categories[i.category] ?? keyWords(i.category);
  const bandLabel = i.band === null ? null : (d?.bands[i.band] ?? null);
  const unit = d?.unit ?? 'count';
  const formattedValue = i.value === null ? null : unit === 'level' && bandLabel ? bandLabel : formatMetric(i.value, unit, d?.bands);
  const uncomputable = i.points === null && i.value === null && i.missing.length === 0;
  let reason: Words;
  if (i.missing.length) {
    const f = fieldList(i.missing);
    reason = { zh: `缺少数据：${f.zh}`, en: `missing: ${f.en}` };
  } else if (uncomputable) {
    reason = { zh: '无法计算（分母为零或负数），需人工核定', en: 'cannot be computed (a denominator is zero or negative); for the officer to assess' };
  } else {
    const parts: Words[] = [];
    if (formattedValue && unit !== 'level') parts.push(formattedValue);
    if (bandLabel) parts.push(bandLabel);
    const pts = i.points === null ? null : fmt(i.points);
    const zh = parts.map((p) => p.zh).join('，');
    const en = parts.map((p) => p.en).join(', ');
    reason = {
      zh: `${zh}${zh ? '，' : ''}得${pts ?? '—'}分（满分${fmt(i.max)}分）`,
      en: `${en}${en ? ': ' : ''}${pts ?? '—'} of ${fmt(i.max)} points`,
    };
  }
  return { ...i, label, categoryLabel: category, bandLabel, formattedValue, reason, uncomputable };
}

function explainCondition(def: SchemeDefinition, c: ConditionResult): ExplainedCondition {
  const d = def.conditions[c.key];
  const label = d ? { zh: d.zh, en: d.en } : keyWords(c.key);
  const unit: MetricUnit = d?.unit ?? 'count';
  const formattedValue = c.value === null ? null : formatMetric(c.value, unit);
  const formattedThreshold = c.threshold === null ? null : formatMetric(c.threshold, unit);
  const head = c.met === true ? MET : c.met === false ? NOT_MET : UNKNOWN;
  let zh = head.zh;
  let en = head.en;
  if (c.met === null) {
    if (c.missing.length) {
      const f = fieldList(c.missing);
      zh += `：缺少${f.zh}`;
      en += `: missing ${f.en}`;
    } else {
      zh += '，需人工核定';
      en += '; for the officer to assess';
    }
  }
  const detailZh: string[] = [];
  const detailEn: string[] = [];
  if (formattedValue) {
    detailZh.push(`实际 ${formattedValue.zh}`);
    detailEn.push(`actual ${formattedValue.en}`);
  }
  if (formattedThreshold) {
    detailZh.push(`标准 ${formattedThreshold.zh}`);
    detailEn.push(`required ${formattedThreshold.en}`);
  }
  if (detailZh.length && (formattedValue || c.met !== true)) {
    zh += `（${detailZh.join('，')}）`;
    en += ` (${detailEn.join(', ')})`;
  }
  return { ...c, label, formattedValue, formattedThreshold, reason: { zh, en } };
}

function explainGap(def: SchemeDefinition, e: Evaluation, g: Gap, config: CultivationConfig): ExplainedGap {
  const d = g.kind === 'indicator' ? def.indicators[g.key] : def.conditions[g.key];
  const label = d ? { zh: d.zh, en: d.en } : keyWords(g.key);
  const unit: MetricUnit = d?.unit ?? 'count';
  const bands = g.kind === 'indicator' ? def.indicators[g.key]?.bands : undefined;
  const ind = g.kind === 'indicator' ? e.indicators.find((i) => i.key === g.key) : undefined;
  // a 'level' is shown by its band words only when its value is the band index (the convention);
  // a level that is some other number (e.g. a digitalisation level 1–4) is shown as that number
  const byBand = unit === 'level' && ind !== undefined && ind.value !== null && ind.value === ind.band;
  const from = g.from === null ? null : formatMetric(g.from, byBand ? 'level' : unit === 'level' ? 'count' : unit, bands);
  let to = formatMetric(g.to, byBand ? 'level' : unit === 'level' ? 'count' : unit, bands);
  if (!config.boundaryTakesHigherBand && g.kind === 'indicator' && (unit === 'ratio' || unit === 'yuan')) {
    const lower = g.from !== null && g.to < g.from;
    to = lower ? { zh: `低于${to.zh}`, en: `below ${to.en}` } : { zh: `超过${to.zh}`, en: `above ${to.en}` };
  }
  const arrowZh = from === null ? `达到 ${to.zh}` : `${from.zh} → ${to.zh}`;
  const arrowEn = from === null ? `reach ${to.en}` : `${from.en} → ${to.en}`;
  if (g.points === null) return { ...g, label, text: { zh: `${label.zh} ${arrowZh}`, en: `${label.en} ${arrowEn}` } };
  const cat = ind ? (def.categories[ind.category] ?? null) : null;
  return {
    ...g,
    label,
    text: {
      zh: `${label.zh} ${arrowZh}：+${fmt(g.points)}分${cat ? `（${cat.zh}）` : ''}`,
      en: `${label.en} ${arrowEn}: +${fmt(g.points)} ${g.points === 1 ? 'point' : 'points'}${cat ? ` (${cat.en})` : ''}`,
    },
  };
}

const LIST_SEP: Words = { zh: '、', en: '; ' };

function fieldList(fields: readonly string[]): Words {
  const labels = fields.map(profileFieldLabel);
  return { zh: labels.map((l) => l.zh).join(LIST_SEP.zh), en: labels.map((l) => l.en).join(LIST_SEP.en) };
}

function fmt(n: number): string {
  return formatMetric(n, 'count').zh;
}

/** At most this many reasons in a summary; the rest are counted. */
const SUMMARY_REASONS = 3;

function summarise(
  def: SchemeDefinition,
  e: Evaluation,
  categories: ExplainedCategory[],
  conditions: ExplainedCondition[],
  indicators: ExplainedIndicator[],
  missing: ExplainedField[],
): Words {
  const scheme = SCHEME_WORDS[e.scheme];
  const titleZh = `${scheme.name.zh}${scheme.standard.zh}`;
  const titleEn = `the ${scheme.name.en} ${scheme.standard.en}`;
  if (e.outcome === 'qualified') {
    const route = routeWords(def, e.route ?? 'score');
    const score = e.route === 'score' && e.total !== null && def.passMark !== null;
    return {
      zh: `符合${titleZh}（${score ? `评分 ${fmt(e.total!)} 分，` : ''}路径：${route.zh}）`,
      en: `Meets ${titleEn} (${score ? `score ${fmt(e.total!)}, ` : ''}route: ${route.en})`,
    };
  }
  if (e.outcome === 'incomplete') {
    const uncomputable = indicators.filter((i) => i.uncomputable);
    const partsZh: string[] = [];
    const partsEn: string[] = [];
    if (missing.length) {
      partsZh.push(`缺少${missing.map((m) => m.label.zh).join(LIST_SEP.zh)}`);
      partsEn.push(`missing ${missing.map((m) => m.label.en).join(LIST_SEP.en)}`);
    }
    if (uncomputable.length) {
      partsZh.push(`${uncomputable.map((i) => i.label.zh).join(LIST_SEP.zh)}无法计算，需人工核定`);
      partsEn.push(`${uncomputable.map((i) => i.label.en).join(LIST_SEP.en)} cannot be computed and needs the officer`);
    }
    if (!partsZh.length) {
      partsZh.push('部分条件需人工核定');
      partsEn.push('some conditions need the officer');
    }
    return { zh: `尚不能判定是否符合${titleZh}：${partsZh.join('；')}`, en: `Cannot yet tell whether it meets ${titleEn}: ${partsEn.join('; ')}` };
  }
  // not qualified: the failed conditions (not the direct routes, which are alternatives), then the score
  const zh: string[] = [];
  const en: string[] = [];
  for (const c of conditions) {
    if (c.met !== false || c.group === 'direct' || (c.group === 'score' && def.passMark !== null)) continue;
    const detailZh = c.formattedValue && c.formattedThreshold ? `（${c.formattedValue.zh}，要求 ${c.formattedThreshold.zh}）` : '';
    const detailEn = c.formattedValue && c.formattedThreshold ? ` (${c.formattedValue.en}, required ${c.formattedThreshold.en})` : '';
    zh.push(`不满足“${c.label.zh}”${detailZh}`);
    en.push(`not met: ${c.label.en}${detailEn}`);
  }
  if (def.passMark !== null && e.total !== null && e.total < def.passMark) {
    zh.push(`评分 ${fmt(e.total)} 分，未达到 ${fmt(def.passMark)} 分`);
    en.push(`score ${fmt(e.total)}, below ${fmt(def.passMark)}`);
  }
  for (const c of categories) {
    if (c.met !== false || c.minimum === null) continue;
    zh.push(`${c.label.zh} ${c.points === null ? '—' : fmt(c.points)} 分，低于最低要求 ${fmt(c.minimum)} 分`);
    en.push(`${c.label.en} ${c.points === null ? '—' : fmt(c.points)}, below the minimum ${fmt(c.minimum)}`);
  }
  const more = zh.length - SUMMARY_REASONS;
  const listZh = zh.slice(0, SUMMARY_REASONS).join('；') + (more > 0 ? `等${zh.length}项` : '');
  const listEn = en.slice(0, SUMMARY_REASONS).join('; ') + (more > 0 ? ` and ${more} more` : '');
  return {
    zh: `未通过${titleZh}${listZh ? `：${listZh}` : ''}`,
    en: `Does not meet ${titleEn}${listEn ? `: ${listEn}` : ''}`,
  };
}
