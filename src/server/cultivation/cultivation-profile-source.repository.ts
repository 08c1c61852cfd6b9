import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { cultivationAssessments, enterpriseFigures, enterpriseQualifications, enterprises } from '../../db/schema/index.js';
import type { Queryable } from '../../db/client.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import { buildCultivationProfile } from '../../domain/cultivation/build-cultivation-profile.js';
import { checkCultivationProfile } from '../../domain/cultivation/check-cultivation-profile.js';

/**
 * What buildCultivationProfile reads for an enterprise, loaded for many enterprises at a time:
 * its registry basics, its yearly figures, its qualifications valid on the evaluation date, and
 * the profile of its last accepted self-assessment (the fields only the enterprise can declare).
 * One query per table per page of enterprises, never one per enterprise (the batch evaluation
 * reads 100,000 enterprises this way).
 */
export type ProfileSourceEnterprise = {
  id: string;
  name: string;
  uscc: string;
  sizeSector: string | null;
  foundedOn: string | null;
  aboveScale: boolean;
};

export type ProfileSourceFigures = Omit<typeof enterpriseFigures.$inferSelect, 'zoneId' | 'enterpriseId'>;
export type ProfileSourceQualification = Pick<typeof enterpriseQualifications.$inferSelect, 'id' | 'kind' | 'name' | 'validFrom' | 'validUntil'>;

export type ProfileSources = {
  enterprise: ProfileSourceEnterprise;
  /** the figures of the years asked for, latest year first */
  figures: ProfileSourceFigures[];
  /** the qualifications valid on the evaluation date */
  qualifications: ProfileSourceQualification[];
  /** the profile of the last accepted self-assessment (any tier), null if none */
  declared: Record<string, unknown> | null;
  /** the evaluation date that self-assessment was made for */
  declaredOn: string | null;
};

export type ProfileSourceOptions = {
  /** the evaluation date (YYYY-MM-DD): qualifications count when valid on it */
  on: string;
  /** the figure years to load, inclusive (e.g. the three years before the evaluation year) */
  fromYear: number;
  toYear: number;
};

const basics = {
  id: enterprises.id,
  name: enterprises.name,
  uscc: enterprises.uscc,
  sizeSector: enterprises.sizeSector,
  foundedOn: enterprises.foundedOn,
  aboveScale: enterprises.aboveScale,
};

/** The figures, valid qualifications and last accepted declaration of the given enterprises: three queries. */
async function loadChildren(db: Queryable, zoneId: string, list: ProfileSourceEnterprise[], opts: ProfileSourceOptions): Promise<ProfileSources[]> {
  const out = new Map<string, ProfileSources>(list.map((enterprise) => [enterprise.id, { enterprise, figures: [], qualifications: [], declared: null, declaredOn: null }]));
  if (list.length === 0) return [];
  const ids = list.map((e) => e.id);
  // One after the other: `db` may be a transaction's single connection.
  const figures = await db.select().from(enterpriseFigures)
    .where(and(
      eq(enterpriseFigures.zoneId, zoneId), inArray(enterpriseFigures.enterpriseId, ids),
      gte(enterpriseFigures.year, opts.fromYear), lte(enterpriseFigures.year, opts.toYear),
    ))
    .orderBy(asc(enterpriseFigures.enterpriseId), desc(enterpriseFigures.year));
  const qualifications = await db.select({
    enterpriseId: enterpriseQualifications.enterpriseId, id: enterpriseQualifications.id, kind: enterpriseQualifications.kind,
    name: enterpriseQualifications.name, validFrom: enterpriseQualifications.validFrom, validUntil: enterpriseQualifications.validUntil,
  })
    .from(enterpriseQualifications)
    .where(and(
      eq(enterpriseQualifications.zoneId, zoneId), inArray(enterpriseQualifications.enterpriseId, ids),
      lte(enterpriseQualifications.validFrom, opts.on),
      or(isNull(enterpriseQualifications.validUntil), gte(enterpriseQualifications.validUntil, opts.on)),
    ))
    .orderBy(asc(enterpriseQualifications.enterpriseId), asc(enterpriseQualifications.kind), asc(enterpriseQualifications.validFrom));
  const declared = await db.selectDistinctOn([cultivationAssessments.enterpriseId], {
    enterpriseId: cultivationAssessments.enterpriseId, profile: cultivationAssessments.profile, on: cultivationAssessments.evaluationOn,
  })
    .from(cultivationAssessments)
    .where(and(eq(cultivationAssessments.zoneId, zoneId), inArray(cultivationAssessments.enterpriseId, ids), eq(cultivationAssessments.status, 'accepted')))
    .orderBy(asc(cultivationAssessments.enterpriseId), sql`${cultivationAssessments.reviewedAt} desc nulls last`, desc(cultivationAssessments.updatedAt));
  for (const { zoneId: _z, enterpriseId, ...f } of figures) out.get(enterpriseId)!.figures.push(f);
  for (const { enterpriseId, ...q } of qualifications) out.get(enterpriseId)!.qualifications.push(q);
  for (const d of declared) Object.assign(out.get(d.enterpriseId)!, { declared: d.profile, declaredOn: d.on });
  return list.map((e) => out.get(e.id)!);
}

