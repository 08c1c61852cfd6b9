import fs from 'node:fs';
import type { AppContext } from '../server/platform/context.js';
import { exportZoneEnterprises } from '../server/enterprises/enterprises-export.service.js';
import { requireZone } from './context.js';

/** Exports the whole registry of a zone, in the import template's columns. */
export async function exportAll(ctx: AppContext, file: string, zoneCode?: string): Promise<number> {
  const zone = await requireZone(ctx, zoneCode);
  const { buffer, count } = await exportZoneEnterprises(ctx, zone.id, {}, { kind: 'all' });
  fs.writeFileSync(file, buffer);
  return count;
}
