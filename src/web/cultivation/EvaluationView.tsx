import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Card, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionGroup } from '../../domain/cultivation/cultivation-evaluation.js';
import type { ExplainedCondition, ExplainedEvaluation, ExplainedIndicator } from '../../domain/cultivation/explain-evaluation.js';
import { useLanguage } from '../app/language.js';
import { OutcomeTag } from './AssessmentStatusTag.js';
import { formatPoints } from './evaluation-format.js';
import './cultivation.css';

const GROUP_ORDER: ConditionGroup[] = ['prerequisite', 'scope', 'basic', 'direct', 'dimension', 'score'];

function ConditionIcon({ met }: { met: boolean | null }) {
  if (met === true) return <CheckCircleFilled style={{ color: '#52c41a' }} />;
  if (met === false) return <CloseCircleFilled style={{ color: '#ff4d4f' }} />;
  return <QuestionCircleFilled style={{ color: '#faad14' }} />;
}

/** A scheme without a score of its own: how many of its conditions are met (the direct routes are alternatives, not counted). */
function ConditionCount({ conditions }: { conditions: ExplainedCondition[] }) {
  const { t } = useTranslation();
  const counted = conditions.filter((c) => c.group !== 'direct');
  const met = counted.filter((c) => c.met === true).length;
  return (
    <div data-testid="evaluation-conditions-met">
      <span className="yq-ev-total">{met}</span>
      <span className="yq-ev-total-max">{t('cultivation.evaluation.conditionsMet', { n: counted.length })}</span>
    </div>
  );
}

/**
 * An explained evaluation (explain-evaluation.ts), the same for the browser's live score and the
 * evaluation the server stored: outcome, route, total against the pass mark, each category against
 * its minimum, each indicator with value, band and points, each condition with its reason, the gaps,
 * the missing inputs and the notes on unconfirmed rules.
 */
