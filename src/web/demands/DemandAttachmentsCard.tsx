import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiDownload } from '../app/api.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { isStaff, useSession } from '../app/session.js';
import { ATTACHMENT_ACCEPT, formatFileSize, isAllowedAttachment, useAttachmentLimit } from './attachment-rules.js';
import { attachmentUrl, useUploadAttachment } from './demand-api.js';
import type { DemandAttachment, DemandDetail } from './demand-types.js';

/** The demand's files: download for everyone who sees it, upload for those the server allows (`attach`). */
export function DemandAttachmentsCard({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const upload = useUploadAttachment(demand.id);
  const [internal, setInternal] = useState(false);
  const canAttach = demand.actions.includes('attach');
  const limit = useAttachmentLimit();
  const staff = isStaff(me);

  const download = (a: DemandAttachment) => apiDownload(attachmentUrl(demand.id, a.id), undefined, a.fileName).catch((e: unknown) => onError(e));

  const beforeUpload = (file: File) => {
    if (!isAllowedAttachment(file.name)) {
      void message.error(t('demands.attachments.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > limit.maxBytes) {
      void message.error(t('demands.attachments.tooLarge', { name: file.name, mb: limit.maxMb }));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(
      { file, internal: staff && internal },
      {
        onSuccess: () => void message.success(t('demands.attachments.uploaded', { name: file.name })),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') {
            void message.error(t('demands.attachments.tooLarge', { name: file.name, mb: limit.maxMb }));
            return;
          }
          // The server names what is wrong with this file (its type, or content not matching the extension).
          const detail = error instanceof ApiError ? error.fieldErrors[0]?.message : undefined;
          void message.error(`${file.name}：${detail ?? errorText(error)}`);
        },
      },
    );
    return false;
  };

  return (
    <Card
      title={
        <span>
          <PaperClipOutlined /> {t('demands.attachments.title')}
        </span>
      }
      data-testid="demand-attachments"
      extra={
        canAttach && (
          <Space size={12} wrap>
            {staff && (
              <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
                {t('demands.attachments.internal')}
              </Checkbox>
            )}
            <Upload accept={ATTACHMENT_ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload}>
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t('demands.attachments.upload')}
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      {canAttach && (
        <Typography.Paragraph type="secondary" className="yq-attach-hint">
          {t('demands.attachments.allowed', { mb: limit.maxMb })}
        </Typography.Paragraph>
      )}
      <Table<DemandAttachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={demand.attachments}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demands.attachments.empty')} /> }}
        columns={[
          {
            title: t('demands.attachments.fileName'),
            dataIndex: 'fileName',
            render: (v: string, a) => (
              <Space size={4} wrap>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(a)} className="yq-link-button">
                  {v}
                </Button>
                {a.internal && <Tag>{t('demands.detail.internal')}</Tag>}
              </Space>
            ),
          },
          { title: t('demands.attachments.size'), dataIndex: 'size', width: 90, align: 'right', render: (v: number) => <span className="yq-num">{formatFileSize(v)}</span> },
          { title: t('demands.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 110, render: (v: string | null) => v ?? t('common.none') },
          { title: t('demands.attachments.uploadedAt'), dataIndex: 'uploadedAt', width: 140, render: (v: string) => <span className="yq-nowrap">{formatDateTime(v)}</span> },
        ]}
      />
    </Card>
  );
}
