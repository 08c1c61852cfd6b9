import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Switch, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { treeOrder } from './category-options.js';
import { CategoryFormModal } from './CategoryFormModal.js';
import { useDemandCategories, useSaveCategory } from './demand-api.js';
import type { DemandCategory } from './demand-types.js';

/** 诉求分类: the zone's category tree, each with a default lead department and its own deadline. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const categories = useDemandCategories();
  const save = useSaveCategory();
  const [editing, setEditing] = useState<DemandCategory | null>(null);
  const [open, setOpen] = useState(false);
  const all = categories.data?.items ?? [];
  const rows = treeOrder(all);
  const nameOf = (code: string | null) => (code ? (all.find((c) => c.code === code)?.name ?? code) : null);

  const openForm = (c: DemandCategory | null) => {
    setEditing(c);
    setOpen(true);
  };

  const columns: TableProps<DemandCategory>['columns'] = [
    {
      title: t('demands.categories.name'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, c) => <span className={c.parentCode ? 'yq-tree-child' : 'yq-tree-root'}>{v}</span>,
    },
    { title: t('demands.categories.code'), dataIndex: 'code', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('demands.categories.parent'), dataIndex: 'parentCode', width: 130, render: (v: string | null) => nameOf(v) ?? t('common.none') },
    {
      title: t('demands.categories.defaultDepartment'),
      dataIndex: 'defaultDepartmentName',
      width: 180,
      render: (v: string | null) => v ?? <span className="yq-muted">{t('demands.categories.noDefaultDepartment')}</span>,
    },
    {
      title: t('demands.categories.deadline'),
      dataIndex: 'deadlineWorkingDays',
      width: 160,
      render: (v: number | null, c) =>
        v === null ? (
          <span className="yq-muted">{t('demands.categories.zoneDefault', { n: c.effectiveDeadlineDays })}</span>
        ) : (
          t('demands.categories.days', { n: v })
        ),
    },
    { title: t('demands.categories.position'), dataIndex: 'position', width: 80, align: 'right' },
    {
      title: t('demands.categories.active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean, c) => (
        <Switch
          size="small"
          checked={v}
          loading={save.isPending && save.variables && 'code' in save.variables && save.variables.code === c.code}
          onChange={(active) =>
            save.mutate(
              { code: c.code, patch: { active } },
              { onSuccess: () => void message.success(active ? t('demands.categories.enabled') : t('demands.categories.disabled')), onError: (e) => onError(e) },
            )
          }
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => openForm(c)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('demands.categories.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('demands.categories.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('demands.categories.hint')}</Typography.Paragraph>
        <QueryError error={categories.error} onRetry={() => void categories.refetch()} />
        <Table<DemandCategory>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={categories.isFetching}
          pagination={false}
          scroll={{ x: 1140 }}
          data-testid="category-table"
        />
      </Card>
      <CategoryFormModal open={open} category={editing} onClose={() => setOpen(false)} />
    </>
  );
}
