import dayjs, { type Dayjs } from 'dayjs';
import type { YearlyFigures } from '../../contracts/enterprises.js';
import { normalizeUscc } from '../../domain/enterprises/check-uscc.js';
import type { QualificationKind } from '../../domain/enterprises/qualification-kinds.js';
import type { SizeSector } from '../../domain/enterprises/size-sectors.js';
import type { EnterpriseDetail, EnterpriseInput } from './enterprise-types.js';
import { FIGURE_FIELDS, MONEY_FIELDS, type FigureField } from './FiguresTable.js';
import { wanToYuan, yuanToWan } from './money.js';

export type QualificationValues = {
  kind?: QualificationKind;
  name?: string;
  certificateNo?: string;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
};
export type ContactValues = { name?: string; title?: string; phone?: string; email?: string; isPrimary?: boolean };
/** One year's figures as typed: money in 万元, counts as is; empty = not reported. */
export type FigureValues = { year?: number } & Partial<Record<FigureField, number | null>>;

export type EnterpriseFormValues = {
  name?: string;
  uscc?: string;
  legalRepresentative?: string;
  industryDivision?: string | null;
  sizeSector?: SizeSector | null;
  address?: string;
  foundedOn?: Dayjs | null;
  aboveScale?: boolean;
  cadreId?: string | null;
  leaderId?: string | null;
  description?: string;
  themeIds?: string[];
  qualifications?: QualificationValues[];
  contacts?: ContactValues[];
  figures?: FigureValues[];
};

const text = (v: string | null | undefined) => (v ?? '').trim() || null;
const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

export function toFormValues(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    name: e.name,
    uscc: e.uscc,
    legalRepresentative: e.legalRepresentative ?? '',
    industryDivision: e.industryDivision,
    sizeSector: (e.sizeSector as SizeSector | null) ?? null,
    address: e.address ?? '',
    foundedOn: e.foundedOn ? dayjs(e.foundedOn) : null,
    aboveScale: e.aboveScale,
    cadreId: e.cadreId,
    leaderId: e.leaderId,
    description: e.description ?? '',
    themeIds: e.themes.map((th) => th.id),
    qualifications: e.qualifications.map((q) => ({
      kind: q.kind,
      name: q.name ?? '',
      certificateNo: q.certificateNo ?? '',
      validFrom: dayjs(q.validFrom),
      validUntil: q.validUntil ? dayjs(q.validUntil) : null,
    })),
    contacts: e.contacts.map((c) => ({
      name: c.name,
      title: c.title ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      isPrimary: Boolean(c.isPrimary),
    })),
    figures: [...e.figures]
      .sort((a, b) => b.year - a.year)
      .map((f) => {
        const row: FigureValues = { year: f.year };
        for (const field of FIGURE_FIELDS) row[field] = MONEY_FIELDS.has(field) ? yuanToWan(f[field]) : f[field];
        return row;
      }),
  };
}

export const EMPTY_FORM: EnterpriseFormValues = {
  aboveScale: false,
  themeIds: [],
  qualifications: [],
  contacts: [],
  figures: [],
};

/** The API body (money back to yuan, dates to YYYY-MM-DD, blanks to null). */
export function toInput(v: EnterpriseFormValues): EnterpriseInput {
  return {
    name: (v.name ?? '').trim(),
    uscc: normalizeUscc(v.uscc ?? ''),
    legalRepresentative: text(v.legalRepresentative),
    industryDivision: v.industryDivision ?? null,
    sizeSector: v.sizeSector ?? null,
    address: text(v.address),
    foundedOn: day(v.foundedOn),
    aboveScale: Boolean(v.aboveScale),
    cadreId: v.cadreId ?? null,
    leaderId: v.leaderId ?? null,
    description: text(v.description),
    themeIds: v.themeIds ?? [],
    qualifications: (v.qualifications ?? []).map((q) => ({
      kind: q.kind ?? 'other',
      name: text(q.name),
      certificateNo: text(q.certificateNo),
      validFrom: day(q.validFrom) ?? '',
      validUntil: day(q.validUntil),
    })),
    contacts: (v.contacts ?? []).map((c) => ({
      name: (c.name ?? '').trim(),
      title: text(c.title),
      phone: text(c.phone),
      email: text(c.email),
      isPrimary: Boolean(c.isPrimary),
    })),
    figures: (v.figures ?? []).map((f) => {
      const out = { year: f.year ?? 0 } as YearlyFigures;
      for (const field of FIGURE_FIELDS) {
        const value = f[field] ?? null;
        out[field] = MONEY_FIELDS.has(field) ? wanToYuan(value) : value;
      }
      return out;
    }),
  };
}

/** Only what changed, for PATCH (so fields the user cannot edit are never sent back). */
export function changedFields(before: EnterpriseInput, after: EnterpriseInput): Partial<EnterpriseInput> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof EnterpriseInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as Partial<EnterpriseInput>;
}
