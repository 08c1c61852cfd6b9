import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Space, Spin, Steps, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiDownload } from '../app/api.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { ImportJobStatus } from './ImportJobStatus.js';
import { useImportJob, useStartImport } from './enterprise-api.js';

/** Upload an .xlsx of enterprises; follow the job; on failure show every bad cell. */
export function EnterpriseImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useImportJob(jobId);
  const [downloading, setDownloading] = useState(false);

  const upload = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      void message.error(t('enterprise.importDrawer.onlyXlsx'));
      return;
    }
    start.mutate(file, { onSuccess: (j) => setJobId(j.id) });
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await apiDownload('/api/enterprises/import-template.xlsx', undefined, t('files.importTemplate'));
    } catch (error) {
      onError(error);
    } finally {
      setDownloading(false);
    }
  };

  const reset = () => {
    setJobId(null);
    start.reset();
  };

  const running = start.isPending || (job.data ? ['queued', 'validating', 'writing'].includes(job.data.status) : Boolean(jobId));
  const uploadError = start.error instanceof ApiError ? start.error : null;

  return (
    <Drawer open={open} onClose={onClose} size={720} title={t('enterprise.importDrawer.title')}>
      <Space orientation="vertical" size={16} className="yq-block">
        <Alert type="info" showIcon title={t('enterprise.importDrawer.allOrNothing')} />
        <Steps
          orientation="vertical"
          size="small"
          current={jobId ? 1 : 0}
          items={[
            {
              title: t('enterprise.importDrawer.step1'),
              content: (
                <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadTemplate()} data-testid="import-template">
                  {t('enterprise.importDrawer.template')}
                </Button>
              ),
            },
            { title: t('enterprise.importDrawer.step2') },
          ]}
        />
        {!jobId && (
          <Spin spinning={start.isPending}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={running}
              beforeUpload={(file) => {
                upload(file);
                return false;
              }}
              data-testid="enterprise-import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('enterprise.importDrawer.dragHint')}</p>
            </Upload.Dragger>
          </Spin>
        )}
        {uploadError && <Alert type="error" showIcon title={errorText(uploadError)} />}
        {job.error && <Alert type="error" showIcon title={errorText(job.error)} />}
        {job.data && <ImportJobStatus job={job.data} />}
        {jobId && !running && (
          <Button icon={<ReloadOutlined />} onClick={reset}>
            {t('enterprise.importDrawer.again')}
          </Button>
        )}
      </Space>
    </Drawer>
  );
}
