import type { AppContext } from '../platform/context.js';
import type { BulletinContent, PublicBulletin } from '../../contracts/bulletins.js';
import { notFound } from '../platform/errors.js';
import { pageWindow } from '../platform/paging.js';
import { findDefaultZone, findZoneByCode } from '../zone/zone.repository.js';
import { findBulletinRow, listBulletinRows, listMonthVersions, type BulletinRow } from './bulletins.repository.js';

const isPublic = (r: BulletinRow) => (r.status === 'published' || r.status === 'superseded') && r.snapshot !== null && r.publishedAt !== null;

async function zoneOf(ctx: AppContext, code: string | undefined) {
  const zone = code ? await findZoneByCode(ctx.db, code) : await findDefaultZone(ctx.db);
  if (!zone) throw notFound();
  return zone;
}

const summary = (r: BulletinRow) => ({
  id: r.id, month: r.month, version: r.version, title: r.title, publishedAt: r.publishedAt!.toISOString(), superseded: r.status === 'superseded',
});

/** Published bulletins (and the versions a correction superseded), newest month first: what anyone may read. */
export async function listPublicBulletins(ctx: AppContext, zoneCode: string | undefined, q: { page?: number; pageSize?: number }) {
  const zone = await zoneOf(ctx, zoneCode);
  const { rows, total } = await listBulletinRows(ctx.db, zone.id, { publicOnly: true, ...pageWindow(q) });
  return { items: rows.filter(isPublic).map(summary), total, zoneName: zone.name };
}

/** One published version as frozen, with the month's other published versions. Anything unpublished is "not found". */
export async function getPublicBulletin(ctx: AppContext, zoneCode: string | undefined, id: string): Promise<PublicBulletin> {
  const zone = await zoneOf(ctx, zoneCode);
  const row = await findBulletinRow(ctx.db, zone.id, id);
  if (!row || !isPublic(row)) throw notFound();
  const versions = (await listMonthVersions(ctx.db, zone.id, row.month)).filter(isPublic);
  return {
    ...summary(row),
    content: row.snapshot as BulletinContent,
    versions: versions.filter((v) => v.id !== row.id).map((v) => ({ id: v.id, version: v.version, publishedAt: v.publishedAt!.toISOString(), superseded: v.status === 'superseded' })),
  };
}
