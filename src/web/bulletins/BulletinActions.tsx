import { App, Button, Form, Input, Modal, Tooltip, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../app/errors.js';
import {
  useBulletinTransition,
  useCorrectBulletin,
  useReturnBulletin,
  type BulletinDetail,
  type BulletinTransition,
} from './bulletin-api.js';

type ReasonKind = 'return' | 'correct';

/**
 * The lifecycle buttons the server allows (`can`): 提交审核, 退回, 审核通过, 发布, 更正.
 * Submitting waits until the editor's changes are saved.
 */
export function BulletinActions({ bulletin, dirty }: { bulletin: BulletinDetail; dirty: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const transition = useBulletinTransition(bulletin.id);
  const [reason, setReason] = useState<ReasonKind | null>(null);
  const { can } = bulletin;

  const confirm = (action: BulletinTransition, title: string, content: string, done: string) =>
    modal.confirm({
      title,
      content,
      okText: title,
      okButtonProps: { 'data-testid': `bulletin-${action}-ok` } as ButtonProps,
      onOk: () =>
        transition.mutateAsync(action).then(
          () => void message.success(done),
          (error: unknown) => onError(error),
        ),
    });

  return (
    <>
      {can.submit && (
        <Tooltip title={dirty ? t('bulletins.actions.saveFirst') : undefined}>
          <Button
            type="primary"
            disabled={dirty}
            loading={transition.isPending && transition.variables === 'submit'}
            onClick={() => confirm('submit', t('bulletins.actions.submit'), t('bulletins.actions.submitConfirm'), t('bulletins.actions.submitted'))}
            data-testid="bulletin-submit"
          >
            {t('bulletins.actions.submit')}
          </Button>
        </Tooltip>
      )}
      {can.return && (
        <Button danger onClick={() => setReason('return')} data-testid="bulletin-return">
          {t('bulletins.actions.return')}
        </Button>
      )}
      {can.approve && (
        <Button
          type="primary"
          loading={transition.isPending && transition.variables === 'approve'}
          onClick={() => confirm('approve', t('bulletins.actions.approve'), t('bulletins.actions.approveConfirm'), t('bulletins.actions.approved'))}
          data-testid="bulletin-approve"
        >
          {t('bulletins.actions.approve')}
        </Button>
      )}
      {can.publish && (
        <Button
          type="primary"
          loading={transition.isPending && transition.variables === 'publish'}
          onClick={() => confirm('publish', t('bulletins.actions.publish'), t('bulletins.actions.publishConfirm'), t('bulletins.actions.published'))}
          data-testid="bulletin-publish"
        >
          {t('bulletins.actions.publish')}
        </Button>
      )}
      {can.correct && (
        <Button onClick={() => setReason('correct')} data-testid="bulletin-correct">
          {t('bulletins.actions.correct')}
        </Button>
      )}
      <ReasonModal kind={reason} bulletin={bulletin} onClose={() => setReason(null)} />
    </>
  );
}

const REASON_TEXTS = {
  return: { title: 'returnTitle', text: 'returnText', field: 'note', placeholder: 'notePlaceholder', min: 'noteMin', minLength: 2, done: 'returned' },
  correct: { title: 'correctTitle', text: 'correctText', field: 'reason', placeholder: 'reasonPlaceholder', min: 'reasonMin', minLength: 4, done: 'corrected' },
} as const;

/** 退回 with the reviewer's note, or 更正 with the reason (which opens the new draft version). */
function ReasonModal({ kind, bulletin, onClose }: { kind: ReasonKind | null; bulletin: BulletinDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();
  const returnIt = useReturnBulletin(bulletin.id);
  const correct = useCorrectBulletin(bulletin.id);
  const shown = kind ?? 'return';
  const texts = REASON_TEXTS[shown];
  const label = t(`bulletins.actions.${texts.field}`);

  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);

  const submit = (values: { note?: string; reason?: string }) => {
    const text = (values[texts.field] ?? '').trim();
    const onSuccess = (detail: BulletinDetail) => {
      void message.success(t(`bulletins.actions.${texts.done}`));
      onClose();
      if (detail.id !== bulletin.id) void navigate(`/bulletins/${detail.id}`);
    };
    const handlers = { onSuccess, onError: (e: unknown) => onError(e, form) };
    if (shown === 'return') returnIt.mutate(text, handlers);
    else correct.mutate(text, handlers);
  };

  return (
    <Modal
      open={kind !== null}
      title={t(`bulletins.actions.${texts.title}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`bulletins.actions.${shown}`)}
      okButtonProps={{ danger: shown === 'return', loading: returnIt.isPending || correct.isPending, 'data-testid': 'bulletin-reason-ok' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t(`bulletins.actions.${texts.text}`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name={`bulletin-${shown}`}>
        <Form.Item
          name={texts.field}
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: label }) },
            { min: texts.minLength, message: t(`bulletins.actions.${texts.min}`) },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t(`bulletins.actions.${texts.placeholder}`)}
            data-testid="bulletin-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
