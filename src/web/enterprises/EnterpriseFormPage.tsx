import { App, Button, Card, Form, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { ForbiddenPage } from '../app/ForbiddenPage.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { isStaff, useSession } from '../app/session.js';
import { ContactsFields } from './ContactsFields.js';
import { EnterpriseBasicFields } from './EnterpriseBasicFields.js';
import { canManageEnterprises } from './enterprise-access.js';
import { useEnterprise, useSaveEnterprise } from './enterprise-api.js';
import { changedFields, EMPTY_FORM, toFormValues, toInput, type EnterpriseFormValues } from './enterprise-form-values.js';
import { FiguresFields } from './FiguresFields.js';
import { QualificationsFields } from './QualificationsFields.js';

/** Create an enterprise (/enterprises/new) or edit one (/enterprises/:id/edit). */
export function EnterpriseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const existing = useEnterprise(id);
  const save = useSaveEnterprise(id);
  const [dirty, setDirty] = useState(false);
  const leaving = useRef(false);

  const initial = useMemo(() => (existing.data ? toFormValues(existing.data) : EMPTY_FORM), [existing.data]);
  useEffect(() => {
    form.setFieldsValue(initial);
  }, [form, initial]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('enterprise.leaveConfirm'),
      okText: t('common.ok'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  if (id && existing.error instanceof ApiError && existing.error.status === 404) return <NotFoundPage />;
  if (id && existing.error) return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (id && !existing.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (id && existing.data && !existing.data.canEdit) return <ForbiddenPage />;
  if (!id && !canManageEnterprises(me)) return <ForbiddenPage />;

  const submit = (values: EnterpriseFormValues) => {
    const body = toInput(values);
    const payload = existing.data ? changedFields(toInput(initial), body) : body;
    if (existing.data && Object.keys(payload).length === 0) {
      void message.info(t('common.noChanges'));
      leaving.current = true;
      void navigate(`/enterprises/${existing.data.id}`);
      return;
    }
    save.mutate(payload, {
      onSuccess: (saved) => {
        void message.success(id ? t('enterprise.saveSuccess') : t('enterprise.createSuccess'));
        leaving.current = true;
        void navigate(`/enterprises/${saved.id}`, { replace: !id });
      },
      onError: (error) => onError(error, form, { USCC_DUPLICATE: 'uscc', USCC_INVALID: 'uscc' }),
    });
  };

  const cancel = () => void navigate(id ? `/enterprises/${id}` : '/enterprises');

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onValuesChange={() => setDirty(true)}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
      }}
      scrollToFirstError={false}
    >
      <PageHeader title={id ? t('enterprise.editTitle') : t('enterprise.createTitle')} subTitle={existing.data?.name} />
      <Space orientation="vertical" size={16} className="yq-block">
        <Card title={t('enterprise.basic')} className="yq-form-section">
          <EnterpriseBasicFields
            staff={isStaff(me)}
            registrar={canManageEnterprises(me)}
            currentThemes={existing.data?.themes ?? []}
            currentCadre={existing.data?.cadreId ? { id: existing.data.cadreId, name: existing.data.cadreName ?? existing.data.cadreId } : null}
            currentLeader={existing.data?.leaderId ? { id: existing.data.leaderId, name: existing.data.leaderName ?? existing.data.leaderId } : null}
          />
        </Card>
        <Card title={t('enterprise.qualifications.title')} className="yq-form-section">
          <QualificationsFields />
        </Card>
        <Card title={t('enterprise.contacts.title')} className="yq-form-section">
          <ContactsFields />
        </Card>
        <Card title={t('enterprise.figures.title')} className="yq-form-section">
          <FiguresFields />
        </Card>
      </Space>
      <div className="yq-form-actions">
        <Button onClick={cancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="enterprise-save">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
