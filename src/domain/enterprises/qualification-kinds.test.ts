import { describe, expect, it } from 'vitest';
import { isQualificationKind, QUALIFICATION_KINDS, qualificationKindLabel } from './qualification-kinds.js';

describe('QUALIFICATION_KINDS', () => {
  it.each([
    ['high-tech', '高新技术企业'],
    ['tech-sme', '科技型中小企业'],
    ['innovative-sme', '创新型中小企业'],
    ['specialised-sme', '专精特新中小企业'],
    ['little-giant', '专精特新“小巨人”企业'],
    ['manufacturing-champion', '制造业单项冠军'],
    ['other', '其他'],
  ] as const)('%s is labelled %s', (key, label) => {
    expect(isQualificationKind(key)).toBe(true);
    expect(qualificationKindLabel(key)).toBe(label);
  });

  it('has exactly seven kinds and rejects others', () => {
    expect(QUALIFICATION_KINDS).toHaveLength(7);
    expect(isQualificationKind('gazelle')).toBe(false);
  });
});
