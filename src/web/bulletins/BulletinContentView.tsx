import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BulletinFigures, BulletinStats } from '../../contracts/bulletins.js';
import { useLanguage } from '../app/language.js';
import type { Language } from '../i18n/index.js';
import type { BulletinContent } from './bulletin-api.js';
import { Chart } from '../app/Chart.js';
import type { ChartOption } from '../app/echarts.js';
import { changeOf, formatLongDate, formatMonth, formatRate } from './bulletin-format.js';
import './bulletins.css';

type DepartmentRow = BulletinStats['byDepartment'][number];
type CategoryRow = BulletinStats['byCategory'][number];
type ChannelRow = BulletinStats['byChannel'][number];
type OverdueRow = BulletinStats['overdueList'][number];
type FigureKey = keyof BulletinFigures;

const COUNT_KEYS = ['received', 'accepted', 'declined', 'settled', 'settledOnTime', 'overdue', 'extended', 'reopened'] as const;
const RATE_KEYS = ['onTimeRate', 'satisfactionRate', 'confirmationRate'] as const;
const isRate = (key: FigureKey) => (RATE_KEYS as readonly string[]).includes(key);
/** Whether a rise is good news (green), bad news (red) or neither (grey). */
const GOOD_UP: FigureKey[] = ['settled', 'settledOnTime', 'onTimeRate', 'satisfactionRate', 'confirmationRate'];
const BAD_UP: FigureKey[] = ['overdue', 'reopened'];

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const caseNumeral = (i: number, lang: Language) => (lang === 'zh' ? (CN_NUMERALS[i] ?? String(i + 1)) : String(i + 1));

const BAR = '#1f5fc4';
const PALETTE = ['#1f5fc4', '#2fa37a', '#f0a020', '#d9534f', '#7b61c9', '#3bb2d0', '#8c8c8c'];

/**
 * What a monthly bulletin says, drawn the same way on the administration's page and on the
 * public page: the date line, the headline figures against last month and the year so far, the
 * departments ranked by on-time rate, categories and channels, the overdue list, the visits and
 * the typical cases. The content is already masked by the server for public use.
 */
