import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConditionGroup, Evaluation } from '../../domain/cultivation/cultivation-evaluation.js';
import { explainEvaluation, type ExplainedCondition, type ExplainedEvaluation, type ExplainedIndicator } from '../../domain/cultivation/explain-evaluation.js';
import { formatDate } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { trimNumber } from './cultivation-pipeline-format.js';
import type { ResultDetail } from './cultivation-runs-api.js';

const GROUP_ORDER: ConditionGroup[] = ['scope', 'prerequisite', 'basic', 'direct', 'dimension', 'score'];

function MetIcon({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === true) return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('cultivationPipeline.result.met')} />;
  if (met === false) return <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('cultivationPipeline.result.notMet')} />;
  return <QuestionCircleFilled style={{ color: '#bfbfbf' }} aria-label={t('cultivationPipeline.result.unknown')} />;
}

/**
 * The server's explained evaluation; one stored without its words is explained here with the same
 * domain function (null when this build does not know its rule version).
 */
function explained(evaluation: ResultDetail['evaluation']): ExplainedEvaluation | null {
  if (typeof (evaluation as Partial<ExplainedEvaluation>).summary === 'object') return evaluation;
  try {
    return explainEvaluation(evaluation as unknown as Evaluation);
  } catch {
    return null;
  }
}

/**
 * One enterprise's full evaluation in a run, as the server explained it (explainEvaluation: the same
 * words as the CLI and the self-assessment): the summary, outcome and route, category and indicator
 * scores (value, band, points), every condition with its value and bound, the gaps, the missing data,
 * and the unconfirmed rules it applied.
 */
