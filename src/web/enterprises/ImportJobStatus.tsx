import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n/index.js';
import type { ImportCellError } from '../../contracts/enterprises.js';
import type { ImportJob } from './enterprise-types.js';

const STATUS_COLORS: Record<ImportJob['status'], string> = {
  queued: 'default',
  validating: 'processing',
  writing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** A job's message may be an error code (IMPORT_ROWS_INVALID) or a sentence from the server. */
function jobMessage(message: string | null): { text: string | null; isCode: boolean } {
  if (!message) return { text: null, isCode: false };
  const key = `errors.${message}`;
  return i18next.exists(key) ? { text: i18next.t(key as 'errors.UNKNOWN'), isCode: true } : { text: message, isCode: false };
}

/** Progress of one import job and, when it failed, every bad cell with a download of them. */
export function ImportJobStatus({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = job.total > 0 ? Math.floor((job.processed / job.total) * 100) : job.status === 'succeeded' ? 100 : 0;
  const progressStatus = job.status === 'succeeded' ? 'success' : 'active';
  const message = jobMessage(job.message);

  return (
    <Space orientation="vertical" size={12} className="yq-block">
      <Space wrap>
        <Typography.Text type="secondary">{t('enterprise.importDrawer.fileName')}：</Typography.Text>
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]} data-testid="import-status">
          {t(`enterprise.importDrawer.status.${job.status}`)}
        </Tag>
      </Space>
      {job.status !== 'failed' && (
        <>
          <Progress percent={percent} status={progressStatus} data-testid="import-progress" />
          <Typography.Text type="secondary">{t('enterprise.importDrawer.progress', { processed: job.processed, total: job.total })}</Typography.Text>
        </>
      )}

      {job.status === 'succeeded' && (
        <Alert type="success" showIcon data-testid="import-succeeded" title={t('enterprise.importDrawer.succeeded', { created: job.created, updated: job.updated })} />
      )}

      {job.status === 'failed' && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="import-failed"
            title={
              job.errorCount > 0
                ? t('enterprise.importDrawer.failed', { count: job.errorCount })
                : t('enterprise.importDrawer.failedMessage', { message: message.text ?? t('errors.UNKNOWN') })
            }
            description={job.errorCount > 0 && message.text && !message.isCode ? message.text : undefined}
          />
          {job.errors.length > 0 && (
            <>
              <div className="yq-toolbar">
                <Typography.Text strong>{t('enterprise.importDrawer.errors')}</Typography.Text>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={`/api/enterprises/imports/${job.id}/errors.xlsx`}
                  data-testid="import-errors-download"
                >
                  {t('enterprise.importDrawer.downloadErrors')}
                </Button>
              </div>
              <div data-testid="import-errors">
                <Table<ImportCellError>
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                  dataSource={job.errors}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
                  columns={[
                    { title: t('enterprise.importDrawer.row'), dataIndex: 'row', width: 72 },
                    { title: t('enterprise.importDrawer.column'), dataIndex: 'column', width: 150 },
                    { title: t('enterprise.importDrawer.message'), dataIndex: 'message' },
                  ]}
                />
              </div>
            </>
          )}
        </>
      )}
    </Space>
  );
}
