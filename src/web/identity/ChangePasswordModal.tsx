import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../domain/identity/check-password-strength.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useChangePassword, useLogout } from './auth-api.js';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/**
 * Change one's own password. `forced` when the account must change its initial or reset
 * password before going on: the modal cannot be dismissed, only completed or logged out of.
 */
export function ChangePasswordModal({ open, forced = false, onClose }: { open: boolean; forced?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const logout = useLogout();
  const onError = useApiErrorHandler();

  const submit = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          onClose();
        },
        onError: (error) =>
          onError(error, form, { WRONG_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword', INVALID_CREDENTIALS: 'currentPassword' }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={forced ? t('password.mustChangeTitle') : t('password.title')}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        forced ? (
          <Button key="logout" onClick={() => logout.mutate(undefined, { onSettled: () => window.location.assign('/login') })}>
            {t('app.logout')}
          </Button>
        ) : (
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        ),
        <Button key="ok" type="primary" loading={change.isPending} onClick={() => form.submit()}>
          {t('password.submit')}
        </Button>,
      ]}
    >
      {forced && <Typography.Paragraph type="secondary">{t('password.mustChangeText')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const weak = checkPasswordStrength(value);
                if (weak === 'too-short') return Promise.reject(new Error(t('password.tooShort')));
                if (weak === 'needs-letter-and-digit') return Promise.reject(new Error(t('password.needsLetterAndDigit')));
                if (value === getFieldValue('currentPassword')) return Promise.reject(new Error(t('password.sameAsCurrent')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
