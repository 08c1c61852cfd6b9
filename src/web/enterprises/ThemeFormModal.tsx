import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useSaveTheme, type Theme } from './enterprise-api.js';

type Values = { name: string; description?: string; guidingQuestions?: string[] };

/** The most guiding questions a theme may have (the contract's GuidingQuestions). */
const MAX_QUESTIONS = 20;

export function ThemeFormModal({ open, theme, onClose }: { open: boolean; theme: Theme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveTheme();
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (theme) form.setFieldsValue({ name: theme.name, description: theme.description ?? '', guidingQuestions: theme.guidingQuestions ?? [] });
  }, [open, theme, form]);

  const submit = (values: Values) =>
    save.mutate(
      {
        id: theme?.id,
        body: {
          name: values.name.trim(),
          description: values.description?.trim() || null,
          guidingQuestions: (values.guidingQuestions ?? []).map((q) => q.trim()).filter((q) => q !== ''),
        },
      },
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
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} name="theme-form" initialValues={{ guidingQuestions: [] }}>
        <Form.Item name="name" label={t('themes.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('themes.name') }) }]}>
          <Input maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('themes.description')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <Typography.Text strong>{t('visits.themeQuestions.label')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('visits.themeQuestions.help')}
        </Typography.Paragraph>
        <Form.List name="guidingQuestions">
          {(fields, { add, remove }) => (
            <div data-testid="theme-questions">
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                  <span className="yq-muted yq-num">{index + 1}.</span>
                  <Form.Item
                    name={field.name}
                    rules={[{ required: true, whitespace: true, message: t('visits.themeQuestions.empty') }]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input maxLength={200} placeholder={t('visits.themeQuestions.placeholder')} aria-label={t('visits.themeQuestions.item', { n: index + 1 })} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('visits.themeQuestions.remove', { n: index + 1 })}
                  />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= MAX_QUESTIONS} block>
                {t('visits.themeQuestions.add')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
