import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { formatDateTime } from '../app/format.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { AssessmentEditor, ReturnedNotice } from './AssessmentEditor.js';
import { AssessmentStatusTag } from './AssessmentStatusTag.js';
import { EvaluationView } from './EvaluationView.js';
import { ProfileView } from './ProfileView.js';
import { ReviewActions } from './ReviewActions.js';
import { RulesLine } from './RulesLine.js';
import { useAssessment, useAssessmentPrefill, useSaveAssessment, useSubmitAssessment, type AssessmentDetail } from './cultivation-api.js';

/**
 * One self-assessment (/cultivation/assessments/:id). While it may be edited (a draft, or returned
 * with the officer's reason) it is the form with the live score; otherwise the profile read-only
 * beside the evaluation the server stored at submission, with 审核通过 / 退回 when `can` allows.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useAssessment(id);
  const a = query.data;
  const editable = a?.can.includes('edit') ?? false;
  // The zone's settings for the live score (the same the server applies), and for the provincial indicators' names.
  const reviewer = a ? a.can.includes('accept') || a.can.includes('return') : false;
  // Without a date: the zone's today, the date the server evaluates on when the assessment is submitted.
  const prefill = useAssessmentPrefill({ enterpriseId: a?.enterpriseId }, editable || reviewer);
  const save = useSaveAssessment();
  const submit = useSubmitAssessment();

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error && !a) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!a) return <Skeleton active paragraph={{ rows: 14 }} />;

  const back = () => void (location.key === 'default' ? navigate('/cultivation/assessments') : navigate(-1));
  const header = (
    <PageHeader
      title={<span data-testid="assessment-heading">{t('cultivation.form.title', { scheme: t(`cultivation.schemes.${a.scheme}`) })}</span>}
      tags={
        <>
          <AssessmentStatusTag status={a.status} />
          <Tag>{t(`cultivation.purposes.${a.purpose}`)}</Tag>
        </>
      }
      subTitle={a.enterpriseName}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('common.back')}
          </Button>
          <ReviewActions assessment={a} />
        </>
      }
    />
  );

  if (editable) {
    if (prefill.error) return <QueryError error={prefill.error} onRetry={() => void prefill.refetch()} />;
    if (!prefill.data) return <Skeleton active paragraph={{ rows: 14 }} />;
    const settings = prefill.data.settings;
    return (
      <Space orientation="vertical" size={16} className="yq-block" data-testid="assessment-page">
        {header}
        <AssessmentEditor
          key={a.id}
          scheme={a.scheme}
          purpose={a.purpose}
          on={prefill.data.on}
          priorYear={prefill.data.priorYear}
          settings={settings}
          profile={a.profile}
          notice={
            <>
              {a.status === 'returned' && a.returnReason && <ReturnedNotice reason={a.returnReason} />}
              <Card size="small">
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'on', label: t('cultivation.form.evaluationOn'), children: <span className="yq-num">{prefill.data.on}</span> },
                    { key: 'rules', label: t('cultivation.form.rules'), children: <RulesLine scheme={a.scheme} on={prefill.data.on} purpose={a.purpose} settings={settings} /> },
                  ]}
                />
              </Card>
            </>
          }
          saving={save.isPending}
          submitting={submit.isPending}
          onSave={(profile) => save.mutateAsync({ id: a.id, profile })}
          onSubmit={(profile) => submit.mutateAsync({ id: a.id, profile })}
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="assessment-page">
      {header}
      {a.status === 'returned' && a.returnReason && <ReturnedNotice reason={a.returnReason} />}
      {a.status === 'submitted' && !a.can.includes('accept') && (
        <Alert type="info" showIcon title={t('cultivation.detail.waiting')} data-testid="assessment-waiting" />
      )}
      {a.status === 'accepted' && <Alert type="success" showIcon title={t('cultivation.detail.acceptedText')} data-testid="assessment-accepted" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14} xxl={15}>
          <Space orientation="vertical" size={16} className="yq-block">
            <ProcessCard assessment={a} />
            <ProfileView profile={a.profile} priorYear={Number(a.evaluationOn.slice(0, 4)) - 1} settings={prefill.data?.settings} />
          </Space>
        </Col>
        <Col xs={24} xl={10} xxl={9}>
          <div>
            {a.evaluation ? (
              <EvaluationView
                evaluation={a.evaluation}
                title={t('cultivation.evaluation.serverTitle')}
                hint={a.status === 'draft' ? t('cultivation.evaluation.liveDraftHint') : t('cultivation.evaluation.serverHint')}
                testId="assessment-evaluation"
              />
            ) : (
              <Card title={t('cultivation.evaluation.serverTitle')}>{t('common.noData')}</Card>
            )}
          </div>
        </Col>
      </Row>
    </Space>
  );
}

function ProcessCard({ assessment: a }: { assessment: AssessmentDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cultivation.detail.process')} data-testid="assessment-process">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'enterprise', label: t('cultivation.form.enterprise'), children: a.enterpriseName },
          { key: 'status', label: t('cultivation.detail.status'), children: <AssessmentStatusTag status={a.status} /> },
          { key: 'on', label: t('cultivation.form.evaluationOn'), children: <span className="yq-num">{a.evaluationOn}</span> },
          { key: 'rules', label: t('cultivation.evaluation.rulesVersion'), children: a.rulesVersion ?? '—' },
          { key: 'declaredBy', label: t('cultivation.detail.declaredBy'), children: a.declaredByName ?? '—' },
          { key: 'declaredAt', label: t('cultivation.detail.declaredAt'), children: <span className="yq-num">{formatDateTime(a.declaredAt)}</span> },
          { key: 'reviewedBy', label: t('cultivation.detail.reviewedBy'), children: a.reviewedByName ?? '—' },
          { key: 'reviewedAt', label: t('cultivation.detail.reviewedAt'), children: <span className="yq-num">{formatDateTime(a.reviewedAt)}</span> },
          ...(a.returnReason ? [{ key: 'reason', label: t('cultivation.detail.returnReason'), children: a.returnReason }] : []),
        ]}
      />
    </Card>
  );
}
