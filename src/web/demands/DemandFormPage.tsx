import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../app/errors.js';
import { ForbiddenPage } from '../app/ForbiddenPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { useSession } from '../app/session.js';
import { EnterpriseSelect } from '../identity/EnterpriseSelect.js';
import { CategorySelect } from './CategorySelect.js';
import { ConfidentialityField } from './ConfidentialityField.js';
import { canSubmitDemand, channelsFor, submitsForOthers } from './demand-access.js';
import { useCreateDemand, useDemandCategories } from './demand-api.js';
import type { Confidentiality, DemandChannel } from './demand-types.js';
import { SimilarDemandsAlert } from './SimilarDemandsAlert.js';
import { useAttachmentLimit } from './attachment-rules.js';

type Values = {
  enterpriseId?: string | null;
  channel?: DemandChannel;
  title: string;
  description: string;
  categoryCode?: string;
  confidentiality: Confidentiality;
};

/** 提交诉求 (enterprise) / 登记诉求 (staff on an enterprise's behalf), with a duplicate check while typing. */
export function DemandFormPage() {
  const { t } = useTranslation();
  const me = useSession();
  const attachmentLimit = useAttachmentLimit();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const create = useCreateDemand();
  const categories = useDemandCategories();
  const staff = submitsForOthers(me);
  const channels = channelsFor(me).filter((c) => c !== 'portal');
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = categories.data?.items.find((c) => c.code === categoryCode);

  if (!canSubmitDemand(me)) return <ForbiddenPage />;

  const submit = (values: Values) =>
    create.mutate(
      {
        enterpriseId: staff ? values.enterpriseId ?? undefined : undefined,
        channel: staff ? values.channel : undefined,
        title: values.title.trim(),
        description: values.description.trim(),
        categoryCode: values.categoryCode ?? '',
        confidentiality: values.confidentiality,
      },
      {
        onSuccess: (saved) => {
          void message.success(t('demands.form.success', { number: saved.number }));
          void navigate(`/demands/${saved.id}`, { replace: true });
        },
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ confidentiality: 'public', channel: channels[0], title: '', description: '' }}
      scrollToFirstError
      data-testid="demand-form"
    >
      <PageHeader title={staff ? t('demands.form.titleStaff') : t('demands.form.title')} subTitle={staff ? t('demands.form.subtitleStaff') : t('demands.form.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            {staff && (
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item
                    name="enterpriseId"
                    label={t('demands.fields.enterprise')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: t('demands.fields.enterprise') }) }]}
                  >
                    <EnterpriseSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="channel" label={t('demands.fields.channel')}>
                    <Radio.Group
                      optionType="button"
                      options={channels.map((c) => ({ value: c, label: t(`demands.channels.${c}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item
              name="title"
              label={t('demands.fields.title')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('demands.fields.title') }) },
                { min: 2, message: t('demands.form.titleMin') },
              ]}
            >
              <Input maxLength={100} showCount placeholder={t('demands.form.titlePlaceholder')} data-testid="demand-title" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('demands.fields.description')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('demands.fields.description') }) },
                { min: 5, message: t('demands.form.descriptionMin') },
              ]}
            >
              <Input.TextArea
                maxLength={5000}
                showCount
                autoSize={{ minRows: 6, maxRows: 16 }}
                placeholder={t('demands.form.descriptionPlaceholder')}
                data-testid="demand-description"
              />
            </Form.Item>
            <SimilarDemandsAlert
              enterpriseId={staff ? enterpriseId ?? undefined : undefined}
              text={`${title} ${description}`}
              enabled={staff ? Boolean(enterpriseId) : true}
            />
            <Form.Item
              name="categoryCode"
              label={t('demands.fields.category')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('demands.fields.category') }) }]}
              extra={category ? t('demands.form.categoryDeadline', { n: category.effectiveDeadlineDays }) : t('demands.form.categoryHelp')}
            >
              <CategorySelect withDeadline placeholder={t('demands.form.categoryPlaceholder')} />
            </Form.Item>
            <Form.Item name="confidentiality" label={t('demands.fields.confidentiality')}>
              <ConfidentialityField />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('demands.form.howTitle')} size="small">
            <Typography.Paragraph className="yq-pre-line" type="secondary" style={{ marginBottom: 12 }}>
              {t('demands.form.howText')}
            </Typography.Paragraph>
            <Alert type="info" showIcon title={t('demands.form.attachHint')} description={t('demands.attachments.allowed', { mb: attachmentLimit.maxMb })} />
          </Card>
        </Col>
      </Row>
      <div className="yq-form-actions">
        <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="demand-submit">
          {t('demands.form.submit')}
        </Button>
      </div>
    </Form>
  );
}
