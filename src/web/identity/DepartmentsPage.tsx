import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../../domain/identity/roles.js';
import { useApiErrorHandler } from '../app/errors.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { DepartmentFormModal } from './DepartmentFormModal.js';
import { useDeleteDepartment, useDepartments, useSaveDepartment, type Department } from './identity-api.js';

const KIND_COLORS: Record<DepartmentKind, string> = { coordinating: 'geekblue', responsible: 'blue', approval: 'purple', industry: 'cyan' };

/** Departments of the zone: list by kind, create, edit, (de)activate, delete when unused. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<DepartmentKind | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Department | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const list = useDepartments({ q: q || undefined, kind, page, pageSize });
  const save = useSaveDepartment();
  const remove = useDeleteDepartment();

  const openForm = (department: Department | null) => {
    setEditing(department);
    setFormOpen(true);
  };

  const setActive = (d: Department, active: boolean) =>
    save.mutate({ id: d.id, body: { active } }, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => onError(e) });

  const columns: TableProps<Department>['columns'] = [
    { title: t('departments.name'), dataIndex: 'name' },
    {
      title: t('departments.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: DepartmentKind) => <Tag color={KIND_COLORS[k]}>{t(`departmentKinds.${k}`)}</Tag>,
    },
    { title: t('departments.phone'), dataIndex: 'phone', width: 160, render: (v: string | null) => v || t('common.none') },
    { title: t('departments.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
    {
      title: t('departments.active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, d) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => openForm(d)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={d.active ? t('departments.disableConfirm', { name: d.name }) : t('departments.enableConfirm', { name: d.name })}
            onConfirm={() => setActive(d, !d.active)}
          >
            <Button type="link" size="small">
              {d.active ? t('common.disable') : t('common.enable')}
            </Button>
          </Popconfirm>
          <Tooltip title={d.userCount > 0 ? t('departments.deleteInUse', { count: d.userCount }) : undefined}>
            <Popconfirm
              title={t('departments.deleteConfirm', { name: d.name })}
              okButtonProps={{ danger: true }}
              okText={t('common.delete')}
              disabled={d.userCount > 0}
              onConfirm={() =>
                remove.mutate(d.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (e) => onError(e) })
              }
            >
              <Button type="link" size="small" danger disabled={d.userCount > 0}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('departments.create')}
          </Button>
        }
      />
      <Card>
        <div className="yq-toolbar">
          <Input.Search
            allowClear
            placeholder={t('departments.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t('departments.kind')}
            style={{ width: 160 }}
            value={kind}
            onChange={(value?: DepartmentKind) => {
              setKind(value);
              setPage(1);
            }}
            options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKinds.${k}`) }))}
          />
        </div>
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
        <Table<Department>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
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
      <DepartmentFormModal open={formOpen} department={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}
