import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.js';
import type { DemandExtension } from './demand-types.js';

const COLORS: Record<DemandExtension['status'], string> = { pending: 'gold', approved: 'success', refused: 'error' };

/** 延期申请: every request for more time, with the coordinator's decision. */
export function DemandExtensionsCard({ extensions }: { extensions: DemandExtension[] }) {
  const { t } = useTranslation();
  if (extensions.length === 0) return null;
  return (
    <Card title={t('demands.extensions.title')} data-testid="demand-extensions">
      <Table<DemandExtension>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={extensions}
        columns={[
          { title: t('demands.extensions.requestedAt'), dataIndex: 'requestedAt', width: 100, render: (v: string) => formatDateTime(v) },
          {
            title: t('demands.extensions.dates'),
            key: 'dates',
            width: 120,
            render: (_, e) => (
              <span className="yq-num">
                {formatDate(e.previousDueOn)}
                <br />→ {formatDate(e.requestedDueOn)}
              </span>
            ),
          },
          { title: t('demands.extensions.reason'), dataIndex: 'reason' },
          {
            title: t('demands.extensions.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: DemandExtension['status']) => <Tag color={COLORS[v]}>{t(`demands.extensions.statuses.${v}`)}</Tag>,
          },
          {
            title: t('demands.extensions.decision'),
            key: 'decision',
            width: 160,
            render: (_, e) =>
              e.decidedAt ? (
                <span>
                  <span className="yq-muted">{formatDateTime(e.decidedAt)}</span>
                  {e.decisionNote && <div>{e.decisionNote}</div>}
                </span>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
    </Card>
  );
}
