import { randomUUID } from 'node:crypto';
import type { EnterpriseCreate, EnterprisePatch } from '../../contracts/enterprises.js';
import { fieldError, type KeyedFieldError } from '../../contracts/field-messages.js';
import { checkUscc, industrySectionOf, isValidIndustryDivision, type UsccCheck } from '../../domain/enterprises/index.js';
import type { Children, EnterpriseInsert } from './enterprises.repository.js';

/** What an enterprise payload may point at in the zone: checked before anything is written. */
export type EnterpriseRefs = { cadreIds: ReadonlySet<string>; leaderIds: ReadonlySet<string>; themeIds: ReadonlySet<string> };

/**
 * Checks a create or patch payload beyond its JSON schema: the USCC (GB 32100-2015),
 * the GB/T 4754 division, references to cadres, active leaders and themes, date order, one
 * figures row per year. Returns every problem, each naming its field.
 */
export function checkEnterpriseInput(input: EnterprisePatch, refs: EnterpriseRefs): { errors: KeyedFieldError[]; uscc?: string } {
  const errors: KeyedFieldError[] = [];
  let uscc: string | undefined;
  if (input.uscc !== undefined) {
    const r = checkUscc(input.uscc);
    if (r.valid) uscc = r.code;
    else errors.push(usccError(r));
  }
  if (input.name !== undefined && input.name.trim().length < 2) {
    errors.push(fieldError('name', 'enterprise-name-short'));
  }
  if (input.industryDivision && !isValidIndustryDivision(input.industryDivision)) {
    errors.push(fieldError('industryDivision', 'industry-division-unknown', { value: input.industryDivision }));
  }
  if (input.cadreId && !refs.cadreIds.has(input.cadreId)) {
    errors.push(fieldError('cadreId', 'cadre-not-found'));
  }
  if (input.leaderId && !refs.leaderIds.has(input.leaderId)) {
    errors.push(fieldError('leaderId', 'leader-not-found'));
  }
  input.themeIds?.forEach((id, i) => {
    if (!refs.themeIds.has(id)) errors.push(fieldError(`themeIds.${i}`, 'theme-not-found'));
  });
  input.qualifications?.forEach((q, i) => {
    if (q.validUntil && q.validUntil < q.validFrom) {
      errors.push(fieldError(`qualifications.${i}.validUntil`, 'valid-until-before-start'));
    }
  });
  const years = new Set<number>();
  input.figures?.forEach((f, i) => {
    if (years.has(f.year)) errors.push(fieldError(`figures.${i}.year`, 'figures-year-duplicate', { value: f.year }));
    years.add(f.year);
  });
  if (input.contacts && input.contacts.filter((c) => c.isPrimary).length > 1) {
    errors.push(fieldError('contacts', 'one-primary-contact'));
  }
  return { errors, uscc };
}

/** A rejected USCC as a field error in the caller's language (the domain's reason, position and expected character). */
function usccError(r: Extract<UsccCheck, { valid: false }>): KeyedFieldError {
  switch (r.reason) {
    case 'length':
      return fieldError('uscc', 'uscc-length', { value: r.code.length });
    case 'character':
      return fieldError('uscc', 'uscc-character', { position: r.position, value: r.code.charAt((r.position ?? 1) - 1) });
    case 'check-digit':
      return fieldError('uscc', 'uscc-check-digit', { expected: r.expected, value: r.code.charAt(17) });
    case 'department':
      return fieldError('uscc', 'uscc-department');
  }
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
  if (input.leaderId !== undefined) cols.leaderId = input.leaderId;
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
