import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Input, Select, Space, Table, Tag, Tooltip, type MenuProps, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSession } from '../app/session.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { RoleTags } from './RoleTags.js';
import { UserFormDrawer } from './UserFormDrawer.js';
import { useAllDepartments, useUnlockUser, useUpdateUser, useUsers, type User } from './identity-api.js';

function isLocked(user: User): boolean {
  return Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now());
}

/** Users of the zone: filter, create, edit roles, reset password, unlock, (de)activate. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [searchParams] = useSearchParams();
  const initialRole = searchParams.get('role');
  const [role, setRole] = useState<Role | undefined>((ROLES as readonly string[]).includes(initialRole ?? '') ? (initialRole as Role) : undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [active, setActive] = useState<'true' | 'false' | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<User | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUsers({ q: q || undefined, role, departmentId, active, page, pageSize });
  const departments = useAllDepartments();
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const filtered = <V,>(setter: (v: V) => void) => (v: V) => {
    setter(v);
    setPage(1);
  };

  const openDrawer = (user: User | null) => {
    setEditing(user);
    setDrawerOpen(true);
  };

  const confirmActive = (user: User) => {
    const activate = !user.active;
    modal.confirm({
      title: activate ? t('users.activateConfirm', { name: user.displayName }) : t('users.deactivateConfirm', { name: user.displayName }),
      okButtonProps: { danger: !activate },
      okText: activate ? t('users.activate') : t('users.deactivate'),
      onOk: () =>
        update
          .mutateAsync({ id: user.id, body: { active: activate } })
          .then(() => void message.success(activate ? t('users.activated') : t('users.deactivated')))
          .catch((e: unknown) => onError(e)),
    });
  };

  const confirmUnlock = (user: User) => {
    modal.confirm({
      title: t('users.unlockConfirm', { name: user.displayName }),
      okText: t('users.unlock'),
      onOk: () =>
        unlock
          .mutateAsync(user.id)
          .then(() => void message.success(t('users.unlocked')))
          .catch((e: unknown) => onError(e)),
    });
  };

  const moreMenu = (user: User): MenuProps => ({
    items: [
      { key: 'reset', label: t('users.resetPassword') },
      ...(isLocked(user) ? [{ key: 'unlock', label: t('users.unlock') }] : []),
      { type: 'divider' as const },
      user.active
        ? { key: 'active', label: t('users.deactivate'), danger: true, disabled: user.id === me.id }
        : { key: 'active', label: t('users.activate') },
    ],
    onClick: ({ key }) => {
      if (key === 'reset') setResetting(user);
      if (key === 'unlock') confirmUnlock(user);
      if (key === 'active') confirmActive(user);
    },
  });

  const columns: TableProps<User>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.roles'), dataIndex: 'roles', render: (roles: Role[]) => <RoleTags roles={roles} /> },
    {
      title: `${t('users.department')} / ${t('users.enterprise')}`,
      key: 'org',
      render: (_, u) => u.departmentName ?? u.enterpriseName ?? t('common.none'),
    },
    { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || t('common.none') },
    {
      title: t('users.active'),
      key: 'status',
      width: 130,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          {isLocked(u) && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
              <Tag color="error">{t('users.locked')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v) : <span className="yq-muted">{t('users.neverLoggedIn')}</span>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, u) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => openDrawer(u)}>
            {t('common.edit')}
          </Button>
          <Dropdown menu={moreMenu(u)} trigger={['click']}>
            <Button type="link" size="small">
              {t('users.more')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <div className="yq-toolbar">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(value) => filtered(setQ)(value.trim())}
          />
          <Select
            allowClear
            placeholder={t('users.roleFilter')}
            style={{ width: 200 }}
            value={role}
            onChange={filtered(setRole)}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('users.departmentFilter')}
            style={{ width: 200 }}
            value={departmentId}
            onChange={filtered(setDepartmentId)}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select
            allowClear
            placeholder={t('users.statusFilter')}
            style={{ width: 120 }}
            value={active}
            onChange={filtered(setActive)}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
        </div>
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      <UserFormDrawer open={drawerOpen} user={editing} onClose={() => setDrawerOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
