import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useZone } from '../zone/zone-api.js';
import { treeOrder } from './category-options.js';
import { useDemandCategories, useSaveCategory } from './demand-api.js';
import type { DemandCategory } from './demand-types.js';
import { DepartmentSelect } from './DepartmentSelect.js';

type Values = {
  code: string;
  name: string;
  parentCode?: string | null;
  defaultDepartmentId?: string | null;
  deadlineWorkingDays?: number | null;
  position?: number | null;
};

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Create a demand category or change one (the code is fixed once created). */
export function CategoryFormModal({ open, category, onClose }: { open: boolean; category: DemandCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();
  const categories = useDemandCategories();
  const zone = useZone();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (category) {
      form.setFieldsValue({
        code: category.code,
        name: category.name,
        parentCode: category.parentCode,
        defaultDepartmentId: category.defaultDepartmentId,
        deadlineWorkingDays: category.deadlineWorkingDays,
        position: category.position,
      });
    }
  }, [open, category, form]);

  // A category cannot sit under itself or under one of its own children.
  const all = categories.data?.items ?? [];
  const below = new Set<string>(category ? [category.code] : []);
  for (const c of treeOrder(all)) if (c.parentCode && below.has(c.parentCode)) below.add(c.code);
  const parents = treeOrder(all).filter((c) => !below.has(c.code) && !c.parentCode);

  const submit = (v: Values) => {
    const common = {
      name: v.name.trim(),
      parentCode: v.parentCode ?? null,
      defaultDepartmentId: v.defaultDepartmentId ?? null,
      deadlineWorkingDays: v.deadlineWorkingDays ?? null,
      position: v.position ?? undefined,
    };
    save.mutate(category ? { code: category.code, patch: common } : { create: { code: v.code.trim(), ...common } }, {
      onSuccess: () => {
        void message.success(category ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error) => onError(error, form, { CONFLICT: 'code' }),
    });
  };

  const zoneDays = zone.data?.defaultDeadlineDays;
  return (
    <Modal
      open={open}
      title={category ? t('demands.categories.edit') : t('demands.categories.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="code"
          label={t('demands.categories.code')}
          extra={t('demands.categories.codeHelp')}
          rules={[
            { required: true, message: t('common.required', { field: t('demands.categories.code') }) },
            { pattern: CODE_PATTERN, message: t('demands.categories.codePattern') },
          ]}
        >
          <Input maxLength={40} disabled={Boolean(category)} placeholder="property-certificate" />
        </Form.Item>
        <Form.Item name="name" label={t('demands.categories.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('demands.categories.name') }) }]}>
          <Input maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="parentCode" label={t('demands.categories.parent')} extra={t('demands.categories.parentHelp')}>
          <Select allowClear placeholder={t('demands.categories.noParent')} options={parents.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="defaultDepartmentId" label={t('demands.categories.defaultDepartment')} extra={t('demands.categories.defaultDepartmentHelp')}>
          <DepartmentSelect activeOnly />
        </Form.Item>
        <Form.Item
          name="deadlineWorkingDays"
          label={t('demands.categories.deadline')}
          extra={t('demands.categories.deadlineHelp', { n: zoneDays ?? '—' })}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} suffix={t('demands.categories.daysUnit')} placeholder={t('demands.categories.zoneDefault', { n: zoneDays ?? '—' })} />
        </Form.Item>
        <Form.Item name="position" label={t('demands.categories.position')} extra={t('demands.categories.positionHelp')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
