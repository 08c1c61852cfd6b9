import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError.js';
import { ImportYearModal } from './ImportYearModal.js';
import { useCalendarYears, type CalendarYear } from './calendar-api.js';

const short = (date: string) => date.slice(5).replace('-', '/');

/** The years the calendar knows: official (with the notice number) or provisional. */
export function CalendarYearsCard() {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const [importing, setImporting] = useState(false);

  return (
    <Card
      title={t('calendar.years')}
      extra={
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
          {t('calendar.importYear')}
        </Button>
      }
    >
      <QueryError error={years.error} onRetry={() => void years.refetch()} />
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        loading={years.isFetching}
        dataSource={years.data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('calendar.year'), dataIndex: 'year', width: 80 },
          {
            title: t('calendar.status'),
            dataIndex: 'status',
            width: 250,
            render: (s: CalendarYear['status'], y) =>
              s === 'official' ? (
                <Space size={4}>
                  <Tag color="success">{t('calendar.official')}</Tag>
                  <Tag>{y.builtIn ? t('calendar.builtIn') : t('calendar.imported')}</Tag>
                </Space>
              ) : (
                <Tooltip title={t('calendar.provisionalHint')}>
                  <Tag color="warning">{t('calendar.provisionalTag')}</Tag>
                </Tooltip>
              ),
          },
          {
            title: t('calendar.notice'),
            dataIndex: 'notice',
            width: 200,
            render: (notice: string | null, y) =>
              notice ? (
                y.source ? (
                  <Typography.Link href={y.source} target="_blank" rel="noreferrer">
                    {notice}
                  </Typography.Link>
                ) : (
                  notice
                )
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('calendar.offRanges'),
            dataIndex: 'offRanges',
            render: (ranges: CalendarYear['offRanges']) => (
              <Space size={[4, 4]} wrap>
                {ranges.map((r) => (
                  <Tag key={`${r.name}-${r.from}`} color="red">
                    {r.name} {r.from === r.to ? short(r.from) : `${short(r.from)}–${short(r.to)}`}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('calendar.adjustedWorkdays'),
            dataIndex: 'adjustedWorkdays',
            width: 220,
            render: (days: string[]) =>
              days.length ? (
                <Space size={[4, 4]} wrap>
                  {days.map((d) => (
                    <Tag key={d} color="gold">
                      {short(d)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <span className="yq-muted">{t('calendar.noAdjusted')}</span>
              ),
          },
        ]}
      />
      <ImportYearModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
