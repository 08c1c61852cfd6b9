import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useSaveTheme, type Theme } from './enterprise-api.js';

type Values = { name: string; description?: string };

export function ThemeFormModal({ open, theme, onClose }: { open: boolean; theme: Theme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveTheme();
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (theme) form.setFieldsValue({ name: theme.name, description: theme.description ?? '' });
  }, [open, theme, form]);

  const submit = (values: Values) =>
    save.mutate(
      { id: theme?.id, body: { name: values.name.trim(), description: values.description?.trim() || null } },
      {
        onSuccess: () => {
          void message.success(theme ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: (error) => onError(error, form, { CONFLICT: 'name' }),
      },
    );

  return (
    <Modal
      open={open}
      title={theme ? t('themes.edit') : t('themes.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('themes.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('themes.name') }) }]}>
          <Input maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('themes.description')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
