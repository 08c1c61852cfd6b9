import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Skeleton, Tag } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useUpdateZone, useZone, type ZonePatch } from './zone-api.js';

type Values = { name: string; timeZone: string; defaultDeadlineDays: number; visitMinWeeks: number; visitBackdateDays: number; bulletinMinRanked: number };

function timeZones(current: string | undefined): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai'];
  return current && !all.includes(current) ? [current, ...all] : all;
}

/** The zone's name, time zone and default deadline (admin). */
export function ZoneSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const zone = useZone();
  const update = useUpdateZone();
  const [form] = Form.useForm<Values>();
  const zones = useMemo(() => timeZones(zone.data?.timeZone).map((z) => ({ value: z, label: z })), [zone.data?.timeZone]);

  useEffect(() => {
    if (zone.data) form.setFieldsValue({
        name: zone.data.name, timeZone: zone.data.timeZone, defaultDeadlineDays: zone.data.defaultDeadlineDays,
        visitMinWeeks: zone.data.visitMinWeeks, visitBackdateDays: zone.data.visitBackdateDays, bulletinMinRanked: zone.data.bulletinMinRanked,
      });
  }, [zone.data, form]);

  if (zone.error) return <QueryError error={zone.error} onRetry={() => void zone.refetch()} />;
  if (!zone.data) return <Skeleton active />;
  const current = zone.data;

  const submit = (values: Values) => {
    const patch: ZonePatch = {};
    if (values.name.trim() !== current.name) patch.name = values.name.trim();
    if (values.timeZone !== current.timeZone) patch.timeZone = values.timeZone;
    if (values.defaultDeadlineDays !== current.defaultDeadlineDays) patch.defaultDeadlineDays = values.defaultDeadlineDays;
    if (values.visitMinWeeks !== current.visitMinWeeks) patch.visitMinWeeks = values.visitMinWeeks;
    if (values.visitBackdateDays !== current.visitBackdateDays) patch.visitBackdateDays = values.visitBackdateDays;
    if (values.bulletinMinRanked !== current.bulletinMinRanked) patch.bulletinMinRanked = values.bulletinMinRanked;
    if (Object.keys(patch).length === 0) {
      void message.info(t('common.noChanges'));
      return;
    }
    update.mutate(patch, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => onError(e, form) });
  };

  return (
    <>
      <PageHeader title={t('zone.title')} tags={current.isDemo ? <Tag color="orange">{t('zone.demo')}</Tag> : undefined} />
      <Card style={{ maxWidth: 720 }}>
        {current.isDemo && <Alert type="warning" showIcon title={t('zone.demoHelp')} style={{ marginBottom: 16 }} />}
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('zone.code')}>{current.code}</Descriptions.Item>
        </Descriptions>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('zone.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('zone.name') }) }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="timeZone" label={t('zone.timeZone')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
          </Form.Item>
          <Form.Item
            name="defaultDeadlineDays"
            label={t('zone.defaultDeadlineDays')}
            extra={t('zone.defaultDeadlineDaysHelp')}
            rules={[{ required: true, message: t('common.required', { field: t('zone.defaultDeadlineDays') }) }]}
          >
            <InputNumber min={1} max={60} precision={0} suffix={t('zone.workingDays')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="visitMinWeeks"
            label={t('zone.visitMinWeeks')}
            extra={t('zone.visitMinWeeksHelp')}
            rules={[{ required: true, message: t('common.required', { field: t('zone.visitMinWeeks') }) }]}
          >
            <InputNumber min={0} max={52} precision={0} suffix={t('zone.weeks')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="visitBackdateDays"
            label={t('zone.visitBackdateDays')}
            extra={t('zone.visitBackdateDaysHelp')}
            rules={[{ required: true, message: t('common.required', { field: t('zone.visitBackdateDays') }) }]}
          >
            <InputNumber min={0} max={366} precision={0} suffix={t('zone.days')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="bulletinMinRanked"
            label={t('zone.bulletinMinRanked')}
            extra={t('zone.bulletinMinRankedHelp')}
            rules={[{ required: true, message: t('common.required', { field: t('zone.bulletinMinRanked') }) }]}
          >
            <InputNumber min={0} max={100} precision={0} suffix={t('zone.items')} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