export function CultivationRunEvaluation({ detail }: { detail: ResultDetail }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const e = explained(detail.evaluation);
  if (!e) return <Empty description={t('common.noData')} />;
  const outcomeColor = e.outcome === 'qualified' ? 'success' : e.outcome === 'incomplete' ? 'default' : 'error';
  const groups = GROUP_ORDER.map((group) => ({ group, items: e.conditions.filter((c) => c.group === group) })).filter((g) => g.items.length > 0);

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="run-result-evaluation">
      <Alert
        type={e.outcome === 'qualified' ? 'success' : e.outcome === 'incomplete' ? 'info' : 'warning'}
        showIcon
        title={e.summary[lang]}
        data-testid="result-summary"
      />
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
        <Descriptions.Item label={t('cultivationPipeline.result.outcome')}>
          <Tag color={outcomeColor} data-testid="result-outcome">
            {e.outcomeLabel[lang]}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('cultivationPipeline.result.route')}>{e.routeLabel?.[lang] ?? '—'}</Descriptions.Item>
        {e.maxTotal !== null && (
          <Descriptions.Item label={t('cultivationPipeline.result.total')}>
            <span className="yq-num" data-testid="result-total">
              {e.total === null ? '—' : t('cultivationPipeline.result.totalOf', { total: trimNumber(e.total), max: e.maxTotal })}
            </span>
            {e.passMark !== null && <span className="yq-muted">（{t('cultivationPipeline.result.passMark', { mark: e.passMark })}）</span>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cultivationPipeline.result.on')}>
          <span className="yq-num yq-nowrap">{formatDate(e.on)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cultivationPipeline.result.rules')} span={2}>
          {e.rulesVersion}
          <div className="yq-muted" style={{ fontSize: 12 }}>
            {e.source[lang]}
          </div>
        </Descriptions.Item>
      </Descriptions>

      {e.unconfirmedNotes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('cultivationPipeline.result.unconfirmed')}
          description={
            <>
              <div>{t('cultivationPipeline.result.unconfirmedText')}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {e.unconfirmedNotes.map((n) => (
                  <li key={n.key}>{n.note[lang]}</li>
                ))}
              </ul>
            </>
          }
          data-testid="result-unconfirmed"
        />
      )}

      <Card size="small" title={t('cultivationPipeline.result.gaps')} data-testid="result-gaps">
        {e.gaps.length === 0 ? (
          <Typography.Text type="secondary">{t('cultivationPipeline.result.noGaps')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {e.gaps.map((g) => (
              <li key={`${g.kind}-${g.key}`}>{g.text[lang]}</li>
            ))}
          </ul>
        )}
      </Card>

      {e.missingFields.length > 0 && (
        <Card size="small" title={t('cultivationPipeline.result.missing')} data-testid="result-missing">
          <Space wrap size={[4, 4]}>
            {e.missingFields.map((m) => (
              <Tag key={m.field}>{m.label[lang]}</Tag>
            ))}
          </Space>
        </Card>
      )}

      {e.categories.length > 0 && (
        <Card size="small" title={t('cultivationPipeline.result.categories')}>
          <Space orientation="vertical" size={8} className="yq-block">
            {e.categories.map((c) => (
              <div key={c.key} data-testid="result-category">
                <Space size={8}>
                  <Typography.Text type={c.met === false ? 'danger' : undefined}>{c.text[lang]}</Typography.Text>
                  {c.minimum !== null && <MetIcon met={c.met} />}
                </Space>
                <Progress
                  percent={c.points === null || c.max === 0 ? 0 : Math.round((c.points / c.max) * 100)}
                  showInfo={false}
                  size="small"
                  status={c.met === false ? 'exception' : 'normal'}
                />
              </div>
            ))}
          </Space>
        </Card>
      )}

      {e.indicators.length > 0 && (
        <Card size="small" title={t('cultivationPipeline.result.indicators')}>
          <Table<ExplainedIndicator>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={e.indicators}
            columns={[
              {
                title: t('cultivationPipeline.result.indicator'),
                key: 'label',
                render: (_, i) => (
                  <>
                    <div>{i.label[lang]}</div>
                    <div className="yq-muted" style={{ fontSize: 12 }}>
                      {i.categoryLabel[lang]}
                    </div>
                  </>
                ),
              },
              {
                title: t('cultivationPipeline.result.value'),
                key: 'value',
                width: 120,
                render: (_, i) => (i.formattedValue ? <span className="yq-num">{i.formattedValue[lang]}</span> : <Tag title={i.reason[lang]}>{t('cultivationPipeline.result.unknown')}</Tag>),
              },
              { title: t('cultivationPipeline.result.band'), key: 'band', width: 160, render: (_, i) => i.bandLabel?.[lang] ?? '—' },
              {
                title: t('cultivationPipeline.result.points'),
                key: 'points',
                width: 80,
                align: 'right',
                render: (_, i) => (
                  <span className="yq-num">
                    {i.points === null ? '—' : trimNumber(i.points)} / {i.max}
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}

      {groups.map(({ group, items }) => (
        <Card key={group} size="small" title={t(`cultivationPipeline.result.groups.${group}`)} data-testid={`result-conditions-${group}`}>
          <Table<ExplainedCondition>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={items}
            columns={[
              { title: '', key: 'met', width: 36, render: (_, c) => <MetIcon met={c.met} /> },
              {
                title: t('cultivationPipeline.result.condition'),
                key: 'label',
                render: (_, c) => (
                  <>
                    <div>{c.label[lang]}</div>
                    <div className="yq-muted" style={{ fontSize: 12 }}>
                      {c.reason[lang]}
                    </div>
                  </>
                ),
              },
              // Qualitative conditions (scope, titles held) have no value to show.
              ...(items.some((c) => c.formattedValue || c.formattedThreshold)
                ? [
                    { title: t('cultivationPipeline.result.value'), key: 'value', width: 110, render: (_: unknown, c: ExplainedCondition) => <span className="yq-num">{c.formattedValue?.[lang] ?? '—'}</span> },
                    { title: t('cultivationPipeline.result.threshold'), key: 'threshold', width: 110, render: (_: unknown, c: ExplainedCondition) => <span className="yq-num">{c.formattedThreshold?.[lang] ?? '—'}</span> },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}

      {e.indicators.length === 0 && e.conditions.length === 0 && <Empty description={t('common.noData')} />}
    </Space>
  );
}
