/**
 * One year's holiday arrangement as published by the General Office of the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 *
 * A date is a day off when it lies in an off range, or when it is a Saturday or Sunday that is
 * not an adjusted working day (调休上班日). Weekend days that merely adjoin a holiday
 * ("与周末连休") are not listed.
 */
export type YearArrangement = {
  year: number;
  /** Document number, e.g. 国办发明电〔2025〕7号. */
  notice: string;
  /** Date the notice was issued (YYYY-MM-DD). */
  issuedOn: string;
  /** URL of the notice on gov.cn. */
  source: string;
  /** Inclusive ranges of days off, in date order, each named after its holiday. */
  offRanges: { name: string; from: string; to: string }[];
  /** Weekend days that are working days (调休上班), in date order. */
  adjustedWorkdays: string[];
};

/**
 * The official arrangements 2024–2026, as in the notices below (checked day by day against
 * NateScarlet/holiday-cn and chinese-days@1.5.7; see docs/rules/calendar.md).
 */
export const OFFICIAL_ARRANGEMENTS: readonly YearArrangement[] = [
  {
    year: 2024,
    notice: '国办发明电〔2023〕7号',
    issuedOn: '2023-10-25',
    source: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    offRanges: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    adjustedWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    notice: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
    source: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    offRanges: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    adjustedWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    notice: '国办发明电〔2025〕7号',
    issuedOn: '2025-11-04',
    source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    offRanges: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
