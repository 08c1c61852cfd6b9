import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ASSESSMENT_STATUSES } from '../../contracts/cultivation.js';
import { CULTIVATION_SCHEMES } from '../../domain/cultivation/cultivation-evaluation.js';
import { formatDate, formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useUrlFilters, type ListFilters } from '../app/url-filters.js';
import { AssessmentStatusTag, OutcomeTag } from './AssessmentStatusTag.js';
import { StartForEnterpriseModal } from './StartForEnterpriseModal.js';
import { useAssessmentList, type AssessmentStatus, type AssessmentSummary, type CultivationScheme } from './cultivation-api.js';
import { formatPoints } from './evaluation-format.js';

type Filters = ListFilters & { scheme?: CultivationScheme; status?: AssessmentStatus; q?: string };

function readFilters(params: URLSearchParams): Filters {
  const scheme = params.get('scheme');
  const status = params.get('status');
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || 20,
    scheme: scheme && (CULTIVATION_SCHEMES as readonly string[]).includes(scheme) ? (scheme as CultivationScheme) : undefined,
    status: status && (ASSESSMENT_STATUSES as readonly string[]).includes(status) ? (status as AssessmentStatus) : undefined,
    q: params.get('q') || undefined,
  };
}

/**
 * 自评: for an enterprise user its own self-assessments (我的自评) and where to start one; for the
 * industry officer the review queue (自评审核) with filters; for leaders and the coordinator the
 * same list, to read.
 */
export function AssessmentListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const enterprise = me.roles.includes('enterprise') && !hasAnyRole(me, 'industry', 'admin', 'leader', 'coordinator');
  const officer = hasAnyRole(me, 'industry', 'admin');
  const [filters, setFilters] = useUrlFilters(useCallback(readFilters, []));
  const list = useAssessmentList({ ...filters });
  const [search, setSearch] = useState(filters.q ?? '');
  const [starting, setStarting] = useState(false);

  const title = enterprise ? t('cultivation.list.myTitle') : officer ? t('cultivation.list.reviewTitle') : t('cultivation.list.viewTitle');
  const subtitle = enterprise ? t('cultivation.list.mySubtitle') : officer ? t('cultivation.list.reviewSubtitle') : t('cultivation.list.viewSubtitle');

  const columns: ColumnsType<AssessmentSummary> = [
    ...(enterprise
      ? []
      : [
          {
            title: t('cultivation.list.enterprise'),
            dataIndex: 'enterpriseName',
            width: 240,
            ellipsis: true,
            render: (name: string, a: AssessmentSummary) => (
              <Link to={`/cultivation/assessments/${a.id}`} data-testid="assessment-row-link">
                {name}
              </Link>
            ),
          },
        ]),
    {
      title: t('cultivation.list.scheme'),
      dataIndex: 'scheme',
      render: (s: CultivationScheme, a) => (
        <>
          {enterprise ? (
            <Link to={`/cultivation/assessments/${a.id}`} data-testid="assessment-row-link">
              {t(`cultivation.schemes.${s}`)}
            </Link>
          ) : (
            t(`cultivation.schemes.${s}`)
          )}
          {a.purpose === 'review' && <Tag className="yq-cf-purpose-tag">{t('cultivation.purposes.review')}</Tag>}
        </>
      ),
    },
    { title: t('cultivation.list.status'), dataIndex: 'status', width: 96, render: (s: AssessmentStatus) => <AssessmentStatusTag status={s} /> },
    {
      title: t('cultivation.list.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (o: AssessmentSummary['outcome']) => (o ? <OutcomeTag outcome={o} /> : t('common.none')),
    },
    {
      title: t('cultivation.list.total'),
      dataIndex: 'total',
      width: 72,
      align: 'right',
      render: (v: number | null) => <span className="yq-num">{v === null ? t('common.none') : formatPoints(v)}</span>,
    },
    { title: t('cultivation.list.evaluationOn'), dataIndex: 'evaluationOn', width: 120, render: (v: string) => <span className="yq-num">{formatDate(v)}</span> },
    { title: t('cultivation.list.declaredAt'), dataIndex: 'declaredAt', width: 150, render: (v: string | null) => <span className="yq-num">{formatDateTime(v)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 72,
      render: (_, a) => (
        <Link to={`/cultivation/assessments/${a.id}`}>
          {enterprise && (a.status === 'draft' || a.status === 'returned') ? t('cultivation.list.edit') : t('cultivation.list.open')}
        </Link>
      ),
    },
  ];

  const startMenu = {
    items: CULTIVATION_SCHEMES.map((s) => ({ key: s, label: <span data-testid={`assessment-new-${s}`}>{t(`cultivation.schemes.${s}`)}</span> })),
    onClick: ({ key }: { key: string }) => void navigate(`/cultivation/assessments/new?scheme=${key}`),
  };

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="assessment-list">
      <PageHeader
        title={title}
        subTitle={subtitle}
        extra={
          enterprise && me.enterpriseId ? (
            <Dropdown menu={startMenu} trigger={['click']}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="assessment-new">
                {t('cultivation.list.create')} <DownOutlined />
              </Button>
            </Dropdown>
          ) : officer ? (
            <Button icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="assessment-new-for">
              {t('cultivation.list.createFor')}
            </Button>
          ) : null
        }
      />
      <QueryError error={list.error} onRetry={() => void list.refetch()} />
      <Card>
        <Space wrap className="yq-filter-bar" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('cultivation.list.allSchemes')}
            aria-label={t('cultivation.list.scheme')}
            value={filters.scheme}
            onChange={(scheme?: CultivationScheme) => setFilters({ scheme })}
            options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivation.schemes.${s}`) }))}
            data-testid="assessment-scheme-filter"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('cultivation.list.allStatuses')}
            aria-label={t('cultivation.list.status')}
            value={filters.status}
            onChange={(status?: AssessmentStatus) => setFilters({ status })}
            options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`cultivation.statuses.${s}`) }))}
            data-testid="assessment-status-filter"
          />
          {!enterprise && (
            <Input.Search
              allowClear
              style={{ width: 260 }}
              placeholder={t('cultivation.list.search')}
              aria-label={t('cultivation.list.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(q) => setFilters({ q: q.trim() || undefined })}
              data-testid="assessment-search"
            />
          )}
        </Space>
        <Table<AssessmentSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: enterprise ? t('cultivation.list.myEmpty') : t('cultivation.list.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setFilters({ page, pageSize }),
          }}
        />
        {enterprise && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('cultivation.list.ladder')}
          </Typography.Paragraph>
        )}
      </Card>
      {officer && <StartForEnterpriseModal open={starting} onClose={() => setStarting(false)} />}
    </Space>
  );
}
