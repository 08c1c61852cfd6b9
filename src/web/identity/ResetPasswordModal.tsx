import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../domain/identity/check-password-strength.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useResetPassword, type User } from './identity-api.js';

/** An administrator sets a new password for a user, who must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const onError = useApiErrorHandler();

  const submit = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => onError(error, form, { WEAK_PASSWORD: 'newPassword' }),
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            {
              validator: (_, value: string | undefined) => {
                const weak = value ? checkPasswordStrength(value) : null;
                if (weak === 'too-short') return Promise.reject(new Error(t('password.tooShort')));
                if (weak) return Promise.reject(new Error(t('password.needsLetterAndDigit')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
