import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { QueryError } from '../app/QueryError.js';
import { useAddOverride, useDeleteOverride, useOverrides, type CalendarOverride, type OverrideKind } from './calendar-api.js';

type Values = { date: Dayjs; kind: OverrideKind; reason: string };

/** The zone's own closures and extra working days, which win over the national arrangement. */
export function OverridesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const overrides = useOverrides();
  const add = useAddOverride();
  const remove = useDeleteOverride();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    add.mutate(
      { date: v.date.format('YYYY-MM-DD'), kind: v.kind, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('common.created'));
          form.resetFields();
        },
        onError: (e) => onError(e, form, { CONFLICT: 'date', CALENDAR_OUT_OF_RANGE: 'date' }),
      },
    );

  return (
    <Card title={t('calendar.overrides')}>
      <Typography.Paragraph type="secondary">{t('calendar.overridesHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ kind: 'closure' }} className="yq-filters" style={{ rowGap: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: t('common.requiredSelect', { field: t('calendar.overrideDate') }) }]}>
          <DatePicker placeholder={t('calendar.overrideDate')} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 170 }}
            options={(['closure', 'working'] as const).map((k) => ({ value: k, label: t(`calendar.overrideKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.overrideReason') }) }]}>
          <Input placeholder={t('calendar.overrideReason')} maxLength={200} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('calendar.addOverride')}
          </Button>
        </Form.Item>
      </Form>
      <QueryError error={overrides.error} onRetry={() => void overrides.refetch()} />
      <Table<CalendarOverride>
        size="small"
        rowKey="date"
        loading={overrides.isFetching}
        dataSource={overrides.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('calendar.overrideDate'), dataIndex: 'date', width: 130 },
          {
            title: t('calendar.overrideKind'),
            dataIndex: 'kind',
            width: 170,
            render: (k: OverrideKind) => <Tag color={k === 'closure' ? 'red' : 'gold'}>{t(`calendar.overrideKinds.${k}`)}</Tag>,
          },
          { title: t('calendar.overrideReason'), dataIndex: 'reason' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_, o) => (
              <Popconfirm
                title={t('calendar.deleteOverrideConfirm', { date: o.date })}
                okButtonProps={{ danger: true }}
                okText={t('common.delete')}
                onConfirm={() => remove.mutate(o.date, { onSuccess: () => void message.success(t('common.deleted')), onError: (e) => onError(e) })}
              >
                <Button type="link" size="small" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
