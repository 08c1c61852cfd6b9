import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useSession } from '../app/session.js';
import { ActionFields } from './ActionFields.js';
import { CONFIRMED_ACTIONS, initialValues, toActionCall, type ActionValues } from './demand-actions.js';
import { useDemandAction, useDemandCategories } from './demand-api.js';
import type { DemandDetail, FormAction } from './demand-types.js';

type Props = { demand: DemandDetail; action: FormAction | null; onClose: () => void };

/** One action's small form; final actions (decline, merge, settle) ask again before they are sent. */
export function DemandActionModal({ demand, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ActionValues>();
  const mutation = useDemandAction(demand.id);
  const me = useSession();
  const categories = useDemandCategories();
  const categoryDefault = categories.data?.items.find((c) => c.code === demand.categoryCode)?.defaultDepartmentId ?? null;

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    // An assisting department's note is for the administration by default, as the server would keep it.
    const assisting = Boolean(me.departmentId) && me.departmentId !== demand.leadDepartmentId && demand.assistingDepartments.some((a) => a.id === me.departmentId);
    form.setFieldsValue({ ...initialValues(action, demand, categoryDefault), ...(action === 'progress' && assisting ? { internal: true } : {}) });
    // Only when a form opens: the demand refreshing underneath must not wipe what is being typed.
  }, [action, form]);

  if (!action) return null;

  const send = (values: ActionValues) =>
    mutation.mutateAsync(toActionCall(action, values, demand)).then(
      () => {
        void message.success(t(`demands.actionDone.${action}`));
        onClose();
      },
      (error: unknown) => {
        onError(error, form);
        // The demand changed under us (someone else acted): the refreshed page shows what is possible now.
        if (error instanceof ApiError && error.status === 409) onClose();
      },
    );

  const submit = (values: ActionValues) => {
    if (!CONFIRMED_ACTIONS.includes(action)) return void send(values);
    modal.confirm({
      title: t(`demands.confirmAction.${action as 'decline' | 'merge' | 'settle'}`),
      content: t('demands.confirmAction.help'),
      okText: t(`demands.actions.${action}`),
      okButtonProps: { danger: action !== 'settle' },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Modal
      open
      title={t(`demands.actionTitles.${action}`, { number: demand.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action === 'edit' ? t('common.save') : t(`demands.actions.${action}`)}
      okButtonProps={{ danger: action === 'decline' }}
      confirmLoading={mutation.isPending}
      width={action === 'settle' || action === 'assign' || action === 'edit' ? 640 : 520}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid={`action-form-${action}`}>
        <ActionFields action={action} demand={demand} />
      </Form>
    </Modal>
  );
}
