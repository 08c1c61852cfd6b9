import { Alert, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from './cultivation-runs-api.js';

/** How far a run is: a progress bar while queued or running, the outcome once done, the error when it failed. */
export function CultivationRunProgress({ run, compact = false }: { run: RunSummary; compact?: boolean }) {
  const { t } = useTranslation();
  const percent = run.total > 0 ? Math.floor((run.processed / run.total) * 100) : run.status === 'done' ? 100 : 0;

  if (run.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('cultivationPipeline.progress.failed')}
        description={run.error ? t('cultivationPipeline.progress.failedText', { error: run.error }) : undefined}
        data-testid="run-failed"
      />
    );
  }
  if (compact) {
    return <Progress percent={percent} size="small" status={run.status === 'done' ? 'success' : 'active'} style={{ width: 100, margin: 0 }} data-testid="run-progress" />;
  }
  const text =
    run.status === 'queued'
      ? t('cultivationPipeline.progress.queued')
      : run.status === 'running'
        ? t('cultivationPipeline.progress.running', { processed: run.processed, total: run.total })
        : t('cultivationPipeline.progress.done', { total: run.total });
  return (
    <Space orientation="vertical" size={4} className="yq-block" data-testid="run-progress">
      <Progress percent={percent} status={run.status === 'done' ? 'success' : 'active'} />
      <Typography.Text type="secondary" data-testid="run-progress-text">
        {text}
      </Typography.Text>
    </Space>
  );
}
