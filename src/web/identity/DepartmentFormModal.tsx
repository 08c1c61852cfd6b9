import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../../domain/identity/roles.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useSaveDepartment, type Department } from './identity-api.js';

type Values = { name: string; kind: DepartmentKind; phone?: string };

/** Create a department, or edit one (`department` given). */
export function DepartmentFormModal({ open, department, onClose }: { open: boolean; department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDepartment();
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (department) form.setFieldsValue({ name: department.name, kind: department.kind, phone: department.phone ?? '' });
  }, [open, department, form]);

  const submit = (values: Values) => {
    const body = { name: values.name.trim(), kind: values.kind, phone: values.phone?.trim() || null };
    save.mutate(
      { id: department?.id, body },
      {
        onSuccess: () => {
          void message.success(department ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: (error) => onError(error, form, { CONFLICT: 'name' }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={department ? t('departments.edit') : t('departments.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'responsible' }}>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('departments.name') }) }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('departments.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('departments.kind') }) }]}>
          <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('departments.phone')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
