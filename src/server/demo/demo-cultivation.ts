import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../platform/context.js';
import type { SystemActor } from '../../domain/identity/actor.js';
import type { CultivationScheme, EvaluationPurpose } from '../../domain/cultivation/cultivation-evaluation.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import { evaluateCultivation } from '../../domain/cultivation/evaluate-cultivation.js';
import { computeTitleValidity } from '../../domain/cultivation/compute-title-validity.js';
import { recordAudit } from '../audit/audit.service.js';
import { mapUsccToIds } from '../enterprises/enterprises.repository.js';
import { zoneCultivationConfig } from '../cultivation/cultivation-settings.service.js';
import { loadProfileSources, profileFromSources, profileSourceOptions } from '../cultivation/cultivation-profile-source.repository.js';
import { insertAssessment } from '../cultivation/cultivation-assessments.repository.js';
import {
  countDemoLists, insertEntries, insertEntryRows, insertList, listTierTitleRows, updateListQualifications,
} from '../cultivation/cultivation-lists.repository.js';
import { demoEnterprises } from './demo-data.js';

/**
 * The demo zone's tiered cultivation (梯度培育), loaded once (when the zone has no demo list yet),
 * inside loadDemo's transaction:
 *
 * - official lists of the three tiers from 2023 to 2026, so that the running count (累计认定) has
 *   a history: innovative SMEs every June, 专精特新 each December, one 小巨人 list; the titles
 *   the demo enterprises already hold (demo-data.ts) are the entries of the lists of their date,
 *   the others are given by the lists; the 2023 innovative titles lapse in June 2026 and half of
 *   them are renewed by the 2026 list;
 * - the demo enterprise user's enterprise (崧原半导体, with its 2023–2025 figures from
 *   demo-data.ts, so the self-assessment's prefill is full) gets two self-assessments: an
 *   innovative-SME one accepted in March 2026, and a 专精特新 one submitted in September 2026,
 *   awaiting review; what it declared (the fields its records do not hold) pre-fills the next one.
 *   It is on no list: an enterprise on a list cannot be saved with its qualifications replaced
 *   (the list entry holds its qualification).
 *
 * Returns the number of lists added (0 when they were there already).
 */
export async function loadDemoCultivation(ctx: AppContext, tx: Tx, system: SystemActor, known: { userIds: ReadonlyMap<string, string> }): Promise<number> {
  const zoneId = system.zoneId;
  if ((await countDemoLists(tx, zoneId)) > 0) return 0;
  const all = demoEnterprises();
  const ids = await mapUsccToIds(tx, zoneId, all.map((e) => e.uscc));
  const idOf = (i: number) => ids.get(all[i]!.uscc);
  const held = (kind: string, validFrom: string) =>
    all.map((e, i) => (e.qualifications.some((q) => q.kind === kind && q.validFrom === validFrom) ? i : -1)).filter((i) => i > 0);
  const without = (...kinds: string[]) => all.map((e, i) => (e.qualifications.some((q) => kinds.includes(q.kind)) ? -1 : i)).filter((i) => i > 0);

  const enterpriseId = idOf(0);

  const specialised2023 = held('specialised-sme', '2023-12-28');
  const innovative2025 = held('innovative-sme', '2025-06-30');
  const highTechOnly = without('innovative-sme', 'specialised-sme').filter((i) => all[i]!.qualifications.some((q) => q.kind === 'high-tech'));
  const techOnly = without('innovative-sme', 'specialised-sme', 'high-tech').filter((i) => all[i]!.qualifications.some((q) => q.kind === 'tech-sme'));
  const innovative2023 = [...specialised2023, ...highTechOnly.slice(0, 9)];
  const innovative2024 = techOnly.slice(0, 12);
  const renewed2026 = innovative2023.filter((_, k) => k % 2 === 0);
  const fresh2026 = without('innovative-sme', 'specialised-sme', 'high-tech', 'tech-sme').slice(0, 5);

  const lists: DemoList[] = [
    { scheme: 'innovative-sme', name: '2023年第一批创新型中小企业评价名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2023〕101号', publishedOn: '2023-06-30', create: innovative2023 },
    { scheme: 'specialised-sme', name: '2023年专精特新中小企业名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2023〕236号', publishedOn: '2023-12-28', existing: specialised2023 },
    { scheme: 'innovative-sme', name: '2024年第一批创新型中小企业评价名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2024〕95号', publishedOn: '2024-06-28', create: innovative2024 },
    { scheme: 'little-giant', name: '第六批专精特新“小巨人”企业名单', issuer: '工业和信息化部', documentNo: null, publishedOn: '2024-07-26', create: specialised2023.slice(0, 3) },
    { scheme: 'innovative-sme', name: '2025年第一批创新型中小企业评价名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2025〕88号', publishedOn: '2025-06-30', existing: innovative2025 },
    { scheme: 'specialised-sme', name: '2025年专精特新中小企业名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2025〕241号', publishedOn: '2025-12-19', create: innovative2024.slice(0, 6) },
    {
      scheme: 'innovative-sme', name: '2026年第一批创新型中小企业评价名单', issuer: '江西省工业和信息化厅', documentNo: '赣工信企业字〔2026〕76号', publishedOn: '2026-06-30',
      create: [...renewed2026, ...fresh2026],
    },
  ];

  const now = ctx.clock.now();
  const existingTitles = await listTierTitleRows(tx, zoneId);
  for (const list of lists) {
    const id = randomUUID();
    const { validUntil } = computeTitleValidity(list.publishedOn);
    const row = { zoneId, id, scheme: list.scheme, name: list.name, issuer: list.issuer, documentNo: list.documentNo, publishedOn: list.publishedOn, validUntil, note: '演示数据', createdBy: null, isDemo: true, createdAt: now, updatedAt: now };
    await insertList(tx, row);
    const create = [...new Set(list.create ?? [])].map(idOf).filter((x): x is string => !!x);
    await insertEntries(tx, zoneId, id, create.map((e) => ({
      enterpriseId: e,
      qualification: { id: randomUUID(), kind: list.scheme, name: list.name, certificateNo: list.documentNo, validFrom: list.publishedOn, validUntil },
    })));
    const existing = (list.existing ?? []).map(idOf).filter((x): x is string => !!x);
    const titles = existing
      .map((e) => existingTitles.find((t) => t.enterpriseId === e && t.kind === list.scheme && t.validFrom === list.publishedOn))
      .filter((t): t is NonNullable<typeof t> => !!t);
    await insertEntryRows(tx, titles.map((t) => ({ zoneId, listId: id, enterpriseId: t.enterpriseId, qualificationId: t.id })));
    await updateListQualifications(tx, zoneId, id, { name: list.name, certificateNo: list.documentNo });
  }

  const assessments = enterpriseId ? await addAssessments(ctx, tx, zoneId, enterpriseId, known.userIds) : 0;
  await recordAudit(tx, system, { action: 'demo.cultivation_loaded', entity: 'zone', entityId: zoneId, after: { lists: lists.length, assessments } });
  return lists.length;
}