/** The sources of the given enterprises of the zone (unknown ids are left out), in the order asked. */
export async function loadProfileSources(db: Queryable, zoneId: string, enterpriseIds: string[], opts: ProfileSourceOptions): Promise<ProfileSources[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db.select(basics).from(enterprises).where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.id, enterpriseIds)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = [...new Set(enterpriseIds)].map((id) => byId.get(id)).filter((e): e is ProfileSourceEnterprise => e !== undefined);
  return loadChildren(db, zoneId, ordered, opts);
}

/**
 * One page of the zone's enterprises with their sources, in id order after `afterId` (keyset
 * paging: a page costs the same at the start and at the end of 100,000 enterprises). Four queries.
 * `nextAfterId` is null on the last page.
 */
export async function loadProfileSourcePage(
  db: Queryable,
  zoneId: string,
  page: { afterId: string | null; limit: number },
  opts: ProfileSourceOptions,
): Promise<{ items: ProfileSources[]; nextAfterId: string | null }> {
  const rows = await db.select(basics).from(enterprises)
    .where(page.afterId ? and(eq(enterprises.zoneId, zoneId), gt(enterprises.id, page.afterId)) : eq(enterprises.zoneId, zoneId))
    .orderBy(asc(enterprises.id))
    .limit(page.limit);
  const items = await loadChildren(db, zoneId, rows, opts);
  return { items, nextAfterId: rows.length === page.limit ? rows[rows.length - 1]!.id : null };
}

/** How many enterprises the zone has (a batch run's total). */
export async function countZoneEnterprises(db: Queryable, zoneId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises).where(eq(enterprises.zoneId, zoneId));
  return Number(row?.n ?? 0);
}

/** The options that load what buildCultivationProfile reads for an evaluation on `on` (YYYY-MM-DD): the three years before it. */
export function profileSourceOptions(on: string): ProfileSourceOptions {
  const year = Number(on.slice(0, 4));
  return { on, fromYear: year - 3, toYear: year - 1 };
}

/**
 * The cultivation profile on `on` of one enterprise's loaded sources (buildCultivationProfile).
 * The stored declaration was checked when saved; it is read through checkCultivationProfile again
 * so that a declaration from an older version that no longer passes is left out, not trusted.
 */
export function profileFromSources(sources: ProfileSources, on: string): CultivationProfile {
  const declared = sources.declared ? checkCultivationProfile(sources.declared) : null;
  return buildCultivationProfile({
    sizeSector: sources.enterprise.sizeSector,
    foundedOn: sources.enterprise.foundedOn,
    figures: sources.figures,
    qualifications: sources.qualifications,
    declared: declared && 'profile' in declared ? declared.profile : null,
    declaredOn: sources.declaredOn,
  }, on);
}
