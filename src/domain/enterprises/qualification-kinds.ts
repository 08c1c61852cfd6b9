/** Titles an enterprise may hold (高企, 科技型中小企业, the 优质中小企业 tiers, …). */
export const QUALIFICATION_KINDS = [
  { key: 'high-tech', label: '高新技术企业' },
  { key: 'tech-sme', label: '科技型中小企业' },
  { key: 'innovative-sme', label: '创新型中小企业' },
  { key: 'specialised-sme', label: '专精特新中小企业' },
  { key: 'little-giant', label: '专精特新“小巨人”企业' },
  { key: 'manufacturing-champion', label: '制造业单项冠军' },
  { key: 'other', label: '其他' },
] as const satisfies readonly { key: string; label: string }[];

export type QualificationKind = (typeof QUALIFICATION_KINDS)[number]['key'];

export function isQualificationKind(value: string): value is QualificationKind {
  return QUALIFICATION_KINDS.some((kind) => kind.key === value);
}

export function qualificationKindLabel(kind: QualificationKind): string {
  return QUALIFICATION_KINDS.find((k) => k.key === kind)?.label ?? kind;
}
