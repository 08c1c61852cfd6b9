import { Alert, App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { useBulkAssign } from './demand-api.js';
import { DepartmentSelect } from './DepartmentSelect.js';

function detailNumber(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const n = (details as { number?: unknown }).number;
  return typeof n === 'string' ? n : undefined;
}

type Values = { leadDepartmentId: string; assistingDepartmentIds?: string[] };

/** 批量分派: one lead department (and assisting ones) for every selected demand. */
export function BulkAssignModal({ ids, open, onClose, onDone }: { ids: string[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const assign = useBulkAssign();
  const lead = Form.useWatch('leadDepartmentId', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (values: Values) =>
    assign.mutate(
      { ids, leadDepartmentId: values.leadDepartmentId, assistingDepartmentIds: (values.assistingDepartmentIds ?? []).filter((d) => d !== values.leadDepartmentId) },
      {
        onSuccess: (result) => {
          void message.success(t('demands.bulk.done', { n: result.updated }));
          onDone();
        },
        onError: (error) => {
          // All or none: the server names the demand that could not be assigned.
          const number = error instanceof ApiError ? detailNumber(error.details) : undefined;
          if (number) {
            notification.error({ title: t('demands.bulk.failed', { number }), description: errorText(error) });
            return;
          }
          onError(error, form);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('demands.bulk.title', { n: ids.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('demands.bulk.submit')}
      confirmLoading={assign.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('demands.bulk.help')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="leadDepartmentId"
          label={t('demands.fields.lead')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('demands.fields.lead') }) }]}
        >
          <DepartmentSelect activeOnly allowClear={false} />
        </Form.Item>
        <Form.Item name="assistingDepartmentIds" label={t('demands.fields.assisting')} extra={t('demands.assistingHelp')}>
          <DepartmentSelect multiple activeOnly exclude={[lead]} placeholder={t('demands.pickAssisting')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
