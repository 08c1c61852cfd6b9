import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CULTIVATION_SCHEMES, isCultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { AssessmentEditor } from './AssessmentEditor.js';
import { RulesLine } from './RulesLine.js';
import {
  useAssessmentPrefill,
  useCreateAssessment,
  useSaveAssessment,
  useSubmitAssessment,
  type CultivationScheme,
  type EvaluationPurpose,
} from './cultivation-api.js';

/**
 * 新建自评 (/cultivation/assessments/new?scheme=…): choose the tier, check the profile pre-filled
 * from the enterprise's figures while the score updates live, then save a draft or submit. An
 * officer filling one for an enterprise comes with &enterprise=<id>.
 */
export function AssessmentNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const schemeParam = params.get('scheme') ?? '';
  const scheme: CultivationScheme | null = isCultivationScheme(schemeParam) ? schemeParam : null;
  const purpose: EvaluationPurpose = params.get('purpose') === 'review' ? 'review' : 'new';
  const enterpriseId = params.get('enterprise') || undefined;
  const prefill = useAssessmentPrefill({ enterpriseId });
  const create = useCreateAssessment();
  const save = useSaveAssessment();
  const submit = useSubmitAssessment();
  // Once stored (a submission the server refused leaves a draft), later saves change that draft.
  const [created, setCreated] = useState<string | null>(null);

  const choose = (patch: { scheme?: CultivationScheme; purpose?: EvaluationPurpose }) => {
    const next = new URLSearchParams(params);
    if (patch.scheme) next.set('scheme', patch.scheme);
    if (patch.purpose) {
      if (patch.purpose === 'new') next.delete('purpose');
      else next.set('purpose', patch.purpose);
    }
    setParams(next, { replace: true });
  };

  const header = (
    <PageHeader
      title={scheme ? t('cultivation.form.title', { scheme: t(`cultivation.schemes.${scheme}`) }) : t('cultivation.form.newTitle')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/cultivation/assessments')}>
          {t('common.back')}
        </Button>
      }
    />
  );

  const chooser = (
    <Card size="small" data-testid="assessment-scheme-choice">
      <Space orientation="vertical" size={12} className="yq-block">
        <Typography.Text strong>{t('cultivation.form.chooseScheme')}</Typography.Text>
        <Radio.Group
          value={scheme}
          disabled={created !== null}
          onChange={(e) => choose({ scheme: e.target.value as CultivationScheme })}
          className="yq-cf-schemes"
          optionType="button"
          buttonStyle="solid"
          options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: <span data-testid={`assessment-scheme-${s}`}>{t(`cultivation.schemes.${s}`)}</span> }))}
        />
        {scheme && <Typography.Text type="secondary">{t(`cultivation.schemeHints.${scheme}`)}</Typography.Text>}
        <Space wrap>
          <Typography.Text>{t('cultivation.form.purpose')}</Typography.Text>
          <Radio.Group
            value={purpose}
            disabled={created !== null}
            onChange={(e) => choose({ purpose: e.target.value as EvaluationPurpose })}
            options={(['new', 'review'] as const).map((p) => ({ value: p, label: t(`cultivation.purposes.${p}`) }))}
          />
        </Space>
      </Space>
    </Card>
  );

  if (prefill.error) {
    return (
      <Space orientation="vertical" size={16} className="yq-block">
        {header}
        <QueryError error={prefill.error} onRetry={() => void prefill.refetch()} />
      </Space>
    );
  }
  if (!prefill.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const p = prefill.data;

  const notice = (
    <>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'enterprise', label: t('cultivation.form.enterprise'), children: <span data-testid="assessment-enterprise">{p.enterpriseName}</span> },
            { key: 'on', label: t('cultivation.form.evaluationOn'), children: <span className="yq-num">{p.on}</span> },
            { key: 'rules', label: t('cultivation.form.rules'), span: 'filled', children: scheme ? <RulesLine scheme={scheme} on={p.on} purpose={purpose} settings={p.settings} /> : '—' },
          ]}
        />
      </Card>
      <Alert type="info" showIcon title={t('cultivation.form.prefilled', { year: p.priorYear })} />
    </>
  );

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="assessment-new-page">
      {header}
      {chooser}
      {!scheme ? (
        <Alert type="info" showIcon title={t('cultivation.form.noScheme')} />
      ) : (
        <AssessmentEditor
          scheme={scheme}
          purpose={purpose}
          on={p.on}
          priorYear={p.priorYear}
          settings={p.settings}
          profile={p.profile}
          notice={notice}
          saving={create.isPending || save.isPending}
          submitting={create.isPending || submit.isPending}
          onSave={async (profile) => {
            const detail = created
              ? await save.mutateAsync({ id: created, profile })
              : await create.mutateAsync({ scheme, purpose, profile, ...(enterpriseId ? { enterpriseId } : {}) });
            void navigate(`/cultivation/assessments/${detail.id}`, { replace: true });
          }}
          onSubmit={async (profile) => {
            let id = created;
            if (!id) {
              id = (await create.mutateAsync({ scheme, purpose, profile, ...(enterpriseId ? { enterpriseId } : {}) })).id;
              setCreated(id);
              await submit.mutateAsync({ id });
            } else {
              await submit.mutateAsync({ id, profile });
            }
            void navigate(`/cultivation/assessments/${id}`, { replace: true });
          }}
        />
      )}
    </Space>
  );
}
