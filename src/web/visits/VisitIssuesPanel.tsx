import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IssueResolution } from '../../contracts/visits.js';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDate, formatDateTime } from '../app/format.js';
import { useDemandCategories } from '../demands/demand-api.js';
import { DemandStatusTag } from '../demands/DemandStatusTag.js';
import { useAddVisitIssue, type VisitDetail, type VisitIssue } from './visit-api.js';
import { CategorySelect } from '../demands/CategorySelect.js';
import { DepartmentSelect } from '../demands/DepartmentSelect.js';

type Resolution = IssueResolution;
/** The contract's ISSUE_RESOLUTIONS, without loading the schemas into the browser. */
const ISSUE_RESOLUTIONS = ['answered', 'demand'] as const satisfies readonly Resolution[];

/** 问题清单: each problem raised at the on-site office, answered there or turned into a demand already assigned. */
export function VisitIssuesPanel({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const columns: TableProps<VisitIssue>['columns'] = [
    { key: 'enterprise', title: t('visits.issues.enterprise'), width: 170, ellipsis: true, render: (_: unknown, i) => i.enterprise.name },
    {
      key: 'text',
      title: t('visits.issues.text'),
      dataIndex: 'text',
      render: (text: string) => <span className="yq-pre-line">{text}</span>,
    },
    { key: 'category', title: t('visits.issues.category'), dataIndex: 'categoryName', width: 110 },
    {
      key: 'resolution',
      title: t('visits.issues.resolution'),
      width: 280,
      render: (_: unknown, i) => <IssueResolution issue={i} visit={v} />,
    },
    {
      key: 'created',
      title: t('visits.issues.createdAt'),
      width: 140,
      render: (_: unknown, i) => (
        <Tooltip title={i.createdByName}>
          <span className="yq-num yq-nowrap">{formatDateTime(i.createdAt)}</span>
        </Tooltip>
      ),
    },
  ];
  const answered = v.issues.filter((i) => i.resolution === 'answered').length;
  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <Card title={t('visits.issues.title')} extra={<span className="yq-muted">{t('visits.issues.summary', { n: v.issues.length, a: answered, d: v.issues.length - answered })}</span>}>
        <div data-testid="visit-issues">
          <Table<VisitIssue>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={v.issues}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('visits.issues.none') }}
          />
        </div>
      </Card>
      {v.can.record && <IssueForm visit={v} />}
    </Space>
  );
}

function IssueResolution({ issue: i, visit: v }: { issue: VisitIssue; visit: VisitDetail }) {
  const { t } = useTranslation();
  if (i.resolution === 'answered') {
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="success">{t('visits.issues.resolutions.answered')}</Tag>
        <span className="yq-pre-line">{i.answer}</span>
      </Space>
    );
  }
  const d = v.demands.find((x) => x.id === i.demandId);
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color="blue">{t('visits.issues.resolutions.demand')}</Tag>
        {i.demandId && (
          <Link to={`/demands/${i.demandId}`} className="yq-num">
            {d?.number ?? t('visits.issues.openDemand')}
          </Link>
        )}
        {d && <DemandStatusTag status={d.status} />}
      </Space>
      {d && (
        <span className="yq-muted">
          {d.leadDepartmentName ?? t('demands.notAssigned')}
          {d.dueOn ? ` · ${t('visits.issues.dueBy', { date: formatDate(d.dueOn) })}` : ''}
        </span>
      )}
    </Space>
  );
}

type Values = {
  enterpriseId?: string;
  text: string;
  categoryCode?: string;
  resolution: Resolution;
  answer?: string;
  title?: string;
  leadDepartmentId?: string;
  assistingDepartmentIds?: string[];
};

