import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Skeleton, Space, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInZone } from '../app/format.js';
import { QueryError } from '../app/QueryError.js';
import { useCalendarMonth, type CalendarDay, type DayKind } from './calendar-api.js';

const KIND_CLASS: Record<DayKind, string> = {
  workday: '',
  weekend: 'yq-day-weekend',
  holiday: 'yq-day-off',
  'adjusted-workday': 'yq-day-adjusted',
  'zone-closure': 'yq-day-off',
  'zone-working': 'yq-day-adjusted',
};

function DayCell({ day, today }: { day: CalendarDay; today: string }) {
  const { t } = useTranslation();
  const kind = day.kind;
  const label: Record<DayKind, string> = {
    workday: t('calendar.workday'),
    weekend: t('calendar.weekend'),
    holiday: day.reason,
    'adjusted-workday': t('calendar.adjusted'),
    'zone-closure': day.reason,
    'zone-working': day.reason,
  };
  const badge = kind === 'holiday' || kind === 'zone-closure' ? t('calendar.holiday') : kind === 'adjusted-workday' || kind === 'zone-working' ? t('calendar.adjusted') : null;
  return (
    <Tooltip title={`${day.date} · ${day.reason}${day.provisional ? ` · ${t('calendar.provisional')}` : ''}`}>
      <div className={`yq-day ${KIND_CLASS[kind]} ${day.date === today ? 'yq-day-today' : ''}`} data-testid={`day-${day.date}`}>
        <Space size={4}>
          <span className="yq-day-num">{Number(day.date.slice(8))}</span>
          {badge && <Tag color={kind === 'holiday' || kind === 'zone-closure' ? 'red' : 'gold'}>{badge}</Tag>}
        </Space>
        {kind !== 'workday' && kind !== 'weekend' && <span className="yq-day-reason">{label[kind]}</span>}
      </div>
    </Tooltip>
  );
}

/** One month of the zone's working calendar: working days, weekends, holidays and 调休, with reasons. */
export function MonthView({ month, onMonthChange }: { month: Dayjs; onMonthChange: (m: Dayjs) => void }) {
  const { t } = useTranslation();
  const query = useCalendarMonth(month.year(), month.month() + 1);
  const today = todayInZone();
  const days = query.data ?? [];
  const first = days[0];
  const lead = first ? (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const provisional = days.some((d) => d.provisional);

  return (
    <Card
      title={t('calendar.month')}
      extra={
        <Space>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.prevMonth')} onClick={() => onMonthChange(month.subtract(1, 'month'))} />
          <DatePicker picker="month" allowClear={false} value={month} onChange={(m) => m && onMonthChange(m.startOf('month'))} />
          <Button icon={<RightOutlined />} aria-label={t('calendar.nextMonth')} onClick={() => onMonthChange(month.add(1, 'month'))} />
          <Button onClick={() => onMonthChange(dayjs(today).startOf('month'))}>{t('calendar.thisMonth')}</Button>
        </Space>
      }
    >
      {provisional && <Alert type="warning" showIcon title={t('calendar.provisionalTag')} description={t('calendar.provisionalHint')} style={{ marginBottom: 12 }} />}
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending ? (
        <Skeleton active />
      ) : (
        <div className="yq-month">
          {t('calendar.weekdays')
            .split(',')
            .map((w) => (
              <div key={w} className="yq-month-head">
                {w}
              </div>
            ))}
          {Array.from({ length: lead }, (_, i) => (
            <div key={`empty-${i}`} className="yq-day yq-day-empty" />
          ))}
          {days.map((d) => (
            <DayCell key={d.date} day={d} today={today} />
          ))}
        </div>
      )}
      <div className="yq-legend" style={{ marginTop: 12 }}>
        <span>
          <span className="yq-legend-swatch" style={{ background: '#fff' }} />
          {t('calendar.workday')}
        </span>
        <span>
          <span className="yq-legend-swatch" style={{ background: '#fafafa' }} />
          {t('calendar.weekend')}
        </span>
        <span>
          <span className="yq-legend-swatch" style={{ background: '#fff5f5', borderColor: '#ffd6d6' }} />
          {t('calendar.holiday')}
        </span>
        <span>
          <span className="yq-legend-swatch" style={{ background: '#fffbe6', borderColor: '#ffe58f' }} />
          {t('calendar.adjusted')}
        </span>
      </div>
    </Card>
  );
}
