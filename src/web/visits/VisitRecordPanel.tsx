import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { useAllDepartments } from '../identity/identity-api.js';
import { useSaveVisitRecord, type VisitDetail, type VisitRecord } from './visit-api.js';
import { DepartmentSelect } from '../demands/DepartmentSelect.js';

type Values = {
  attendedDepartmentIds: string[];
  otherDepartmentIds: string[];
  enterprises: { enterpriseId: string; name: string; raised: string }[];
  decisions: string;
  followUps: string;
  guideAnswers: { question: string; answer: string }[];
};

/** The record as it stands, one entry per enterprise of the visit (in the plan's order). */
function recordValues(v: VisitDetail): Values {
  const planned = new Set(v.departments.map((d) => d.id));
  const attended = v.record.attendedDepartmentIds;
  const fresh = attended.length === 0 && !v.record.decisions && !v.record.followUps && v.record.enterprises.every((e) => !e.raised);
  return {
    // A record never saved starts with the planned departments ticked.
    attendedDepartmentIds: fresh ? [...planned] : attended.filter((id) => planned.has(id)),
    otherDepartmentIds: attended.filter((id) => !planned.has(id)),
    enterprises: v.enterprises.map((e) => ({
      enterpriseId: e.id,
      name: e.name,
      raised: v.record.enterprises.find((r) => r.enterpriseId === e.id)?.raised ?? '',
    })),
    decisions: v.record.decisions ?? '',
    followUps: v.record.followUps ?? '',
    guideAnswers: v.guideAnswers.map((g) => ({ question: g.question, answer: g.answer })),
  };
}

/** 现场办公 record: who attended, what each enterprise raised, the theme's guiding questions, decisions and follow-ups. */
export function VisitRecordPanel({ visit }: { visit: VisitDetail }) {
  return visit.can.record ? <RecordForm key={visit.id} visit={visit} /> : <RecordText visit={visit} />;
}

function RecordForm({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const save = useSaveVisitRecord(v.id);
  // Taken once per visit (the component is keyed by its id), so a save does not reset what is being typed.
  const [initial] = useState(() => recordValues(v));
  const planned = v.departments.map((d) => ({ value: d.id, label: d.name }));
  const others = Form.useWatch('otherDepartmentIds', form);

  const submit = () => {
    // Every value, including those without a field of their own (the enterprise ids, the questions).
    const values = form.getFieldsValue(true) as Values;
    const body: VisitRecord = {
      attendedDepartmentIds: [...new Set([...(values.attendedDepartmentIds ?? []), ...(values.otherDepartmentIds ?? [])])],
      enterprises: initial.enterprises.map((e, i) => ({ enterpriseId: e.enterpriseId, raised: values.enterprises?.[i]?.raised?.trim() || null })),
      decisions: values.decisions?.trim() || null,
      followUps: values.followUps?.trim() || null,
      guideAnswers: initial.guideAnswers.map((g, i) => ({ question: g.question, answer: values.guideAnswers?.[i]?.answer?.trim() ?? '' })),
    };
    save.mutate(body, {
      onSuccess: () => void message.success(t('visits.record.saved')),
      onError: (e) => onError(e, form),
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} name="visit-record" data-testid="visit-record-form">
      <Card title={t('visits.record.title')} className="yq-visit-record">
        <Typography.Paragraph type="secondary">{t('visits.record.help')}</Typography.Paragraph>
        <Form.Item label={t('visits.record.attended')} className="yq-visit-attended">
          {planned.length > 0 && (
            <Form.Item name="attendedDepartmentIds" noStyle>
              <Checkbox.Group options={planned} />
            </Form.Item>
          )}
          <div className="yq-visit-attended-others">
            <Form.Item name="otherDepartmentIds" noStyle>
              <DepartmentSelect activeOnly
                multiple
                exclude={v.departments.map((d) => d.id)}
                placeholder={planned.length ? t('visits.record.otherDepartments') : t('visits.record.attendedPick')}
                style={{ minWidth: 320 }}
              />
            </Form.Item>
            {others && others.length > 0 && <span className="yq-muted">{t('visits.record.othersCount', { n: others.length })}</span>}
          </div>
        </Form.Item>
        <Form.List name="enterprises">
          {(fields) =>
            fields.map((field) => {
              const name = initial.enterprises[field.name]?.name ?? '';
              return (
                <Form.Item
                  key={field.key}
                  name={[field.name, 'raised']}
                  label={t('visits.record.raised', { name })}
                >
                  <Input.TextArea
                    maxLength={5000}
                    showCount
                    autoSize={{ minRows: 3, maxRows: 12 }}
                    placeholder={t('visits.record.raisedPlaceholder')}
                    data-testid={`visit-raised-${field.name}`}
                  />
                </Form.Item>
              );
            })
          }
        </Form.List>
        {initial.guideAnswers.length > 0 && (
          <div className="yq-visit-guide">
            <Typography.Title level={5}>{t('visits.record.guideTitle', { theme: v.theme?.name ?? '' })}</Typography.Title>
            <Form.List name="guideAnswers">
              {(fields) =>
                fields.map((field) => (
                  <Form.Item key={field.key} name={[field.name, 'answer']} label={`${field.name + 1}. ${initial.guideAnswers[field.name]?.question ?? ''}`}>
                    <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`visit-guide-${field.name}`} />
                  </Form.Item>
                ))
              }
            </Form.List>
          </div>
        )}
        <Form.Item name="decisions" label={t('visits.record.decisions')}>
          <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('visits.record.decisionsPlaceholder')} data-testid="visit-decisions" />
        </Form.Item>
        <Form.Item name="followUps" label={t('visits.record.followUps')}>
          <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 2, maxRows: 10 }} placeholder={t('visits.record.followUpsPlaceholder')} data-testid="visit-follow-ups" />
        </Form.Item>
        <div className="yq-visit-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="visit-record-save">
            {t('visits.record.save')}
          </Button>
        </div>
      </Card>
    </Form>
  );
}