export function BulletinContentView({ content, linkDemands = false }: { content: BulletinContent; linkDemands?: boolean }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { stats } = content;
  const month = formatMonth(content.month, lang);

  return (
    <article className="yq-bulletin" data-testid="bulletin-content">
      {content.correction && (
        <Alert
          type="warning"
          showIcon
          className="yq-bulletin-correction"
          data-testid="bulletin-correction"
          title={t('bulletins.view.correction')}
          description={t('bulletins.view.correctionText', {
            version: content.version,
            supersedes: content.correction.supersedesVersion,
            reason: content.correction.reason,
          })}
        />
      )}
      <header className="yq-bulletin-head">
        <h1 className="yq-bulletin-title" data-testid="bulletin-title">
          {content.title}
        </h1>
        <div className="yq-bulletin-dateline">
          <span>{content.issuedBy}</span>
          <span>{formatLongDate(content.issuedOn, lang)}</span>
        </div>
        <Typography.Text type="secondary" className="yq-bulletin-asof">
          {t('bulletins.view.asOf', { date: formatLongDate(stats.asOf, lang) })}
        </Typography.Text>
      </header>
      {content.intro && (
        <div className="yq-bulletin-intro">
          {content.intro
            .split(/\n+/)
            .filter((p) => p.trim())
            .map((p, i) => (
              <p key={i}>{p}</p>
            ))}
        </div>
      )}

      <Section title={t('bulletins.view.sections.overview')} testId="bulletin-overview">
        <p className="yq-bulletin-text">
          {t('bulletins.view.overviewSentence', {
            month,
            received: stats.totals.received,
            accepted: stats.totals.accepted,
            settled: stats.totals.settled,
            settledOnTime: stats.totals.settledOnTime,
            onTimeRate: formatRate(stats.totals.onTimeRate),
            satisfactionRate: formatRate(stats.totals.satisfactionRate),
          })}
        </p>
        <div data-testid="bulletin-figures">
          <div className="yq-bulletin-rates">
            {RATE_KEYS.map((key) => (
              <FigureTile key={key} figure={key} now={stats.totals} before={stats.previousMonth} ytd={stats.yearToDate} />
            ))}
          </div>
          <div className="yq-bulletin-counts">
            {COUNT_KEYS.map((key) => (
              <FigureTile key={key} figure={key} now={stats.totals} before={stats.previousMonth} ytd={stats.yearToDate} />
            ))}
          </div>
        </div>
      </Section>

      <Section title={t('bulletins.view.sections.departments')} testId="bulletin-departments">
        <DepartmentBlock stats={stats} />
      </Section>

      <Section title={t('bulletins.view.sections.categories')} testId="bulletin-categories">
        <CategoryChannelBlock stats={stats} />
      </Section>

      <Section title={t('bulletins.view.sections.overdue')} testId="bulletin-overdue">
        <OverdueTable rows={stats.overdueList} linkDemands={linkDemands} />
      </Section>

      <Section title={t('bulletins.view.sections.visits')} testId="bulletin-visits">
        <p className="yq-bulletin-text">
          {lang === 'zh' && content.visits.sentence
            ? content.visits.sentence
            : t('bulletins.view.visitsSentence', {
                visits: content.visits.visits,
                enterpriseVisits: content.visits.enterpriseVisits,
                distinct: content.visits.distinctEnterprises,
                raised: content.visits.demandsRaised,
                settled: content.visits.settled,
              })}
        </p>
        <div className="yq-bulletin-visit-figures">
          {(['visits', 'enterpriseVisits', 'distinctEnterprises', 'demandsRaised', 'settled'] as const).map((key) => (
            <div key={key} className="yq-bulletin-visit-figure">
              <span className="yq-bulletin-visit-value">{content.visits[key]}</span>
              <span className="yq-bulletin-visit-label">{t(`bulletins.view.visitsFigures.${key}`)}</span>
            </div>
          ))}
        </div>
      </Section>

      <Section title={t('bulletins.view.sections.cases')} testId="bulletin-cases">
        {content.cases.length === 0 ? (
          <Typography.Text type="secondary">{t('bulletins.view.casesNone')}</Typography.Text>
        ) : (
          <ol className="yq-bulletin-cases">
            {content.cases.map((c, i) => (
              <li key={c.demandId} className="yq-bulletin-case" data-testid="bulletin-case">
                <div className="yq-bulletin-case-title">
                  <span className="yq-bulletin-case-no">{t('bulletins.view.caseNo', { n: caseNumeral(i, lang) })}</span>
                  {linkDemands ? <Link to={`/demands/${c.demandId}`}>{c.title}</Link> : c.title}
                </div>
                <div className="yq-bulletin-case-meta">
                  <Tag variant="outlined">{c.categoryName}</Tag>
                  {c.departmentName && <span>{c.departmentName}</span>}
                  <span>{t('bulletins.view.caseSubmitted', { date: c.submittedOn })}</span>
                  {c.settledOn && <span>{t('bulletins.view.caseSettled', { date: c.settledOn })}</span>}
                  {c.settledOnTime !== null && (
                    <Tag color={c.settledOnTime ? 'green' : 'orange'}>{c.settledOnTime ? t('bulletins.view.onTime') : t('bulletins.view.late')}</Tag>
                  )}
                </div>
                <p className="yq-bulletin-case-text">{c.description}</p>
                {c.answer && (
                  <p className="yq-bulletin-case-text">
                    <strong>{t('bulletins.view.caseAnswer')}</strong>
                    {c.answer}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </article>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="yq-bulletin-section" data-testid={testId}>
      <h2 className="yq-bulletin-section-title">{title}</h2>
      {children}
    </section>
  );
}

function figureText(key: FigureKey, f: BulletinFigures): string {
  const value = f[key];
  return isRate(key) ? formatRate(value) : String(value ?? '—');
}

/** One headline figure: this month, the change against last month (arrow), the year so far. */
function FigureTile({ figure, now, before, ytd }: { figure: FigureKey; now: BulletinFigures; before: BulletinFigures; ytd: BulletinFigures }) {
  const { t } = useTranslation();
  const rate = isRate(figure);
  const change = changeOf(now[figure], before[figure], rate);
  const tone =
    change.trend === 'up' || change.trend === 'down'
      ? GOOD_UP.includes(figure)
        ? change.trend === 'up' ? 'good' : 'bad'
        : BAD_UP.includes(figure)
          ? change.trend === 'up' ? 'bad' : 'good'
          : 'neutral'
      : 'neutral';
  let changeNode: ReactNode;
  if (change.trend === 'none') changeNode = t('bulletins.view.momNone');
  else if (change.trend === 'flat') changeNode = t('bulletins.view.momFlat');
  else
    changeNode = (
      <span aria-label={t(`bulletins.view.${change.trend}`)}>
        {t('bulletins.view.mom')} {change.trend === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {change.text}
        {rate && <span className="yq-bulletin-figure-unit">{t('bulletins.view.pointUnit')}</span>}
      </span>
    );
  return (
    <div className={`yq-bulletin-figure${rate ? ' yq-bulletin-figure-rate' : ''}`} data-testid={`bulletin-figure-${figure}`}>
      <div className="yq-bulletin-figure-label">{t(`bulletins.view.figures.${figure}`)}</div>
      <div className={`yq-bulletin-figure-value${figure === 'overdue' && now.overdue > 0 ? ' yq-bulletin-bad' : ''}`}>
        {figureText(figure, now)}
        {!rate && <span className="yq-bulletin-figure-unit">{t('bulletins.view.pieces')}</span>}
      </div>
      <div className={`yq-bulletin-figure-change yq-bulletin-${tone}`}>
        {change.trend === 'flat' && <MinusOutlined />} {changeNode}
      </div>
      <div className="yq-bulletin-figure-ytd">{t('bulletins.view.ytd', { value: figureText(figure, ytd) })}</div>
    </div>
  );
}

const rateCell = (value: number | null) => <span className="yq-num">{formatRate(value)}</span>;

function DepartmentBlock({ stats }: { stats: BulletinStats }) {
  const { t } = useTranslation();
  const ranked = useMemo(
    () => stats.byDepartment.filter((d) => d.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
    [stats.byDepartment],
  );
  const unranked = useMemo(() => stats.byDepartment.filter((d) => d.rank === null), [stats.byDepartment]);
  const option = useMemo<ChartOption>(() => onTimeOption(ranked, t), [ranked, t]);
  if (stats.byDepartment.length === 0) return <Typography.Text type="secondary">{t('bulletins.view.noDepartments')}</Typography.Text>;

  const columns: ColumnsType<DepartmentRow> = [
    {
      title: t('bulletins.view.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number | null) =>
        rank === null ? '—' : <span className={`yq-bulletin-rank${rank <= 3 ? ' yq-bulletin-rank-top' : ''}`}>{rank}</span>,
    },
    {
      title: t('bulletins.view.department'),
      dataIndex: 'departmentName',
      render: (name: string, r) => (
        <>
          <div>{name}</div>
          {r.rank === null && (
            <Tag className="yq-bulletin-not-ranked" data-testid="bulletin-not-ranked">
              {t('bulletins.view.notRanked')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('bulletins.view.handled'), dataIndex: 'handled', align: 'right' },
    { title: t('bulletins.view.figures.settled'), dataIndex: 'settled', align: 'right', responsive: ['sm'] },
    { title: t('bulletins.view.figures.settledOnTime'), dataIndex: 'settledOnTime', align: 'right', responsive: ['sm'] },
    { title: t('bulletins.view.figures.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: rateCell },
    { title: t('bulletins.view.figures.overdue'), dataIndex: 'overdue', align: 'right' },
    { title: t('bulletins.view.figures.satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', render: rateCell, responsive: ['sm'] },
  ];
  return (
    <>
      {ranked.length > 0 && (
        <>
          <h3 className="yq-bulletin-sub">{t('bulletins.view.onTimeChart')}</h3>
          <Chart option={option} height={Math.max(140, ranked.length * 32 + 40)} testId="bulletin-ontime-chart" />
        </>
      )}
      <Table<DepartmentRow>
        size="small"
        rowKey="departmentId"
        columns={columns}
        dataSource={[...ranked, ...unranked]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.rank === null ? 'yq-bulletin-unranked' : '')}
        data-testid="bulletin-department-table"
      />
      <Typography.Paragraph type="secondary" className="yq-bulletin-note">
        {t('bulletins.view.rankNote', { min: stats.minRanked })}
      </Typography.Paragraph>
    </>
  );
}

function onTimeOption(ranked: DepartmentRow[], t: TFunction): ChartOption {
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((d) => `${d.rank}. ${d.departmentName}`),
      axisTick: { show: false },
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('bulletins.view.figures.onTimeRate'),
        data: ranked.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)),
        barMaxWidth: 18,
        itemStyle: { color: BAR, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? `${p.value}%` : '—') },
      },
    ],
  };
}

function CategoryChannelBlock({ stats }: { stats: BulletinStats }) {
  const { t } = useTranslation();
  const channelName = (c: ChannelRow['channel']) => t(`demands.channels.${c}`);
  const categories = useMemo(() => [...stats.byCategory].sort((a, b) => b.received - a.received), [stats.byCategory]);
  const categoryOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', inverse: true, data: categories.map((c) => c.name), axisTick: { show: false }, axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('bulletins.view.figures.received'),
          data: categories.map((c) => c.received),
          barMaxWidth: 16,
          itemStyle: { color: '#2fa37a', borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [categories, t],
  );
  const channelOption = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          name: t('bulletins.view.channel'),
          radius: ['36%', '60%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}', lineHeight: 16 },
          data: stats.byChannel.filter((c) => c.received > 0).map((c) => ({ name: t(`demands.channels.${c.channel}`), value: c.received })),
        },
      ],
    }),
    [stats.byChannel, t],
  );

  const figureColumns = <T extends BulletinFigures>(): ColumnsType<T> => [
    { title: t('bulletins.view.figures.received'), dataIndex: 'received', align: 'right' },
    { title: t('bulletins.view.figures.settled'), dataIndex: 'settled', align: 'right' },
    { title: t('bulletins.view.figures.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: rateCell },
    { title: t('bulletins.view.figures.overdue'), dataIndex: 'overdue', align: 'right' },
  ];
  const categoryColumns: ColumnsType<CategoryRow> = [{ title: t('bulletins.view.category'), dataIndex: 'name' }, ...figureColumns<CategoryRow>()];
  const channelColumns: ColumnsType<ChannelRow> = [
    { title: t('bulletins.view.channel'), dataIndex: 'channel', render: channelName },
    ...figureColumns<ChannelRow>(),
  ];
  const hasChannels = stats.byChannel.some((c) => c.received > 0);

  return (
    <div className="yq-bulletin-two">
      <div>
        <h3 className="yq-bulletin-sub">{t('bulletins.view.byCategory')}</h3>
        {categories.length > 0 ? (
          <Chart option={categoryOption} height={Math.max(120, categories.length * 28 + 30)} testId="bulletin-category-chart" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
        <Table<CategoryRow>
          size="small"
          rowKey="code"
          columns={categoryColumns}
          dataSource={categories}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="bulletin-category-table"
        />
      </div>
      <div>
        <h3 className="yq-bulletin-sub">{t('bulletins.view.byChannel')}</h3>
        {hasChannels ? <Chart option={channelOption} height={240} testId="bulletin-channel-chart" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Table<ChannelRow>
          size="small"
          rowKey="channel"
          columns={channelColumns}
          dataSource={stats.byChannel}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="bulletin-channel-table"
        />
      </div>
    </div>
  );
}

function OverdueTable({ rows, linkDemands }: { rows: OverdueRow[]; linkDemands: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography.Text type="secondary">{t('bulletins.view.overdueNone')}</Typography.Text>;
  const columns: ColumnsType<OverdueRow> = [
    {
      title: t('bulletins.view.number'),
      dataIndex: 'number',
      render: (number: string, r) => (linkDemands ? <Link to={`/demands/${r.id}`}>{number}</Link> : <span className="yq-num">{number}</span>),
    },
    { title: t('bulletins.view.department'), dataIndex: 'departmentName', render: (name: string | null) => name ?? t('bulletins.view.unassigned') },
    { title: t('bulletins.view.category'), dataIndex: 'categoryName' },
    {
      title: t('bulletins.view.dueOn'),
      dataIndex: 'dueOn',
      render: (due: string, r) => (
        <span className="yq-nowrap">
          {due}{' '}
          {r.dueProvisional && (
            <Tooltip title={t('bulletins.view.provisionalHelp')}>
              <Tag color="purple" variant="outlined" data-testid="bulletin-provisional">
                {t('bulletins.view.provisional')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t('bulletins.view.state'),
      dataIndex: 'state',
      render: (state: OverdueRow['state']) => <Tag color={state === 'open' ? 'red' : 'orange'}>{t(`bulletins.view.overdueStates.${state}`)}</Tag>,
    },
  ];
  return (
    <Table<OverdueRow>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid="bulletin-overdue-table"
    />
  );
}
