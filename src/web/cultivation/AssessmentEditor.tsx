import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Row, Space, Typography, type ButtonProps } from 'antd';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CultivationSettings, EvaluationPurpose } from '../../contracts/cultivation.js';
import type { CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import type { CultivationProfile } from '../../domain/cultivation/cultivation-profile.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useLanguage } from '../app/language.js';
import { LiveScorePanel } from './LiveScorePanel.js';
import { applyProfileErrors } from './profile-errors.js';
import { formValuesToProfile, profileToFormValues, type ProfileFormValues } from './profile-form-values.js';
import { ProfileForm } from './ProfileForm.js';
import { formatPoints } from './evaluation-format.js';
import { useLiveEvaluation } from './use-live-evaluation.js';
import './cultivation.css';

export type EditorProps = {
  scheme: CultivationScheme;
  purpose: EvaluationPurpose;
  /** the evaluation date (YYYY-MM-DD), which picks the rules */
  on: string;
  /** the fiscal year of the plain figures (the year before `on`) */
  priorYear: number;
  settings: CultivationSettings;
  /** the stored or pre-filled profile (yuan, fractions) */
  profile: CultivationProfile;
  /** above the form: the notice of a returned assessment, the prefill note */
  notice?: ReactNode;
  /** saves the draft; resolves once stored */
  onSave: (profile: CultivationProfile) => Promise<unknown>;
  /** saves and submits with the declaration; resolves once submitted */
  onSubmit: (profile: CultivationProfile) => Promise<unknown>;
  saving: boolean;
  submitting: boolean;
};

/**
 * The self-assessment being filled: the profile's fields in six groups on the left, the score
 * computed live in the browser on the right (the same domain rules the server applies to the same
 * profile object), and at the bottom the declaration of truthfulness with 保存草稿 and 提交自评.
 */
export function AssessmentEditor(props: EditorProps) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { modal, message, notification } = App.useApp();
  const onApiError = useApiErrorHandler();
  const [form] = Form.useForm<ProfileFormValues>();
  const initialValues = useMemo(() => profileToFormValues(props.profile), [props.profile]);
  const [values, setValues] = useState<ProfileFormValues>(initialValues);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(formValuesToProfile(initialValues)));
  const [declared, setDeclared] = useState(false);
  const [declarationError, setDeclarationError] = useState(false);

  const profile = useMemo(() => formValuesToProfile(values), [values]);
  const dirty = JSON.stringify(profile) !== savedJson;
  const live = useLiveEvaluation(props.scheme, useDeferredValue(profile), { on: props.on, purpose: props.purpose, settings: props.settings });
  // The same set while the missing fields stay the same, so the form is not drawn again on every key.
  const missingKey = (live.evaluation?.missing ?? []).join('|');
  const missing = useMemo(() => new Set<string>(missingKey ? missingKey.split('|') : []), [missingKey]);

  const current = () => formValuesToProfile(form.getFieldsValue(true) as ProfileFormValues);

  const showErrors = (error: unknown) => {
    const { leftover, first } = applyProfileErrors(form, error);
    if (first) {
      form.scrollToField(first, { block: 'center' });
      if (leftover.length === 0) {
        void message.error(t('cultivation.form.fixErrors'));
        return;
      }
    }
    if (leftover.length) {
      notification.error({ title: t('cultivation.form.fixErrors'), description: leftover.join('\n'), style: { whiteSpace: 'pre-line' } });
      return;
    }
    onApiError(error);
  };

  const save = async () => {
    const p = current();
    try {
      await props.onSave(p);
      setSavedJson(JSON.stringify(p));
      void message.success(t('cultivation.form.saved'));
    } catch (error) {
      showErrors(error);
    }
  };

  const submit = () => {
    if (!declared) {
      setDeclarationError(true);
      document.getElementById('cf-declaration')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    const p = current();
    const total = live.evaluation?.total;
    modal.confirm({
      title: t('cultivation.submit.title'),
      content: (
        <Space orientation="vertical">
          <Typography.Text>{t('cultivation.submit.text')}</Typography.Text>
          {live.evaluation && (
            <Typography.Text strong data-testid="assessment-submit-live">
              {live.evaluation.outcomeLabel[lang]}
              {total !== null && total !== undefined ? ` · ${t('cultivation.submit.liveTotal', { total: formatPoints(total) })}` : ''}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('cultivation.submit.declaration')}</Typography.Text>
        </Space>
      ),
      okText: t('cultivation.submit.confirm'),
      okButtonProps: { 'data-testid': 'assessment-submit-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await props.onSubmit(p);
          setSavedJson(JSON.stringify(p));
          void message.success(t('cultivation.submit.done'));
        } catch (error) {
          showErrors(error);
        }
      },
    });
  };

  return (
    <Row gutter={[16, 16]} className="yq-cf">
      <Col xs={24} xl={14} xxl={15}>
        <Space orientation="vertical" size={16} className="yq-block">
          {props.notice}
          <Form<ProfileFormValues>
            form={form}
            layout="vertical"
            name="cultivation-profile"
            initialValues={initialValues}
            preserve
            onValuesChange={() => setValues(form.getFieldsValue(true) as ProfileFormValues)}
            scrollToFirstError
            data-testid="assessment-form"
          >
            <ProfileForm priorYear={props.priorYear} settings={props.settings} missing={missing} />
          </Form>
          <Card size="small" className="yq-cf-actions" data-testid="assessment-actions">
            <div id="cf-declaration">
              <Checkbox
                checked={declared}
                onChange={(e) => {
                  setDeclared(e.target.checked);
                  if (e.target.checked) setDeclarationError(false);
                }}
                data-testid="assessment-declaration"
              >
                {t('cultivation.submit.declaration')}
              </Checkbox>
              {declarationError && (
                <Typography.Text type="danger" className="yq-cf-declaration-error" data-testid="assessment-declaration-error">
                  {t('cultivation.submit.declarationRequired')}
                </Typography.Text>
              )}
            </div>
            <Space wrap className="yq-cf-action-buttons">
              {dirty && <Typography.Text type="warning">{t('cultivation.form.unsavedChanges')}</Typography.Text>}
              <Button icon={<SaveOutlined />} loading={props.saving} onClick={() => void save()} data-testid="assessment-save">
                {t('cultivation.form.saveDraft')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={props.submitting} onClick={submit} data-testid="assessment-submit">
                {t('cultivation.form.submit')}
              </Button>
            </Space>
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={10} xxl={9}>
        <div className="yq-cf-live-wrap">
          <LiveScorePanel live={live} onFieldClick={(field) => form.scrollToField(field.split('.'), { block: 'center' })} />
        </div>
      </Col>
    </Row>
  );
}

export function ReturnedNotice({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="assessment-returned"
      title={t('cultivation.form.returned')}
      description={t('cultivation.form.returnedText', { reason })}
    />
  );
}