export function EvaluationView({
  evaluation: e,
  title,
  hint,
  testId,
  onFieldClick,
}: {
  evaluation: ExplainedEvaluation;
  title: ReactNode;
  hint?: ReactNode;
  testId: string;
  /** the missing fields become links to the form's fields */
  onFieldClick?: (field: string) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();

  const indicatorColumns: ColumnsType<ExplainedIndicator> = [
    {
      title: t('cultivation.evaluation.indicator'),
      key: 'label',
      render: (_, i) => (
        <Tooltip title={i.reason[lang]}>
          <span>{i.label[lang]}</span>
          <Typography.Text type="secondary" className="yq-ev-category-name">
            {' '}
            · {i.categoryLabel[lang]}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('cultivation.evaluation.value'),
      key: 'value',
      width: 96,
      render: (_, i) => {
        if (i.missing.length) return <Typography.Text type="warning">{t('common.notReported')}</Typography.Text>;
        const value = i.formattedValue?.[lang];
        if (!value || value === i.bandLabel?.[lang]) return '—';
        return <span className="yq-num">{value}</span>;
      },
    },
    { title: t('cultivation.evaluation.band'), key: 'band', render: (_, i) => i.bandLabel?.[lang] ?? '—' },
    {
      title: t('cultivation.evaluation.points'),
      key: 'points',
      align: 'right',
      width: 72,
      render: (_, i) => (
        <span className="yq-num" data-testid={`indicator-${i.key}-points`}>
          {i.points === null ? '—' : formatPoints(i.points)}/{formatPoints(i.max)}
        </span>
      ),
    },
  ];

  const groups = GROUP_ORDER.map((g) => ({ group: g, items: e.conditions.filter((c) => c.group === g) })).filter((g) => g.items.length > 0);

  return (
    <Card
      title={title}
      size="small"
      className="yq-ev"
      data-testid={testId}
      extra={e.routeLabel ? <Tag color="blue">{e.routeLabel[lang]}</Tag> : null}
    >
      <Space orientation="vertical" size={4} className="yq-block">
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
        <div className="yq-ev-headline">
          {e.maxTotal !== null || e.total !== null ? (
            <div>
              <span className="yq-ev-total" data-testid="evaluation-total">
                {e.total === null ? '—' : formatPoints(e.total)}
              </span>
              {e.maxTotal !== null && <span className="yq-ev-total-max">/ {formatPoints(e.maxTotal)} {t('cultivation.units.points')}</span>}
            </div>
          ) : (
            <ConditionCount conditions={e.conditions} />
          )}
          <Space orientation="vertical" size={2}>
            <OutcomeTag outcome={e.outcome} />
            {e.passMark !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('cultivation.evaluation.passMark', { mark: formatPoints(e.passMark) })}
              </Typography.Text>
            )}
          </Space>
        </div>
        <Typography.Paragraph className="yq-ev-summary" data-testid="evaluation-summary" style={{ margin: '8px 0 0' }}>
          {e.summary[lang]}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cultivation.evaluation.rulesVersion')}：{e.source[lang]}
        </Typography.Text>
      </Space>

      {e.unconfirmedNotes.length > 0 && (
        <Alert
          type="info"
          showIcon
          icon={<InfoCircleOutlined />}
          style={{ marginTop: 12 }}
          data-testid="evaluation-notes"
          title={
            <ul className="yq-ev-notes">
              {e.unconfirmedNotes.map((n) => (
                <li key={n.key}>
                  {t('cultivation.evaluation.notePrefix')}
                  {n.note[lang]}
                </li>
              ))}
            </ul>
          }
        />
      )}

      {e.categories.length > 0 && (
        <>
          <div className="yq-ev-section-title">{t('cultivation.evaluation.categories')}</div>
          {e.categories.map((c) => (
            <div key={c.key} className="yq-ev-category" data-testid={`category-${c.key}`}>
              <span>{c.label[lang]}</span>
              <Progress
                percent={c.points === null ? 0 : Math.round((c.points / c.max) * 100)}
                showInfo={false}
                size="small"
                strokeColor={c.met === false ? '#ff4d4f' : c.met === true ? '#52c41a' : undefined}
              />
              <span className="yq-ev-category-points">
                {c.points === null ? '—' : formatPoints(c.points)}/{formatPoints(c.max)}
                {c.minimum !== null && (
                  <Typography.Text type={c.met === false ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {' '}
                    （{t('cultivation.evaluation.categoryMinimum', { min: formatPoints(c.minimum) })}）
                  </Typography.Text>
                )}
              </span>
            </div>
          ))}
        </>
      )}

      {e.indicators.length > 0 && (
        <>
          <div className="yq-ev-section-title">{t('cultivation.evaluation.indicators')}</div>
          <Table<ExplainedIndicator>
            className="yq-ev-indicators"
            rowKey="key"
            size="small"
            pagination={false}
            columns={indicatorColumns}
            dataSource={e.indicators}
            data-testid="evaluation-indicators"
          />
        </>
      )}

      <div className="yq-ev-section-title">{t('cultivation.evaluation.gaps')}</div>
      {e.gaps.length > 0 ? (
        <ul className="yq-ev-gaps" data-testid="evaluation-gaps">
          {e.gaps.map((g) => (
            <li key={`${g.kind}-${g.key}`}>{g.text[lang]}</li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{e.qualified ? t('cultivation.evaluation.noGaps') : t('common.none')}</Typography.Text>
      )}

      <div className="yq-ev-section-title">{t('cultivation.evaluation.missing')}</div>
      {e.missingFields.length > 0 ? (
        <Space wrap size={[4, 4]} data-testid="evaluation-missing">
          {e.missingFields.map((f) => (
            <Tag
              key={f.field}
              color="warning"
              className={onFieldClick ? 'yq-ev-missing-link' : undefined}
              onClick={onFieldClick ? () => onFieldClick(f.field) : undefined}
            >
              {f.label[lang]}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('cultivation.evaluation.noMissing')}</Typography.Text>
      )}

      <div className="yq-ev-section-title">{t('cultivation.evaluation.conditions')}</div>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        groups.map(({ group, items }) => (
          <div key={group} className="yq-ev-condition-group">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`cultivation.evaluation.groups.${group}`)}
            </Typography.Text>
            <ul className="yq-ev-conditions" data-testid={`conditions-${group}`}>
              {items.map((c: ExplainedCondition) => (
                <li key={c.key}>
                  <ConditionIcon met={c.met} />
                  <span>
                    {c.label[lang]}
                    <span className="yq-ev-condition-reason">{c.reason[lang]}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}

    </Card>
  );
}