/** 登记问题: one problem, its category, and how it was settled on the spot. */
function IssueForm({ visit: v }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const add = useAddVisitIssue(v.id);
  const categories = useDemandCategories();
  const resolution = Form.useWatch('resolution', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const lead = Form.useWatch('leadDepartmentId', form);
  const category = categories.data?.items.find((c) => c.code === categoryCode);

  const onCategory = (code: string | undefined) => {
    const chosen = categories.data?.items.find((c) => c.code === code);
    // The category's usual department leads unless someone was already chosen by hand.
    if (chosen?.defaultDepartmentId && !form.isFieldTouched('leadDepartmentId')) form.setFieldValue('leadDepartmentId', chosen.defaultDepartmentId);
  };

  const submit = (values: Values) => {
    const before = new Set(v.issues.map((i) => i.id));
    const toDemand = values.resolution === 'demand';
    add.mutate(
      {
        enterpriseId: values.enterpriseId as string,
        text: values.text.trim(),
        categoryCode: values.categoryCode as string,
        resolution: values.resolution,
        ...(toDemand
          ? {
              title: values.title?.trim() || undefined,
              leadDepartmentId: values.leadDepartmentId,
              assistingDepartmentIds: (values.assistingDepartmentIds ?? []).filter((id) => id !== values.leadDepartmentId),
            }
          : { answer: values.answer?.trim() }),
      },
      {
        onSuccess: (detail) => {
          const created = detail.issues.find((i) => !before.has(i.id));
          const demand = created?.demandId ? detail.demands.find((d) => d.id === created.demandId) : undefined;
          if (demand) {
            void message.success({
              content: t('visits.issues.toDemandDone', { number: demand.number, date: demand.dueOn ? formatDate(demand.dueOn) : t('common.none') }),
              duration: 6,
            });
          } else {
            void message.success(toDemand ? t('visits.issues.savedDemand') : t('visits.issues.savedAnswer'));
          }
          form.resetFields(['text', 'answer', 'title', 'categoryCode', 'leadDepartmentId', 'assistingDepartmentIds']);
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Card title={t('visits.issues.addTitle')} data-testid="visit-issue-form-card">
      <Form<Values>
        form={form}
        layout="vertical"
        name="visit-issue"
        onFinish={submit}
        initialValues={{ resolution: 'demand', enterpriseId: v.enterprises.length === 1 ? v.enterprises[0]?.id : undefined, text: '' }}
        data-testid="visit-issue-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="enterpriseId" label={t('visits.issues.enterprise')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('visits.issues.enterprise') }) }]}>
              <Select options={v.enterprises.map((e) => ({ value: e.id, label: e.name }))} placeholder={t('visits.issues.enterprisePlaceholder')} data-testid="visit-issue-enterprise" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="categoryCode"
              label={t('visits.issues.category')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('visits.issues.category') }) }]}
              extra={category && resolution === 'demand' ? t('visits.issues.deadlineHint', { n: category.effectiveDeadlineDays }) : undefined}
            >
              <CategorySelect withDeadline onChange={onCategory} placeholder={t('visits.issues.categoryPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="text"
          label={t('visits.issues.text')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('visits.issues.text') }) },
            { min: 2, message: t('visits.issues.textMin') },
          ]}
        >
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('visits.issues.textPlaceholder')} data-testid="visit-issue-text" />
        </Form.Item>
        <Form.Item name="resolution" label={t('visits.issues.resolution')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ISSUE_RESOLUTIONS.map((r) => ({ value: r, label: t(`visits.issues.resolutions.${r}`) }))}
            data-testid="visit-issue-resolution"
          />
        </Form.Item>
        {resolution === 'answered' ? (
          <Form.Item
            name="answer"
            label={t('visits.issues.answer')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('visits.issues.answer') }) }]}
          >
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('visits.issues.answerPlaceholder')} data-testid="visit-issue-answer" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="title" label={t('visits.issues.demandTitle')} rules={[{ min: 2, message: t('visits.issues.titleMin') }]} extra={t('visits.issues.demandTitleHelp')}>
              <Input maxLength={100} showCount data-testid="visit-issue-title" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="leadDepartmentId"
                  label={t('visits.issues.lead')}
                  rules={[{ required: true, message: t('common.requiredSelect', { field: t('visits.issues.lead') }) }]}
                >
                  <DepartmentSelect activeOnly placeholder={t('visits.issues.leadPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="assistingDepartmentIds" label={t('visits.issues.assisting')}>
                  <DepartmentSelect activeOnly multiple exclude={[lead]} placeholder={t('visits.issues.assistingPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" className="yq-visit-issue-note">
              {t('visits.issues.demandNote', { leader: v.leader.name })}
            </Typography.Paragraph>
          </>
        )}
        <div className="yq-visit-actions">
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="visit-issue-submit">
            {resolution === 'answered' ? t('visits.issues.submitAnswered') : t('visits.issues.submitDemand')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
