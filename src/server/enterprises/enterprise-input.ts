import { randomUUID } from 'node:crypto';
import type { EnterpriseCreate, EnterprisePatch } from '../../contracts/enterprises.js';
import type { FieldError } from '../../contracts/errors.js';
import { checkUscc, industrySectionOf, isValidIndustryDivision } from '../../domain/enterprises/index.js';
import type { Children, EnterpriseInsert } from './enterprises.repository.js';

/** What an enterprise payload may point at in the zone: checked before anything is written. */
export type EnterpriseRefs = { cadreIds: ReadonlySet<string>; themeIds: ReadonlySet<string> };

/**
 * Checks a create or patch payload beyond its JSON schema: the USCC (GB 32100-2015),
 * the GB/T 4754 division, references to cadres and themes, date order, one
 * figures row per year. Returns every problem, each naming its field.
 */
export function checkEnterpriseInput(input: EnterprisePatch, refs: EnterpriseRefs): { errors: FieldError[]; uscc?: string } {
  const errors: FieldError[] = [];
  let uscc: string | undefined;
  if (input.uscc !== undefined) {
    const r = checkUscc(input.uscc);
    if (r.valid) uscc = r.code;
    else errors.push({ field: 'uscc', reason: r.reason, message: r.message });
  }
  if (input.name !== undefined && input.name.trim().length < 2) {
    errors.push({ field: 'name', reason: 'minLength', message: '企业名称至少 2 个字' });
  }
  if (input.industryDivision && !isValidIndustryDivision(input.industryDivision)) {
    errors.push({ field: 'industryDivision', reason: 'unknown', message: `“${input.industryDivision}”不是 GB/T 4754-2017 的行业大类代码` });
  }
  if (input.cadreId && !refs.cadreIds.has(input.cadreId)) {
    errors.push({ field: 'cadreId', reason: 'not-found', message: '所选挂点干部不存在或不是挂点干部' });
  }
  input.themeIds?.forEach((id, i) => {
    if (!refs.themeIds.has(id)) errors.push({ field: `themeIds.${i}`, reason: 'not-found', message: '所选主题不存在' });
  });
  input.qualifications?.forEach((q, i) => {
    if (q.validUntil && q.validUntil < q.validFrom) {
      errors.push({ field: `qualifications.${i}.validUntil`, reason: 'before-start', message: '有效期截止日不能早于起始日' });
    }
  });
  const years = new Set<number>();
  input.figures?.forEach((f, i) => {
    if (years.has(f.year)) errors.push({ field: `figures.${i}.year`, reason: 'duplicate', message: `${f.year} 年的数据重复` });
    years.add(f.year);
  });
  if (input.contacts && input.contacts.filter((c) => c.isPrimary).length > 1) {
    errors.push({ field: 'contacts', reason: 'one-primary', message: '只能有一位主要联系人' });
  }
  return { errors, uscc };
}

/** The enterprises-table columns a payload sets (undefined = untouched). */
export function enterpriseColumns(input: EnterprisePatch, uscc: string | undefined): Partial<EnterpriseInsert> {
  const cols: Partial<EnterpriseInsert> = {};
  if (input.name !== undefined) cols.name = input.name.trim();
  if (uscc !== undefined) cols.uscc = uscc;
  if (input.legalRepresentative !== undefined) cols.legalRepresentative = input.legalRepresentative?.trim() || null;
  if (input.industryDivision !== undefined) {
    cols.industryDivision = input.industryDivision;
    cols.industrySection = input.industryDivision ? (industrySectionOf(input.industryDivision) ?? null) : null;
  }
  if (input.sizeSector !== undefined) cols.sizeSector = input.sizeSector;
  if (input.address !== undefined) cols.address = input.address?.trim() || null;
  if (input.foundedOn !== undefined) cols.foundedOn = input.foundedOn;
  if (input.aboveScale !== undefined) cols.aboveScale = input.aboveScale;
  if (input.cadreId !== undefined) cols.cadreId = input.cadreId;
  if (input.description !== undefined) cols.description = input.description?.trim() || null;
  return cols;
}

export function enterpriseChildren(input: EnterprisePatch): Children {
  return {
    themeIds: input.themeIds,
    qualifications: input.qualifications?.map((q) => ({
      id: randomUUID(),
      kind: q.kind,
      name: q.name ?? null,
      certificateNo: q.certificateNo ?? null,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
    })),
    contacts: input.contacts?.map((c, i) => ({
      id: randomUUID(),
      name: c.name.trim(),
      title: c.title ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      isPrimary: c.isPrimary ?? false,
      position: i,
    })),
    figures: input.figures?.map((f) => ({ ...f })),
  };
}

export type { EnterpriseCreate };