type DemoList = {
  scheme: CultivationScheme; name: string; issuer: string; documentNo: string | null; publishedOn: string;
  /** demo enterprise indexes given a new title by the list */
  create?: number[];
  /** demo enterprise indexes whose title of the list's date (demo-data.ts) the list records */
  existing?: number[];
};

/** What the enterprise declared (the fields its records do not hold). */
const DECLARED: CultivationProfile = {
  yearsInNiche: 9,
  strategicEmergingIndustry: true,
  ip: { class1HighValue: 1, class1SelfDeveloped: 7 },
  rdInstitutionLevel: 'municipal',
  scienceAward: { level: 'none' },
  makerChina: 'none',
  digitalisationLevel: 3,
  qualityItems: ['quality-system-certified', 'own-brand'],
  productField2022: 'chain-key-link',
  nicheMarketShare: 0.06,
  nicheMarketRank: 5,
  developmentScore: 62,
  developmentScorePreviousYear: 55,
  qualitativeClaims: ['information-system', 'management-certified', 'own-brand', 'in-house-rd-institution', 'chain-key-link', 'market-position-leading'],
  scopeIssues: [],
};

async function addAssessments(ctx: AppContext, tx: Tx, zoneId: string, enterpriseId: string, userIds: ReadonlyMap<string, string>): Promise<number> {
  const config = await zoneCultivationConfig(tx, zoneId);
  const enterpriseUser = userIds.get('enterprise') ?? null;
  const officer = userIds.get('industry') ?? null;
  const items: { scheme: CultivationScheme; on: string; status: 'accepted' | 'submitted'; declaredAt: string; reviewedAt: string | null }[] = [
    { scheme: 'innovative-sme', on: '2026-03-16', status: 'accepted', declaredAt: '2026-03-16T02:30:00Z', reviewedAt: '2026-03-20T07:10:00Z' },
    { scheme: 'specialised-sme', on: '2026-09-15', status: 'submitted', declaredAt: '2026-09-15T03:05:00Z', reviewedAt: null },
  ];
  for (const item of items) {
    const purpose: EvaluationPurpose = 'new';
    const [sources] = await loadProfileSources(tx, zoneId, [enterpriseId], profileSourceOptions(item.on));
    if (!sources) return 0;
    const profile = profileFromSources({ ...sources, declared: DECLARED as Record<string, unknown>, declaredOn: item.on }, item.on);
    const evaluation = evaluateCultivation(item.scheme, profile, { on: item.on, purpose, config });
    const declaredAt = new Date(item.declaredAt);
    await insertAssessment(tx, {
      zoneId, id: randomUUID(), enterpriseId, scheme: item.scheme, purpose, evaluationOn: item.on, status: item.status,
      profile: profile as Record<string, unknown>, evaluation, qualified: evaluation.qualified, outcome: evaluation.outcome, total: evaluation.total,
      rulesVersion: evaluation.rulesVersion, declaredBy: enterpriseUser, declaredAt,
      reviewedBy: item.reviewedAt ? officer : null, reviewedAt: item.reviewedAt ? new Date(item.reviewedAt) : null,
      createdBy: enterpriseUser, isDemo: true, createdAt: declaredAt, updatedAt: item.reviewedAt ? new Date(item.reviewedAt) : declaredAt,
    });
  }
  return items.length;
}
