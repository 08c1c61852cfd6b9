import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useCancelVisit, type VisitDetail } from './visit-api.js';

/** 取消走访, with the reason (kept on the visit; the half-day is freed). */
export function VisitCancelModal({ open, visit, onClose }: { open: boolean; visit: VisitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelVisit(visit.id);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ reason }: { reason: string }) =>
    cancel.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t('visits.detail.cancelled'));
        onClose();
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Modal
      open={open}
      title={t('visits.detail.cancelTitle', { number: visit.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('visits.detail.cancelOk')}
      okButtonProps={{ danger: true, loading: cancel.isPending }}
      cancelText={t('visits.detail.cancelKeep')}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('visits.detail.cancelText')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="visit-cancel">
        <Form.Item
          name="reason"
          label={t('visits.fields.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('visits.fields.cancelReason') }) },
            { min: 2, message: t('visits.detail.cancelReasonMin') },
          ]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('visits.detail.cancelReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
