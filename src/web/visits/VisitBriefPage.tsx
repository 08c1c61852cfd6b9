import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Anchor, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDate } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { CountdownTag } from '../demands/CountdownTag.js';
import { DemandStatusTag } from '../demands/DemandStatusTag.js';
import { QualificationTags } from '../enterprises/QualificationTags.js';
import { formatCount, formatWan } from '../enterprises/money.js';
import {
  downloadVisitBrief, useVisitBrief, type BriefDemand, type BriefEnterprise, type BriefFigureYear, type FigureChange, type RatioChange, type VisitBrief,
} from './visit-brief-api.js';
import './visit-brief.css';

const anchorId = (enterpriseId: string) => `brief-${enterpriseId}`;

/**
 * 走访简报 (问需于企): what the leader reads before a visit, one card per enterprise. Prints
 * without the app's frame (visit-brief.css) and downloads as a Word file to hand out.
 */
export function VisitBriefPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useVisitBrief(id);
  const onError = useApiErrorHandler();
  const [downloading, setDownloading] = useState(false);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const brief = query.data;
  const v = brief.visit;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadVisitBrief(v.id, t('visitBrief.fileName', { number: v.number }));
    } catch (error) {
      onError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} className="yq-block yq-brief" data-testid="visit-brief">
      <PageHeader
        title={t('visitBrief.title')}
        subTitle={t('visitBrief.subtitle', { number: v.number, date: formatDate(v.visitOn), halfDay: t(`visitBrief.halfDays.${v.halfDay}`) })}
        extra={
          <div className="yq-brief-actions">
            <Link to={`/visits/${v.id}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('visitBrief.backToVisit')}</Button>
            </Link>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="brief-print">
              {t('visitBrief.print')}
            </Button>
            <Button type="primary" icon={<FileWordOutlined />} loading={downloading} onClick={() => void download()} data-testid="brief-download">
              {t('visitBrief.download')}
            </Button>
          </div>
        }
      />
      <VisitHeader brief={brief} />
      {brief.enterprises.length === 0 ? (
        <Card>
          <Empty description={t('visitBrief.noEnterprises')} />
        </Card>
      ) : (
        brief.enterprises.map((e, i) => <EnterpriseCard key={e.profile.id} e={e} index={i} brief={brief} />)
      )}
    </Space>
  );
}

function VisitHeader({ brief }: { brief: VisitBrief }) {
  const { t } = useTranslation();
  const v = brief.visit;
  const none = t('common.none');
  return (
    <Card title={t('visitBrief.header.title')} extra={<Typography.Text type="secondary">{t('visitBrief.generatedOn', { date: formatDate(brief.generatedOn) })}</Typography.Text>}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('visitBrief.header.number')}>
          <span className="yq-num">{v.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.when')}>
          {formatDate(v.visitOn)} {t(`visitBrief.halfDays.${v.halfDay}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.status')}>{t(`visitBrief.statuses.${v.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.leader')}>{v.leader.name}</Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.theme')}>{v.theme?.name ?? t('visitBrief.header.noTheme')}</Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.departments')}>{v.departments.map((d) => d.name).join(t('visits.listSeparator')) || none}</Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.cadres')}>{v.cadres.map((c) => c.name).join(t('visits.listSeparator')) || none}</Descriptions.Item>
        <Descriptions.Item label={t('visitBrief.header.purpose')} span={2}>
          {v.purpose ?? none}
        </Descriptions.Item>
        {v.theme && v.theme.guidingQuestions.length > 0 && (
          <Descriptions.Item label={t('visitBrief.header.guidingQuestions')} span={3}>
            <ol className="yq-brief-questions">
              {v.theme.guidingQuestions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
          </Descriptions.Item>
        )}
      </Descriptions>
      {brief.enterprises.length > 0 && (
        <>
          <Typography.Text strong>{t('visitBrief.header.enterprises', { n: brief.enterprises.length })}</Typography.Text>
          <Anchor
            className="yq-brief-anchor"
            affix={false}
            items={brief.enterprises.map((e, i) => ({
              key: e.profile.id,
              href: `#${anchorId(e.profile.id)}`,
              title: (
                <span>
                  {i + 1}. {e.profile.name}
                  <Tag className="yq-brief-anchor-tag" color={e.openDemands.length ? 'orange' : 'default'}>
                    {t('visitBrief.anchor.openDemands', { n: e.openDemands.length })}
                  </Tag>
                  {e.gatheredCount > 0 && <Tag color="blue">{t('visitBrief.anchor.gathered', { n: e.gatheredCount })}</Tag>}
                </span>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="yq-brief-section">
      <Typography.Title level={5} className="yq-brief-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function EnterpriseCard({ e, index, brief }: { e: BriefEnterprise; index: number; brief: VisitBrief }) {
  const { t } = useTranslation();
  const p = e.profile;
  const none = t('common.none');
  const contact = p.contact ? [p.contact.name, p.contact.title, p.contact.phone].filter(Boolean).join(' ') : none;
  return (
    <Card
      id={anchorId(p.id)}
      className="yq-brief-enterprise"
      data-testid="brief-enterprise"
      title={
        <Space wrap>
          <span>
            {index + 1}. {p.name}
          </span>
          {p.aboveScale && <Tag color="blue">{t('visitBrief.profile.aboveScale')}</Tag>}
        </Space>
      }
      extra={
        <Link to={`/enterprises/${p.id}`} className="yq-brief-screen-only">
          {t('visitBrief.openEnterprise')}
        </Link>
      }
    >
      <Section title={t('visitBrief.sections.profile')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
          <Descriptions.Item label={t('visitBrief.profile.uscc')}>
            <span className="yq-num">{p.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.legalRepresentative')}>{p.legalRepresentative ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.industry')}>{p.industry ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.foundedOn')}>{formatDate(p.foundedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.aboveScale')}>{p.aboveScale ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.cadre')}>{p.cadre?.name ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.leader')}>{p.leader?.name ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.themes')}>{p.themes.join(t('visits.listSeparator')) || none}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.contact')}>{contact}</Descriptions.Item>
          <Descriptions.Item label={t('visitBrief.profile.address')} span={3}>
            {p.address ?? none}
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title={t('visitBrief.sections.figures')}>
        <FiguresTrendTable years={e.figures} />
        <Typography.Text type="secondary" className="yq-brief-note">
          {t('visitBrief.figures.note')}
        </Typography.Text>
      </Section>

      <Section title={t('visitBrief.sections.openDemands')}>
        {e.gatheredCount > 0 && (
          <Typography.Paragraph className="yq-brief-note">{t('visitBrief.demands.gatheredNote', { n: e.gatheredCount })}</Typography.Paragraph>
        )}
        <OpenDemandsTable demands={e.openDemands} />
      </Section>

      <Section title={t('visitBrief.sections.settledDemands')}>
        <SettledDemandsTable demands={e.settledDemands} days={brief.windows.settledDays} />
      </Section>

      <Section title={t('visitBrief.sections.qualifications')}>
        <QualificationsTable e={e} months={brief.windows.expiryMonths} />
      </Section>

      <Section title={t('visitBrief.sections.previousVisits')}>
        <PreviousVisitsTable e={e} />
      </Section>

      <Section title={t('visitBrief.sections.prospects')}>
        <BriefProspects e={e} />
      </Section>
    </Card>
  );
}

/** 可申报资质: the enterprise on the cultivation ladder; matching policies come with their module. */
function BriefProspects({ e }: { e: BriefEnterprise }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const c = e.prospects.cultivation;
  const next = c?.nextTier ?? null;
  return (
    <div data-testid="brief-prospects">
      {!c ? (
        <Typography.Paragraph type="secondary">{t('visitBrief.prospects.noData')}</Typography.Paragraph>
      ) : (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('visitBrief.prospects.held')}>
            {c.held.length ? <QualificationTags kinds={c.held} /> : t('visitBrief.prospects.none')}
          </Descriptions.Item>
          {c.qualifiesFor.length > 0 && (
            <Descriptions.Item label={t('visitBrief.prospects.qualifiesFor')}>
              <QualificationTags kinds={c.qualifiesFor} />
            </Descriptions.Item>
          )}
          {next && (
            <Descriptions.Item label={t('visitBrief.prospects.nextTier')}>
              <Space direction="vertical" size={4}>
                <span><QualificationTags kinds={[next.scheme]} /> {next.summary[lang]}</span>
                {next.lowerTierToApplyFor && (
                  <Typography.Text type="warning">
                    {t(next.onlyLowerTierMissing ? 'visitBrief.prospects.applyLowerOnly' : 'visitBrief.prospects.applyLower', { tier: t(`qualificationKinds.${next.lowerTierToApplyFor}`) })}
                  </Typography.Text>
                )}
                {next.gaps.length > 0 && <div>{t('visitBrief.prospects.gaps')}{next.gaps.map((g) => g[lang]).join(t('visitBrief.prospects.separator'))}</div>}
                {next.missing.length > 0 && <Typography.Text type="secondary">{t('visitBrief.prospects.missing')}{next.missing.map((m) => m[lang]).join(t('visitBrief.prospects.separator'))}</Typography.Text>}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {c ? t('visitBrief.prospects.basis', { on: c.on }) : null} {t('visitBrief.prospects.policiesPending')}
      </Typography.Paragraph>
    </div>
  );
}

type MetricKey = 'employees' | 'revenue' | 'rdExpense' | 'rdRatio' | 'ipTotal' | 'ipInvention' | 'ipUtilityModel' | 'ipDesign' | 'ipSoftware';
const METRICS: MetricKey[] = ['employees', 'revenue', 'rdExpense', 'rdRatio', 'ipTotal', 'ipInvention', 'ipUtilityModel', 'ipDesign', 'ipSoftware'];
const MONEY: ReadonlySet<MetricKey> = new Set(['revenue', 'rdExpense']);

function Trend({ change }: { change: FigureChange | RatioChange | null }) {
  const { t } = useTranslation();
  if (!change) return null;
  const icon = change.trend === 'up' ? <ArrowUpOutlined /> : change.trend === 'down' ? <ArrowDownOutlined /> : <ArrowRightOutlined />;
  const amount = 'points' in change
    ? t('visitBrief.figures.points', { n: Math.abs(change.points).toFixed(2) })
    : change.percent === null ? '' : `${Math.abs(change.percent).toFixed(1)}%`;
  return (
    <Tooltip title={t(`visitBrief.figures.${change.trend}`)}>
      <span className={`yq-brief-trend yq-brief-trend-${change.trend}`} data-testid="brief-trend">
        {icon}
        {amount}
      </span>
    </Tooltip>
  );
}

function FiguresTrendTable({ years }: { years: BriefFigureYear[] }) {
  const { t } = useTranslation();
  type Row = { metric: MetricKey };
  const format = (metric: MetricKey, value: number) =>
    MONEY.has(metric) ? formatWan(value) : metric === 'rdRatio' ? value.toFixed(2) : formatCount(value);
  const changeOf = (y: BriefFigureYear, metric: MetricKey) =>
    metric === 'employees' || metric === 'revenue' || metric === 'rdExpense' || metric === 'rdRatio' || metric === 'ipTotal' ? y.changes[metric] : null;
  return (
    <Table<Row>
      size="small"
      rowKey="metric"
      pagination={false}
      dataSource={METRICS.map((metric) => ({ metric }))}
      scroll={{ x: 180 + years.length * 160 }}
      columns={[
        { title: t('visitBrief.figures.indicator'), dataIndex: 'metric', width: 180, render: (m: MetricKey) => t(`visitBrief.figures.${m}`) },
        ...years.map((y) => ({
          key: String(y.year),
          title: y.reported ? t('visitBrief.figures.year', { year: y.year }) : t('visitBrief.figures.notReportedYear', { year: y.year }),
          align: 'right' as const,
          width: 160,
          render: (_: unknown, row: Row) => {
            const value = y[row.metric];
            if (value === null) return <span className="yq-muted">{t('common.notReported')}</span>;
            return (
              <span className="yq-num">
                {format(row.metric, value)} <Trend change={changeOf(y, row.metric)} />
              </span>
            );
          },
        })),
      ]}
    />
  );
}

function DemandLink({ d }: { d: BriefDemand }) {
  return (
    <Link to={`/demands/${d.id}`} className="yq-num">
      {d.number}
    </Link>
  );
}

function OpenDemandsTable({ demands }: { demands: BriefDemand[] }) {
  const { t } = useTranslation();
  if (demands.length === 0) return <Typography.Text type="secondary">{t('visitBrief.demands.noOpen')}</Typography.Text>;
  return (
    <Table<BriefDemand>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={demands}
      data-testid="brief-open-demands"
      rowClassName={(d) => (d.gathered ? 'yq-brief-gathered' : '')}
      scroll={{ x: 860 }}
      columns={[
        { title: t('visitBrief.demands.number'), key: 'number', width: 130, render: (_, d) => <DemandLink d={d} /> },
        {
          title: t('visitBrief.demands.title'),
          key: 'title',
          render: (_, d) => (
            <span>
              {d.gathered && <Tag color="blue">{t('visitBrief.demands.gathered')}</Tag>}
              {d.title}
              <Typography.Text type="secondary"> · {d.categoryName}</Typography.Text>
            </span>
          ),
        },
        { title: t('visitBrief.demands.status'), key: 'status', width: 120, render: (_, d) => <DemandStatusTag status={d.status} /> },
        { title: t('visitBrief.demands.lead'), key: 'lead', width: 170, render: (_, d) => d.leadDepartmentName ?? t('visitBrief.demands.unassigned') },
        {
          title: t('visitBrief.demands.dueOn'),
          key: 'dueOn',
          width: 130,
          render: (_, d) => (
            <span className="yq-num">
              {formatDate(d.dueOn)}
              {d.dueOn && d.provisional && <Typography.Text type="secondary"> ({t('visitBrief.demands.provisional')})</Typography.Text>}
            </span>
          ),
        },
        { title: t('visitBrief.demands.left'), key: 'left', width: 130, render: (_, d) => <CountdownTag countdown={d.countdown} status={d.status} /> },
      ]}
    />
  );
}

function SettledDemandsTable({ demands, days }: { demands: BriefDemand[]; days: number }) {
  const { t } = useTranslation();
  if (demands.length === 0) return <Typography.Text type="secondary">{t('visitBrief.demands.noSettled', { days })}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph className="yq-brief-note">{t('visitBrief.demands.settledCount', { days, n: demands.length })}</Typography.Paragraph>
      <Table<BriefDemand>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={demands}
        data-testid="brief-settled-demands"
        scroll={{ x: 860 }}
        columns={[
          { title: t('visitBrief.demands.number'), key: 'number', width: 130, render: (_, d) => <DemandLink d={d} /> },
          {
            title: t('visitBrief.demands.title'),
            key: 'title',
            width: 220,
            render: (_, d) => (
              <span>
                {d.gathered && <Tag color="blue">{t('visitBrief.demands.gathered')}</Tag>}
                {d.title}
              </span>
            ),
          },
          { title: t('visitBrief.demands.settledOn'), key: 'settledOn', width: 110, render: (_, d) => <span className="yq-num">{formatDate(d.settledOn)}</span> },
          { title: t('visitBrief.demands.answer'), key: 'answer', render: (_, d) => d.answerSummary ?? t('common.none') },
          {
            title: t('visitBrief.demands.satisfaction'),
            key: 'satisfaction',
            width: 110,
            render: (_, d) =>
              d.satisfaction ? (
                <Tag color={d.satisfaction === 'dissatisfied' ? 'error' : 'success'}>{t(`demands.satisfaction.${d.satisfaction}`)}</Tag>
              ) : (
                <Typography.Text type="secondary">{d.status === 'settled' ? t('visitBrief.demands.toConfirm') : t('visitBrief.demands.notRated')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function QualificationsTable({ e, months }: { e: BriefEnterprise; months: number }) {
  const { t } = useTranslation();
  type Row = BriefEnterprise['qualifications'][number];
  if (e.qualifications.length === 0) return <Typography.Text type="secondary">{t('visitBrief.qualifications.none')}</Typography.Text>;
  const expiring = e.qualifications.filter((q) => q.expiringSoon).length;
  return (
    <>
      {expiring > 0 && (
        <Alert type="warning" showIcon className="yq-brief-alert" title={t('visitBrief.qualifications.expiringNote', { n: expiring, months })} />
      )}
      <Table<Row>
        size="small"
        rowKey={(q) => `${q.kind}-${q.validFrom}-${q.certificateNo ?? ''}`}
        pagination={false}
        dataSource={e.qualifications}
        columns={[
          {
            title: t('visitBrief.qualifications.kind'),
            key: 'kind',
            render: (_, q) => (
              <span>
                <QualificationTags kinds={[q.kind]} />
                {q.name}
              </span>
            ),
          },
          { title: t('visitBrief.qualifications.certificateNo'), key: 'certificateNo', render: (_, q) => <span className="yq-num">{q.certificateNo ?? t('common.none')}</span> },
          {
            title: t('visitBrief.qualifications.validity'),
            key: 'validity',
            render: (_, q) => (
              <span className="yq-num">
                {t('visitBrief.qualifications.validRange', { from: q.validFrom, until: q.validUntil ?? t('visitBrief.qualifications.openEnded') })}
              </span>
            ),
          },
          {
            title: t('visitBrief.qualifications.status'),
            key: 'status',
            render: (_, q) =>
              q.expiringSoon ? (
                <Tag color="warning">{t('visitBrief.qualifications.expiringSoon', { months })}</Tag>
              ) : (
                <Tag color="success">{t('visitBrief.qualifications.valid')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

function PreviousVisitsTable({ e }: { e: BriefEnterprise }) {
  const { t } = useTranslation();
  type Row = BriefEnterprise['previousVisits'][number];
  if (e.previousVisits.length === 0) return <Typography.Text type="secondary">{t('visitBrief.previousVisits.none')}</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={e.previousVisits}
      columns={[
        {
          title: t('visitBrief.previousVisits.date'),
          key: 'date',
          render: (_, v) => (
            <Link to={`/visits/${v.id}`} className="yq-num">
              {formatDate(v.visitOn)} {t(`visitBrief.halfDays.${v.halfDay}`)}
            </Link>
          ),
        },
        { title: t('visitBrief.previousVisits.leader'), dataIndex: 'leaderName' },
        { title: t('visitBrief.previousVisits.theme'), key: 'theme', render: (_, v) => v.themeName ?? t('common.none') },
        { title: t('visitBrief.previousVisits.problems'), dataIndex: 'problemCount', align: 'right' },
      ]}
    />
  );
}
