import { Col, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { CalendarYearsCard } from './CalendarYearsCard.js';
import { DueCalculator } from './DueCalculator.js';
import { MonthView } from './MonthView.js';
import { OverridesCard } from './OverridesCard.js';

/** 工作日历: month view, due-date calculator, the years (official / provisional), the zone's overrides. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const month = (requested && /^\d{4}-\d{2}$/.test(requested) ? dayjs(`${requested}-01`) : dayjs(todayInZone())).startOf('month');

  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <Space orientation="vertical" size={16} className="yq-block">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <MonthView month={month} onMonthChange={(m) => setParams({ month: m.format('YYYY-MM') }, { replace: true })} />
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size={16} className="yq-block">
              <DueCalculator />
            </Space>
          </Col>
        </Row>
        <CalendarYearsCard />
        <OverridesCard />
      </Space>
    </>
  );
}
