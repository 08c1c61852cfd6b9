import { describe, expect, it } from 'vitest';
import { renderNotification } from './notifications.js';

describe('renderNotification', () => {
  it('takes a parameter\'s words in the reader\'s language when given (gaps_en), the plain one otherwise', () => {
    const params = { scheme: '创新型中小企业', scheme_en: 'innovative SME', gaps: '研发费用占比 2.6% → 3%', gaps_en: 'R&D ratio 2.6% → 3%' };
    expect(renderNotification('cultivation.close', params, 'zh')).toBe('贵企业距创新型中小企业标准已较接近，还差：研发费用占比 2.6% → 3%');
    expect(renderNotification('cultivation.close', params, 'en')).toBe('Your enterprise is close to qualifying as innovative SME; still needed: R&D ratio 2.6% → 3%');
    expect(renderNotification('cultivation.close', { scheme: '创新型中小企业', gaps: 'x' }, 'en')).toContain('as 创新型中小企业;');
  });
});
