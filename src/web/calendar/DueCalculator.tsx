import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorDetailText, errorText } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { useZone } from '../zone/zone-api.js';
import { useDueDate } from './calendar-api.js';

type Values = { from: Dayjs; days: number };

/** 从 X 起 N 个工作日: the due date on the zone's working calendar. */
export function DueCalculator() {
  const { t } = useTranslation();
  const zone = useZone();
  const due = useDueDate();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => due.mutate({ from: v.from.format('YYYY-MM-DD'), days: v.days });

  return (
    <Card title={t('calendar.due')}>
      <Typography.Paragraph type="secondary">{t('calendar.dueHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        colon={false}
        onFinish={submit}
        initialValues={{ from: dayjs(todayInZone()), days: zone.data?.defaultDeadlineDays ?? 5 }}
        key={zone.data?.defaultDeadlineDays ?? 'default'}
      >
        <Form.Item label={t('calendar.dueFrom')} name="from" rules={[{ required: true, message: t('common.requiredSelect', { field: t('calendar.overrideDate') }) }]}>
          <DatePicker allowClear={false} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('calendar.dueDays')} name="days" rules={[{ required: true, message: t('common.required', { field: t('calendar.dueDaysSuffix') }) }]}>
          <InputNumber min={0} max={366} precision={0} suffix={t('calendar.dueDaysSuffix')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={due.isPending} data-testid="due-calculate">
            {t('calendar.dueCalculate')}
          </Button>
        </Form.Item>
      </Form>
      {due.data && (
        <Space orientation="vertical" style={{ marginTop: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="due-result">
            {t('calendar.dueResult', { date: due.data.due, weekday: dayjs(due.data.due).format('dddd') })}
          </Typography.Title>
          {due.data.provisional && <Tag color="warning">{t('calendar.provisionalTag')}</Tag>}
        </Space>
      )}
      {due.error && <Alert type="error" showIcon title={errorText(due.error)} description={errorDetailText(due.error)} style={{ marginTop: 16 }} />}
    </Card>
  );
}
