/**
 * The 16 sectors of 《中小企业划型标准规定》 (工信部联企业〔2011〕300号), each with its own size
 * thresholds. Keys and labels only; classification comes later.
 */
export const SIZE_SECTORS = [
  { key: 'agriculture', label: '农、林、牧、渔业' },
  { key: 'industry', label: '工业' },
  { key: 'construction', label: '建筑业' },
  { key: 'wholesale', label: '批发业' },
  { key: 'retail', label: '零售业' },
  { key: 'transport', label: '交通运输业' },
  { key: 'warehousing', label: '仓储业' },
  { key: 'postal', label: '邮政业' },
  { key: 'accommodation', label: '住宿业' },
  { key: 'catering', label: '餐饮业' },
  { key: 'information-transmission', label: '信息传输业' },
  { key: 'software-it', label: '软件和信息技术服务业' },
  { key: 'real-estate', label: '房地产开发经营' },
  { key: 'property-management', label: '物业管理' },
  { key: 'leasing-business', label: '租赁和商务服务业' },
  { key: 'other', label: '其他未列明行业' },
] as const satisfies readonly { key: string; label: string }[];

export type SizeSector = (typeof SIZE_SECTORS)[number]['key'];

export function isSizeSector(value: string): value is SizeSector {
  return SIZE_SECTORS.some((sector) => sector.key === value);
}

export function sizeSectorLabel(sector: SizeSector): string {
  return SIZE_SECTORS.find((s) => s.key === sector)?.label ?? sector;
}
