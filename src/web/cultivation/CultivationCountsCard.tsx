import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CULTIVATION_SCHEMES, type CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { Chart } from '../app/Chart.js';
import { QueryError } from '../app/QueryError.js';
import { countsOption, type CountsMetric } from './cultivation-pipeline-charts.js';
import { SCHEME_COLORS } from './cultivation-pipeline-tags.js';
import { useCultivationCounts } from './cultivation-lists-api.js';
import './cultivation-pipeline.css';

function Help({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <QuestionCircleOutlined className="yq-muted" style={{ marginInlineStart: 4 }} />
    </Tooltip>
  );
}

/**
 * 累计认定: per tier, the enterprises ever recognised and those whose title is valid today (and how
 * many expire within 90 days), with their course by month (GET /api/cultivation/counts).
 */
export function CultivationCountsCard() {
  const { t } = useTranslation();
  const counts = useCultivationCounts();
  const [metric, setMetric] = useState<CountsMetric>('cumulative');
  const option = useMemo(() => countsOption(counts.data?.points ?? [], CULTIVATION_SCHEMES, metric, t), [counts.data, metric, t]);
  const current = new Map((counts.data?.current ?? []).map((c) => [c.scheme, c]));
  const unit = t('cultivationPipeline.counts.enterprises');
  const empty = counts.data !== undefined && counts.data.current.every((c) => c.cumulative === 0);

  const tile = (scheme: CultivationScheme) => {
    const c = current.get(scheme);
    return (
      <Col key={scheme} xs={24} md={8}>
        <div className="yq-cult-tier" style={{ borderInlineStartColor: SCHEME_COLORS[scheme] }} data-testid={`counts-${scheme}`}>
          <div className="yq-cult-tier-name">{t(`cultivationPipeline.schemes.${scheme}`)}</div>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic
                title={
                  <span>
                    {t('cultivationPipeline.counts.cumulative')}
                    <Help text={t('cultivationPipeline.counts.cumulativeHelp')} />
                  </span>
                }
                value={c?.cumulative ?? 0}
                suffix={unit}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={
                  <span>
                    {t('cultivationPipeline.counts.valid')}
                    <Help text={t('cultivationPipeline.counts.validHelp')} />
                  </span>
                }
                value={c?.valid ?? 0}
                suffix={unit}
                styles={{ content: { fontWeight: 600 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('cultivationPipeline.counts.expiring')}
                value={c?.expiringIn90Days ?? 0}
                suffix={unit}
                styles={{ content: (c?.expiringIn90Days ?? 0) > 0 ? { color: '#d48806' } : {} }}
              />
            </Col>
          </Row>
        </div>
      </Col>
    );
  };

  return (
    <Card
      title={
        <Space size={8}>
          <span>{t('cultivationPipeline.counts.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('cultivationPipeline.counts.subtitle')}
          </Typography.Text>
        </Space>
      }
      extra={
        <Segmented<CountsMetric>
          size="small"
          value={metric}
          onChange={setMetric}
          options={[
            { value: 'cumulative', label: t('cultivationPipeline.counts.chartCumulative') },
            { value: 'valid', label: t('cultivationPipeline.counts.chartValid') },
          ]}
          data-testid="counts-metric"
        />
      }
      data-testid="cultivation-counts"
    >
      <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      {counts.isPending ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} className="yq-block">
          <Row gutter={[16, 16]}>{CULTIVATION_SCHEMES.map(tile)}</Row>
          {empty ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cultivationPipeline.counts.none')} />
          ) : (
            <Chart option={option} height={240} testId="counts-chart" label={t('cultivationPipeline.counts.chartLabel')} />
          )}
        </Space>
      )}
    </Card>
  );
}
