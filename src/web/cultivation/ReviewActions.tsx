import { App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useAcceptAssessment, useReturnAssessment, type AssessmentDetail } from './cultivation-api.js';

/** 审核通过 / 退回: shown when the server's `can` allows them (the industry officer, a submitted assessment). */
export function ReviewActions({ assessment }: { assessment: AssessmentDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const accept = useAcceptAssessment(assessment.id);
  const [returning, setReturning] = useState(false);

  const confirmAccept = () =>
    modal.confirm({
      title: t('cultivation.review.acceptTitle'),
      content: t('cultivation.review.acceptText'),
      okText: t('cultivation.review.accept'),
      okButtonProps: { 'data-testid': 'assessment-accept-ok' } as ButtonProps,
      onOk: () =>
        accept.mutateAsync().then(
          () => void message.success(t('cultivation.review.accepted')),
          (error: unknown) => onError(error),
        ),
    });

  return (
    <>
      {assessment.can.includes('return') && (
        <Button danger onClick={() => setReturning(true)} data-testid="assessment-return">
          {t('cultivation.review.return')}
        </Button>
      )}
      {assessment.can.includes('accept') && (
        <Button type="primary" loading={accept.isPending} onClick={confirmAccept} data-testid="assessment-accept">
          {t('cultivation.review.accept')}
        </Button>
      )}
      <ReturnModal open={returning} assessment={assessment} onClose={() => setReturning(false)} />
    </>
  );
}

/** 退回 with the reason the enterprise will read (required). */
function ReturnModal({ open, assessment, onClose }: { open: boolean; assessment: AssessmentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const returnIt = useReturnAssessment(assessment.id);
  const label = t('cultivation.review.reason');

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ reason }: { reason: string }) =>
    returnIt.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t('cultivation.review.returnedDone'));
        onClose();
      },
      onError: (e) => onError(e, form),
    });

  return (
    <Modal
      open={open}
      title={t('cultivation.review.returnTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cultivation.review.return')}
      okButtonProps={{ danger: true, loading: returnIt.isPending, 'data-testid': 'assessment-return-ok' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('cultivation.review.returnText')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="assessment-return">
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: label }) },
            { min: 2, message: t('cultivation.review.reasonMin') },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t('cultivation.review.reasonPlaceholder')}
            data-testid="assessment-return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
