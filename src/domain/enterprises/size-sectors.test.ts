import { describe, expect, it } from 'vitest';
import { isSizeSector, SIZE_SECTORS, sizeSectorLabel } from './size-sectors.js';

describe('SIZE_SECTORS (工信部联企业〔2011〕300号)', () => {
  it('lists the 16 sectors in the order of the regulation', () => {
    expect(SIZE_SECTORS.map((s) => `${s.key}=${s.label}`)).toEqual([
      'agriculture=农、林、牧、渔业',
      'industry=工业',
      'construction=建筑业',
      'wholesale=批发业',
      'retail=零售业',
      'transport=交通运输业',
      'warehousing=仓储业',
      'postal=邮政业',
      'accommodation=住宿业',
      'catering=餐饮业',
      'information-transmission=信息传输业',
      'software-it=软件和信息技术服务业',
      'real-estate=房地产开发经营',
      'property-management=物业管理',
      'leasing-business=租赁和商务服务业',
      'other=其他未列明行业',
    ]);
  });

  it('recognises keys and gives labels', () => {
    expect([isSizeSector('software-it'), isSizeSector('mining')]).toEqual([true, false]);
    expect(sizeSectorLabel('catering')).toBe('餐饮业');
  });
});
