import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvaluationView } from './EvaluationView.js';
import type { LiveEvaluation } from './use-live-evaluation.js';

/** 实时评价: the evaluation of what is typed, recomputed in the browser on every change. */
export function LiveScorePanel({ live, onFieldClick }: { live: LiveEvaluation; onFieldClick?: (field: string) => void }) {
  const { t } = useTranslation();
  if (!live.evaluation) {
    return (
      <Card size="small" title={t('cultivation.live.title')} data-testid="live-evaluation">
        <Alert type="warning" showIcon title={t('cultivation.live.unavailable', { reason: live.error ?? '' })} />
        <Typography.Text type="secondary" data-testid="evaluation-total">
          —
        </Typography.Text>
      </Card>
    );
  }
  return (
    <EvaluationView
      evaluation={live.evaluation}
      title={t('cultivation.live.title')}
      hint={t('cultivation.live.hint')}
      testId="live-evaluation"
      onFieldClick={onFieldClick}
    />
  );
}
