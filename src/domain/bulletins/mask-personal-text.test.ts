import { describe, expect, it } from 'vitest';
import { anonymiseDemandText } from '../demands/index.js';
import { maskPersonalText, maskPersonName } from './mask-personal-text.js';

const names = ['张三', '张三丰', '欧阳娜娜', '李四', '王建华'];

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'], ['张三丰', '张**'], ['欧阳娜娜', '欧阳**'], ['欧阳娜', '欧阳*'], ['欧阳', '欧*'], ['司马光', '司马*'],
    ['王建华', '王**'], ['Li Wei', 'L* ***'],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('maskPersonalText', () => {
  it.each([
    ['a mobile number', '联系电话13812345678。', '联系电话138****5678。'],
    ['a mobile number with spaces', '手机 138 1234 5678', '手机 138****5678'],
    ['a mobile number with dashes', '手机138-1234-5678', '手机138****5678'],
    ['a mobile number with +86', '手机+86 13912345678', '手机+86 139****5678'],
    ['a landline', '办公电话0798-8581234', '办公电话0798-****1234'],
    ['a landline with an 8-digit number', '电话021-62345678', '电话021-****5678'],
    ['an ID number', '身份证号360202198507151234', '身份证号3****************4'],
    ['an ID number ending in x', '身份证号36020219850715123x', '身份证号3****************X'],
    ['a two-character name', '联系人张三到现场', '联系人张*到现场'],
    ['a longer name before a shorter one it contains', '张三丰和张三', '张**和张*'],
    ['a compound surname', '法定代表人欧阳娜娜', '法定代表人欧阳**'],
    ['a leader’s name', '王建华主任带队走访', '王**主任带队走访'],
    ['everything at once', '李四（13812345678，身份证360202198507151234）', '李*（138****5678，身份证3****************4）'],
    ['text with nothing personal', '3月共受理诉求42件，按时办结率95.2%，编号YQ-2026-000123。', '3月共受理诉求42件，按时办结率95.2%，编号YQ-2026-000123。'],
    ['a number too short to be a phone', '金额12345678元', '金额12345678元'],
    ['a 12-digit number that is not a mobile', '订单号213812345678', '订单号213812345678'],
  ])('masks %s', (_case, text, expected) => {
    expect(maskPersonalText(text, { names })).toBe(expected);
  });

  it('ignores blank and one-character names', () => {
    expect(maskPersonalText('张经理说王', { names: ['', '  ', '王', '张'] })).toBe('张经理说王');
  });

  it('masks an anonymised demand’s enterprise as 某企业, a person named in it with the enterprise', () => {
    const text = '崧原半导体（景德镇）有限公司的张三反映，崧原公司厂房产证未办。张三丰科技有限公司也反映了。';
    expect(maskPersonalText(text, { names: ['张三', '张三丰'], enterpriseNames: ['崧原半导体（景德镇）有限公司', '张三丰科技有限公司'] })).toBe(
      '某企业的张*反映，某企业厂房产证未办。某企业也反映了。',
    );
  });

  it('masks numbers exactly as anonymiseDemandText does', () => {
    const text = '手机13812345678、１３９１２３４５６７８，座机(0798)8581234，身份证36020219850715123X';
    expect(maskPersonalText(text, { names: [] })).toBe(anonymiseDemandText(text, { enterpriseNames: [], personNames: [] }));
  });
});