/** The record as text, once signed off (or for those who may only read it). */
function RecordText({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const none = <span className="yq-muted">{t('visits.record.empty')}</span>;
  const nameOf = (id: string) => v.departments.find((d) => d.id === id)?.name ?? departments.data?.items.find((d) => d.id === id)?.name ?? id;
  const para = (text: string | null | undefined) => (text ? <Typography.Paragraph className="yq-pre-line yq-flush">{text}</Typography.Paragraph> : none);
  const items: DescriptionsProps['items'] = [
    {
      key: 'attended',
      label: t('visits.record.attended'),
      children: v.record.attendedDepartmentIds.length ? v.record.attendedDepartmentIds.map(nameOf).join(t('visits.listSeparator')) : none,
    },
    ...v.enterprises.map((e) => ({
      key: `raised-${e.id}`,
      label: t('visits.record.raised', { name: e.name }),
      children: para(v.record.enterprises.find((r) => r.enterpriseId === e.id)?.raised),
    })),
    ...v.guideAnswers.map((g, i) => ({ key: `guide-${i}`, label: `${i + 1}. ${g.question}`, children: para(g.answer) })),
    { key: 'decisions', label: t('visits.record.decisions'), children: para(v.record.decisions) },
    { key: 'followUps', label: t('visits.record.followUps'), children: para(v.record.followUps) },
  ];
  const emptyText = v.status === 'cancelled'
    ? t('visits.record.cancelled')
    : t(v.visitOn > todayInZone() ? 'visits.record.beforeDay' : 'visits.record.notYet', { date: v.visitOn });
  const blank = v.status === 'cancelled' || (v.record.attendedDepartmentIds.length === 0 && !v.record.decisions && !v.record.followUps && v.record.enterprises.every((e) => !e.raised));
  return (
    <Card title={t('visits.record.title')} data-testid="visit-record-text">
      {blank && v.status !== 'done' ? (
        <Empty description={emptyText} />
      ) : (
        <Descriptions column={1} size="middle" bordered items={items} className="yq-visit-record-text" />
      )}
    </Card>
  );
}
