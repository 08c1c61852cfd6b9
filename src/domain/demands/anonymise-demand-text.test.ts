import { describe, expect, it } from 'vitest';
import { anonymiseDemandText, enterpriseNameForms } from './anonymise-demand-text.js';

const SONGYUAN = '崧原半导体（景德镇）有限公司';
const known = { enterpriseNames: [SONGYUAN], personNames: ['张三丰', '李四', '欧阳娜娜'] };
const nobody = { enterpriseNames: [], personNames: [] };

describe('enterpriseNameForms', () => {
  it.each([
    ['a region in brackets', SONGYUAN, ['崧原半导体（景德镇）有限公司', '崧原半导体有限公司', '崧原半导体', '崧原']],
    ['a leading province and city', '江西省景德镇市崧原半导体股份有限公司', [
      '江西省景德镇市崧原半导体股份有限公司', '景德镇市崧原半导体股份有限公司', '江西省景德镇市崧原半导体', '崧原半导体股份有限公司',
      '江西省景德镇市崧原', '景德镇市崧原半导体', '景德镇市崧原', '崧原半导体', '崧原',
    ]],
    ['a city without a trade name (景德镇 alone is a place)', '景德镇陶瓷有限公司', ['景德镇陶瓷有限公司', '景德镇陶瓷']],
    ['a generic lead (中国 alone is not masked)', '中国航空工业集团有限公司', ['中国航空工业集团有限公司', '中国航空工业', '中国航空']],
    ['a name that looks like it starts with a city (…超市)', '大润发超市有限公司', ['大润发超市有限公司', '大润发']],
    ['a factory', '景德镇市珠山区红星瓷厂', ['景德镇市珠山区红星瓷厂', '景德镇市珠山区红星瓷', '珠山区红星瓷厂', '珠山区红星瓷', '红星瓷厂', '红星瓷']],
    ['surrounding whitespace', '  华瓷科技有限公司 ', ['华瓷科技有限公司', '华瓷科技', '华瓷']],
    ['a blank name', '  ', []],
    ['a one-character name', '瓷', []],
  ])('lists the forms of %s: %s', (_case, name, forms) => {
    expect(enterpriseNameForms(name)).toEqual(forms);
  });
});

describe('anonymiseDemandText', () => {
  it('anonymises a demand as written by an enterprise', () => {
    const text =
      '崧原半导体（景德镇）有限公司反映：我司新建厂房的产证一直办不下来，崧原公司已多次向自然资源局咨询。' +
      '联系人张三丰，手机13812345678，办公电话0798-8581234；法定代表人欧阳娜娜，身份证号36020219850715123x；' +
      '统一社会信用代码91360200MA38H5XK2B。';
    expect(anonymiseDemandText(text, known)).toBe(
      '某企业反映：我司新建厂房的产证一直办不下来，某企业已多次向自然资源局咨询。' +
        '联系人张某，手机138****5678，办公电话0798-****1234；法定代表人欧阳某，身份证号3****************X；' +
        '统一社会信用代码（统一社会信用代码已隐去）。',
    );
  });

  it.each([
    ['the full name', '崧原半导体（景德镇）有限公司申请技改补贴', '某企业申请技改补贴'],
    ['the full name with half-width brackets', '崧原半导体(景德镇)有限公司申请技改补贴', '某企业申请技改补贴'],
    ['the name without its region', '崧原半导体有限公司的环评已受理', '某企业的环评已受理'],
    ['the short forms', '崧原半导体的新厂房和崧原的仓库都在珠山区', '某企业的新厂房和某企业的仓库都在珠山区'],
    ['a short form with 公司 or 集团', '崧原公司与崧原集团', '某企业与某企业'],
    ['person names with three, two and compound surnames', '张三丰、李四和欧阳娜娜参加了现场办公', '张某、李某和欧阳某参加了现场办公'],
    ['a text naming nobody known', '华瓷科技的王经理反映园区道路积水', '华瓷科技的王经理反映园区道路积水'],
    ['an empty text', '', ''],
  ])('masks %s', (_case, text, expected) => {
    expect(anonymiseDemandText(text, known)).toBe(expected);
  });

  it.each([
    ['in this order', ['华瓷科技有限公司', '景德镇华瓷新材料科技有限公司']],
    ['in the other order', ['景德镇华瓷新材料科技有限公司', '华瓷科技有限公司']],
  ])('masks the longest name first, names given %s', (_case, enterpriseNames) => {
    const text = '景德镇华瓷新材料科技有限公司与华瓷科技签订了供货协议，华瓷方面希望加快交货';
    expect(anonymiseDemandText(text, { enterpriseNames, personNames: [] })).toBe('某企业与某企业签订了供货协议，某企业方面希望加快交货');
  });

  it('masks a longer person name whole when a shorter one is also known', () => {
    expect(anonymiseDemandText('王明亮和王明一起到企业走访', { enterpriseNames: [], personNames: ['王明', '王明亮'] })).toBe('王某和王某一起到企业走访');
  });

  it('matches Latin letters in a name whatever their case or width', () => {
    expect(anonymiseDemandText('ａｂｃ陶瓷的窑炉需要天然气增容，ABC公司已提交申请', { enterpriseNames: ['ABC陶瓷有限公司'], personNames: [] })).toBe(
      '某企业的窑炉需要天然气增容，某企业已提交申请',
    );
  });

  it.each([
    ['a mobile number', '请联系13812345678', '请联系138****5678'],
    ['a mobile number with spaces', '电话：138 1234 5678', '电话：138****5678'],
    ['a mobile number with hyphens', '电话：139-1234-5678', '电话：139****5678'],
    ['a mobile number with +86', '电话+86 13912345678', '电话+86 139****5678'],
    ['a mobile number with 86 run on', '电话8613912345678', '电话86139****5678'],
    ['a mobile number in full-width digits', '手机１３８１２３４５６７８', '手机138****5678'],
    ['a landline with a 4-digit area code', '座机0798-8581234', '座机0798-****1234'],
    ['a landline with an 8-digit number', '座机010-12345678', '座机010-****5678'],
    ['a landline without a hyphen', '座机07988581234', '座机0798****1234'],
    ['a landline with the area code in brackets', '座机（0798）8581234', '座机(0798)****1234'],
    ['a USCC', '代码：91360200MA38H5XK2B。', '代码：（统一社会信用代码已隐去）。'],
    ['a USCC of digits only', '华为的代码是914403001922038216', '华为的代码是（统一社会信用代码已隐去）'],
    ['a USCC in lower case', '代码91360200ma38h5xk2b', '代码（统一社会信用代码已隐去）'],
    ['an ID number', '身份证360202198507151234', '身份证3****************4'],
    ['an ID number ending in x', '身份证36020219850715123x', '身份证3****************X'],
  ])('masks %s', (_case, text, expected) => {
    expect(anonymiseDemandText(text, nobody)).toBe(expected);
  });

  it.each([
    ['amounts, areas and dates', '申请贷款2000万元，用地面积12000平方米，2025年10月9日前办结'],
    ['a 20-digit contract number', '合同编号20251001000123456789'],
    ['an 18-letter code that is not a USCC', '订单ABCDEFGHJKLMNPQRTU'],
    ['a 10-digit number', '发票号码1381234567'],
    ['a 12-digit number that starts with 1', '流水号138123456789'],
  ])('leaves %s alone', (_case, text) => {
    expect(anonymiseDemandText(text, nobody)).toBe(text);
  });
});
