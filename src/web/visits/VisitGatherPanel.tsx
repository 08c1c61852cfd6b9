import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PageOf } from '../../contracts/common.js';
import { UNSETTLED_STATUSES } from '../../domain/demands/demand-vocabulary.js';
import { apiGet } from '../app/api.js';
import { QueryError } from '../app/QueryError.js';
import { demandKeys } from '../demands/demand-api.js';
import type { DemandSummary } from '../demands/demand-types.js';
import { useGatherDemands, useUngatherDemand, type VisitDetail } from './visit-api.js';
import { raisedDemandIds } from './visit-demands.js';
import { visitErrorText } from './visit-errors.js';
import { VisitDemandTable } from './VisitDemandTable.js';

/**
 * 问需于企: before the visit the liaison cadres and the coordinator link the planned enterprises'
 * open demands to it, so the leader goes with them in hand (and the brief lists them).
 */
export function VisitGatherPanel({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const raised = raisedDemandIds(v);
  const gathered = v.demands.filter((d) => !raised.has(d.id));
  const ungather = useUngatherDemand(v.id);

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <Card
        title={t('visits.gather.gatheredTitle', { n: gathered.length })}
        extra={
          <Link to={`/visits/${v.id}/brief`}>
            {t('visits.gather.briefHint')}
          </Link>
        }
      >
        <Typography.Paragraph type="secondary">{t('visits.gather.help')}</Typography.Paragraph>
        <VisitDemandTable
          testId="visit-gathered"
          items={gathered}
          emptyText={t('visits.gather.none')}
          action={
            v.can.gather
              ? {
                  title: t('common.actions'),
                  render: (d) => (
                    <Popconfirm
                      title={t('visits.gather.removeConfirm', { number: d.number })}
                      onConfirm={() =>
                        ungather.mutateAsync(d.id).then(
                          () => void message.success(t('visits.gather.removed', { number: d.number })),
                          (e: unknown) => void message.error(visitErrorText(e)),
                        )
                      }
                    >
                      <Button type="link" size="small" danger icon={<DisconnectOutlined />}>
                        {t('visits.gather.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                }
              : undefined
          }
        />
      </Card>
      {v.can.gather && <GatherPicker visit={v} />}
    </Space>
  );
}

/** The open demands of the visit's enterprises not yet linked to it, to tick and gather. */
function GatherPicker({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const gather = useGatherDemands(v.id);
  const [selected, setSelected] = useState<Key[]>([]);
  const queries = useQueries({
    queries: v.enterprises.map((e) => {
      const params = { enterpriseId: e.id, status: UNSETTLED_STATUSES.join(','), pageSize: 100, sort: 'due', order: 'asc' } as const;
      return { queryKey: demandKeys.list(params), queryFn: () => apiGet<PageOf<DemandSummary>>('/api/demands', params) };
    }),
  });
  const linked = new Set(v.demands.map((d) => d.id));
  // A demand already gathered into another visit cannot be taken into this one.
  const candidates = queries.flatMap((q) => q.data?.items ?? []).filter((d) => !linked.has(d.id) && !d.visitId);
  const chosen = selected.filter((k) => candidates.some((d) => d.id === k)).map(String);
  const failed = queries.find((q) => q.error);

  const submit = () =>
    gather.mutate(chosen, {
      onSuccess: () => {
        void message.success(t('visits.gather.gathered', { n: chosen.length }));
        setSelected([]);
      },
      onError: (e) => void message.error(visitErrorText(e)),
    });

  return (
    <Card
      title={t('visits.gather.pickTitle')}
      extra={
        <Button type="primary" icon={<LinkOutlined />} disabled={chosen.length === 0} loading={gather.isPending} onClick={submit} data-testid="visit-gather-submit">
          {t('visits.gather.submit', { n: chosen.length })}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('visits.gather.pickHelp')}</Typography.Paragraph>
      {failed && <QueryError error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />}
      <VisitDemandTable
        testId="visit-gather-candidates"
        items={candidates}
        loading={queries.some((q) => q.isPending)}
        selected={selected}
        onSelect={setSelected}
        emptyText={t('visits.gather.noCandidates')}
      />
    </Card>
  );
}
