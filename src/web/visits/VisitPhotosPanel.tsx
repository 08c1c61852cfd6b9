import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Image, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';
import { formatDateTime } from '../app/format.js';
import { useUploadVisitPhoto, visitPhotoUrl, type VisitDetail } from './visit-api.js';
import { visitErrorText } from './visit-errors.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

/** 照片: pictures of the on-site office, uploaded until the record is signed off. */
export function VisitPhotosPanel({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadVisitPhoto(v.id);

  const beforeUpload = (file: File) => {
    if (!PHOTO_TYPES.includes(file.type)) {
      void message.error(t('visits.photos.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(file, {
      onSuccess: () => void message.success(t('visits.photos.uploaded', { name: file.name })),
      onError: (error) => {
        const text = error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE' ? t('visits.photos.tooLarge') : visitErrorText(error);
        void message.error(`${file.name}：${text}`);
      },
    });
    return false;
  };

  return (
    <Card
      title={t('visits.photos.title', { n: v.photos.length })}
      data-testid="visit-photos"
      extra={
        v.can.record && (
          <Upload accept={PHOTO_ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload}>
            <Button icon={<CameraOutlined />} loading={upload.isPending} data-testid="visit-photo-upload">
              {t('visits.photos.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {v.can.record && <Typography.Paragraph type="secondary">{t('visits.photos.help')}</Typography.Paragraph>}
      {v.photos.length === 0 ? (
        <Empty description={t('visits.photos.none')} />
      ) : (
        <Image.PreviewGroup>
          <Space size={16} wrap align="start">
            {v.photos.map((p) => (
              <figure key={p.id} className="yq-visit-photo">
                <Image src={visitPhotoUrl(v.id, p.id)} alt={p.fileName} width={180} height={135} />
                <figcaption className="yq-muted">
                  {p.uploadedByName ?? ''} {formatDateTime(p.uploadedAt)}
                </figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
