import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { YearlyFigures } from '../../contracts/enterprises.js';
import { formatCount, formatWan } from './money.js';

export const FIGURE_FIELDS = [
  'employees',
  'revenue',
  'mainRevenue',
  'totalAssets',
  'liabilities',
  'rdExpense',
  'rdStaff',
  'ipInvention',
  'ipUtilityModel',
  'ipDesign',
  'ipSoftware',
  'ipOther',
  'equityFinancing',
] as const satisfies readonly (keyof YearlyFigures)[];
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Money fields (yuan on the wire, 万元 on screen); the others are counts. */
export const MONEY_FIELDS: ReadonlySet<FigureField> = new Set(['revenue', 'mainRevenue', 'totalAssets', 'liabilities', 'rdExpense', 'equityFinancing']);

type Row = { field: FigureField } & Record<string, number | null | string>;

/** Yearly figures with one column per year (newest first) and one row per indicator. */
export function FiguresTable({ figures }: { figures: YearlyFigures[] }) {
  const { t } = useTranslation();
  const years = [...figures].sort((a, b) => b.year - a.year);
  const rows: Row[] = FIGURE_FIELDS.map((field) => {
    const row: Row = { field };
    for (const f of years) row[String(f.year)] = f[field];
    return row;
  });
  const notReported = <span className="yq-muted">{t('common.notReported')}</span>;

  if (years.length === 0) return <Typography.Text type="secondary">{t('enterprise.figures.empty')}</Typography.Text>;

  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 200 + years.length * 140 }}
      columns={[
        { title: t('enterprise.figures.indicator'), dataIndex: 'field', fixed: 'left', width: 200, render: (f: FigureField) => t(`enterprise.figures.${f}`) },
        ...years.map((f) => ({
          title: String(f.year),
          dataIndex: String(f.year),
          align: 'right' as const,
          width: 140,
          render: (value: number | null, row: Row) => {
            if (value === null || value === undefined) return notReported;
            return <span className="yq-num">{MONEY_FIELDS.has(row.field) ? formatWan(value) : formatCount(value)}</span>;
          },
        })),
      ]}
    />
  );
}
