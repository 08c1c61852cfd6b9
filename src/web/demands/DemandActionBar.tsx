import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { BUTTON_ACTIONS, NO_FORM_ACTIONS, PRIMARY_ACTIONS } from './demand-actions.js';
import { useDemandAction } from './demand-api.js';
import { DemandActionModal } from './DemandActionModal.js';
import type { DemandDetail, FormAction } from './demand-types.js';

/** Exactly the actions the server says the user may take now, each opening its form. */
export function DemandActionBar({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const mutation = useDemandAction(demand.id);
  const [open, setOpen] = useState<FormAction | null>(null);
  const available = BUTTON_ACTIONS.filter((a) => (demand.actions as readonly string[]).includes(a));
  if (available.length === 0) return null;

  const label = (a: FormAction) => (a === 'assign' && demand.status === 'assigned' ? t('demands.actions.reassign') : t(`demands.actions.${a}`));

  const start = (a: FormAction) => {
    if (!NO_FORM_ACTIONS.includes(a)) return setOpen(a);
    modal.confirm({
      title: t(`demands.confirmAction.${a as 'accept' | 'acknowledge'}`, { number: demand.number }),
      okText: label(a),
      cancelText: t('common.cancel'),
      onOk: () =>
        mutation.mutateAsync({ action: a as 'accept' | 'acknowledge', body: {} }).then(
          () => void message.success(t(`demands.actionDone.${a}`)),
          (error: unknown) => onError(error),
        ),
    });
  };

  const primary = available.filter((a) => PRIMARY_ACTIONS.includes(a));
  const secondary = available.filter((a) => !PRIMARY_ACTIONS.includes(a));
  // Many buttons (the coordinator's) fold the less frequent ones into "更多".
  const inline = secondary.length > 4 ? secondary.slice(0, 3) : secondary;
  const more = secondary.length > 4 ? secondary.slice(3) : [];
  const menu: MenuProps = {
    items: more.map((a) => ({ key: a, label: <span data-testid={`action-${a}`}>{label(a)}</span>, danger: a === 'decline' })),
    onClick: ({ key }) => start(key as FormAction),
  };

  return (
    <>
      <Space wrap size={8} data-testid="demand-actions">
        {primary.map((a) => (
          <Button key={a} type="primary" onClick={() => start(a)} data-testid={`action-${a}`} loading={mutation.isPending && NO_FORM_ACTIONS.includes(a)}>
            {label(a)}
          </Button>
        ))}
        {inline.map((a) => (
          <Button key={a} danger={a === 'decline'} onClick={() => start(a)} data-testid={`action-${a}`}>
            {label(a)}
          </Button>
        ))}
        {more.length > 0 && (
          <Dropdown menu={menu} trigger={['click']}>
            <Button data-testid="action-more">{t('demands.actions.more')}</Button>
          </Dropdown>
        )}
      </Space>
      <DemandActionModal demand={demand} action={open} onClose={() => setOpen(null)} />
    </>
  );
}
