import { Card, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoleSummary } from '../../contracts/identity.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useRoles } from './identity-api.js';

/** The roles of the platform, what each may do, and how many active accounts hold it. */
export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const columns: TableProps<RoleSummary>['columns'] = [
    { title: t('rolesPage.role'), dataIndex: 'role', width: 220, render: (r: RoleSummary['role']) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
    { title: t('rolesPage.description'), dataIndex: 'role', key: 'description', render: (r: RoleSummary['role']) => t(`roleDescriptions.${r}`) },
    { title: t('rolesPage.userCount'), dataIndex: 'userCount', width: 120, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) => <Link to={`/admin/users?role=${r.role}`}>{t('rolesPage.showUsers')}</Link>,
    },
  ];
  return (
    <>
      <PageHeader title={t('rolesPage.title')} />
      <Card>
        {roles.error ? <QueryError error={roles.error} onRetry={() => void roles.refetch()} /> : null}
        <Table<RoleSummary> rowKey="role" columns={columns} dataSource={roles.data ?? []} loading={roles.isLoading} pagination={false} data-testid="roles-table" />
      </Card>
    </>
  );
}
