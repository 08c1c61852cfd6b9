import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { EnterpriseQuery } from '../../contracts/enterprises.js';
import { forbidden } from '../platform/errors.js';
import { zoneToday } from '../zone/zone-today.js';
import { enterpriseListScope, enterprisePolicy } from './enterprises.policy.js';
import { buildEnterpriseWorkbook, type ExportRow } from './enterprises.excel.js';
import { listEnterpriseRows, loadSummaryParts, primaryContacts } from './enterprises.repository.js';

const EXPORT_LIMIT = 100_000;

/** The current filter of the list, as a workbook in the import template's columns. */
export async function exportEnterprises(ctx: AppContext, actor: Actor, q: EnterpriseQuery): Promise<Buffer> {
  if (!enterprisePolicy.export(actor)) throw forbidden();
  return (await exportZoneEnterprises(ctx, actor.zoneId, q, enterpriseListScope(actor))).buffer;
}

/** The export itself, for a scope already decided (the command line exports the whole zone). */
export async function exportZoneEnterprises(
  ctx: AppContext, zoneId: string, q: EnterpriseQuery, scope: ReturnType<typeof enterpriseListScope>,
): Promise<{ buffer: Buffer; count: number }> {
  const actor = { zoneId };
  const { today } = await zoneToday(ctx, actor.zoneId);
  const { rows } = await listEnterpriseRows(ctx.db, actor.zoneId, {
    ...q,
    today,
    none: scope.kind === 'none',
    onlyId: scope.kind === 'one' ? scope.enterpriseId : undefined,
    limit: EXPORT_LIMIT,
    offset: 0,
  });
  const out: ExportRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const page = rows.slice(i, i + 1000);
    const ids = page.map((r) => r.id);
    const [parts, contacts] = await Promise.all([loadSummaryParts(ctx.db, actor.zoneId, ids, today), primaryContacts(ctx.db, actor.zoneId, ids)]);
    for (const r of page) {
      const latest = parts.latestBy.get(r.id);
      const contact = contacts.get(r.id);
      out.push({
        name: r.name,
        uscc: r.uscc,
        legalRepresentative: r.legalRepresentative,
        industryDivision: r.industryDivision,
        sizeSector: r.sizeSector,
        address: r.address,
        foundedOn: r.foundedOn,
        aboveScale: r.aboveScale,
        cadre: parts.cadreNames.get(r.id) ?? null,
        leader: parts.leaderNames.get(r.id) ?? null,
        themes: (parts.themesBy.get(r.id) ?? []).map((t: { name: string }) => t.name),
        contactName: contact?.name ?? null,
        contactPhone: contact?.phone ?? null,
        figures: latest ? (({ zoneId: _z, enterpriseId: _e, ...f }) => f)(latest) : null,
      });
    }
  }
  return { buffer: await buildEnterpriseWorkbook(out), count: out.length };
}

/** The import template: the header row with a note on each column, no sample data to import by mistake. */
export function importTemplate(): Promise<Buffer> {
  return buildEnterpriseWorkbook([], true);
}
