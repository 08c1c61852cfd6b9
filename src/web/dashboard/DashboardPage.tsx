import { DesktopOutlined, FlagFilled, QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useDashboard, type Dashboard, type RedListItem } from './dashboard-api.js';
import {
  LIGHT_LOOK, categoriesOption, departmentsOption, departmentsShown, monthsOption, satisfactionOption, visitsOption,
} from './dashboard-charts.js';
import { headlineTiles } from './dashboard-headline.js';
import {
  MONTH_GROUPS, categoryLink, demandLink, departmentLink, monthLink, redListLink, statsLink, visitsWeekLink,
} from './dashboard-links.js';
import { Chart, type ChartPick } from '../app/Chart.js';
import './dashboard.css';

const MONTH_CHOICES = [6, 12, 24] as const;
const CHART_HEIGHT = 300;

function useMonths(): [number, (n: number) => void] {
  const [params, setParams] = useSearchParams();
  const n = Number(params.get('months'));
  const months = (MONTH_CHOICES as readonly number[]).includes(n) ? n : 12;
  return [months, (next) => setParams(next === 12 ? {} : { months: String(next) })];
}

function ChartCard({ title, help, extra, children, testId }: { title: string; help?: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card
      className="yq-dash-card"
      data-testid={testId}
      title={
        <Space size={6}>
          <span>{title}</span>
          {help && (
            <Tooltip title={help}>
              <QuestionCircleOutlined className="yq-muted" />
            </Tooltip>
          )}
        </Space>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}

function redListColumns(t: TFunction) {
  return [
    {
      key: 'number',
      title: t('dashboard.redList.number'),
      width: 122,
      render: (_: unknown, r: RedListItem) => <Link to={demandLink(r.id)}>{r.number}</Link>,
    },
    {
      key: 'title',
      title: t('dashboard.redList.title'),
      ellipsis: true,
      render: (_: unknown, r: RedListItem) => (
        <Tooltip title={`${r.enterpriseName} · ${r.categoryName}`}>
          <span>
            {r.escalationLevel > 0 && <FlagFilled className="yq-dash-escalated" aria-label={t('dashboard.redList.escalated')} title={t('dashboard.redList.escalated')} />}
            {r.title}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'department',
      title: t('dashboard.redList.department'),
      ellipsis: true,
      width: 132,
      render: (_: unknown, r: RedListItem) => r.departmentName ?? t('dashboard.redList.unassigned'),
    },
    {
      key: 'overdue',
      title: t('dashboard.redList.overdue'),
      width: 116,
      render: (_: unknown, r: RedListItem) => (
        <Tooltip title={`${t('dashboard.redList.dueOn')} ${r.dueOn}`}>
          <Tag color="red" className="yq-nowrap">
            {r.workingDaysOverdue !== null ? t('dashboard.redList.workingDays', { n: r.workingDaysOverdue }) : t('dashboard.redList.days', { n: r.daysOverdue })}
          </Tag>
        </Tooltip>
      ),
    },
  ];
}

/** 数据看板: the zone at a glance for the leaders; every chart leads to the list behind it. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [months, setMonths] = useMonths();
  const query = useDashboard(months);
  const d = query.data;

  return (
    <Space orientation="vertical" size={16} className="yq-block yq-dash">
      <PageHeader
        title={t('dashboard.title')}
        subTitle={d ? `${t('dashboard.subtitle', { zone: d.zoneName, today: d.today })} · ${t('dashboard.clickHint')}` : undefined}
        extra={
          <Space wrap>
            <Segmented
              value={months}
              options={MONTH_CHOICES.map((n) => ({ value: n, label: t('dashboard.months', { n }) }))}
              onChange={(v) => setMonths(Number(v))}
              data-testid="dashboard-months"
            />
            <Tooltip title={query.dataUpdatedAt ? t('dashboard.updatedAt', { time: formatDateTime(new Date(query.dataUpdatedAt).toISOString()) }) : undefined}>
              <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => void query.refetch()}>
                {t('dashboard.refresh')}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<DesktopOutlined />} href="/screen" target="_blank" rel="noopener" data-testid="open-screen">
              {t('dashboard.openScreen')}
            </Button>
          </Space>
        }
      />
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
      {!d && !query.error && <Card loading className="yq-dash-card" />}
      {d && <DashboardBody d={d} t={t} locale={i18n.language === 'en' ? 'en' : 'zh-CN'} navigate={navigate} />}
    </Space>
  );
}

function DashboardBody({ d, t, locale, navigate }: { d: Dashboard; t: TFunction; locale: string; navigate: (to: string) => void }) {
  const tiles = headlineTiles(d, t, locale);
  const departments = useMemo(() => departmentsShown(d.departments), [d.departments]);

  const options = useMemo(() => ({
    months: monthsOption(d.months, t, LIGHT_LOOK),
    departments: departmentsOption(departments, t, LIGHT_LOOK, 170),
    categories: categoriesOption(d.categories, LIGHT_LOOK),
    satisfaction: satisfactionOption(d.satisfaction, t, LIGHT_LOOK),
    visits: visitsOption(d.visitWeeks, t, LIGHT_LOOK),
  }), [d, departments, t]);

  const pickMonth = useCallback((p: ChartPick) => {
    const m = d.months.find((x) => x.month === p.key);
    if (!m) return;
    const group = p.seriesIndex !== null ? MONTH_GROUPS[p.seriesIndex] : undefined;
    navigate(monthLink(m, group));
  }, [d.months, navigate]);
  const pickDepartment = useCallback((p: ChartPick) => {
    const dept = departments.find((x) => x.departmentId === p.key);
    if (dept) navigate(departmentLink(dept.departmentId, d.yearFrom, d.today));
  }, [departments, d.yearFrom, d.today, navigate]);
  const pickCategory = useCallback((p: ChartPick) => {
    const c = p.index !== null ? d.categories[p.index] : undefined;
    if (c) navigate(categoryLink(c.categoryCode, d.yearFrom, d.today));
  }, [d.categories, d.yearFrom, d.today, navigate]);
  const pickSatisfaction = useCallback((p: ChartPick) => {
    const m = d.satisfaction.find((x) => x.month === p.key);
    if (m) navigate(statsLink(m.from, m.to));
  }, [d.satisfaction, navigate]);
  const pickWeek = useCallback((p: ChartPick) => {
    const w = d.visitWeeks.find((x) => x.monday === p.key);
    if (w) navigate(visitsWeekLink(w.monday, w.sunday));
  }, [d.visitWeeks, navigate]);

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.none')} className="yq-dash-empty" />;

  return (
    <div className="yq-dash-body">
      <div className="yq-dash-tiles" data-testid="dashboard-headline">
        {tiles.map((tile) => (
          <Link key={tile.key} to={tile.to} className={`yq-dash-tile${tile.alert ? ' yq-dash-tile-alert' : ''}`} data-testid={`dashboard-tile-${tile.key}`}>
            <div className="yq-dash-tile-label" title={tile.label}>{tile.label}</div>
            <div className="yq-dash-tile-value">
              {tile.value}
              {tile.unit && <span className="yq-dash-tile-unit">{tile.unit}</span>}
            </div>
          </Link>
        ))}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ChartCard title={t('dashboard.charts.months')} help={t('dashboard.charts.monthsHelp')} testId="dashboard-months-chart">
            <Chart option={options.months} height={CHART_HEIGHT} onPick={pickMonth} label={t('dashboard.charts.months')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title={t('dashboard.charts.categories')} testId="dashboard-categories-chart">
            {d.categories.length === 0 ? empty : <Chart option={options.categories} height={CHART_HEIGHT} onPick={pickCategory} label={t('dashboard.charts.categories')} />}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboard.charts.departments')} help={t('dashboard.charts.departmentsHelp', { min: d.minRanked })} testId="dashboard-departments-chart">
            {departments.length === 0
              ? empty
              : <Chart option={options.departments} height={Math.max(CHART_HEIGHT, departments.length * 30)} onPick={pickDepartment} label={t('dashboard.charts.departments')} />}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboard.charts.satisfaction')} help={t('dashboard.charts.satisfactionHelp')} testId="dashboard-satisfaction-chart">
            <Chart option={options.satisfaction} height={CHART_HEIGHT} onPick={pickSatisfaction} label={t('dashboard.charts.satisfaction')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('dashboard.charts.visits')} testId="dashboard-visits-chart">
            <Chart option={options.visits} height={CHART_HEIGHT} onPick={pickWeek} label={t('dashboard.charts.visits')} />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.charts.redList')}
            help={t('dashboard.charts.redListHelp')}
            testId="dashboard-red-list"
            extra={d.redList.total > 0 && <Link to={redListLink()}>{t('dashboard.charts.redListAll', { n: d.redList.total })}</Link>}
          >
            <Table<RedListItem>
              size="small"
              rowKey="id"
              columns={redListColumns(t)}
              dataSource={d.redList.items}
              pagination={false}
              scroll={{ y: CHART_HEIGHT - 40 }}
              locale={{ emptyText: t('dashboard.redList.empty') }}
            />
          </ChartCard>
        </Col>
      </Row>
    </div>
  );
}
