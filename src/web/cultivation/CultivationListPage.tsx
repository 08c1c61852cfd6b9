import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Card, Descriptions, Input, Modal, Result, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { formatDate, formatDateTime, todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { CultivationListEnterpriseSelect } from './CultivationListEnterpriseSelect.js';
import { CultivationListFormModal } from './CultivationListFormModal.js';
import { validityState } from './cultivation-pipeline-format.js';
import { CultivationSchemeTag } from './cultivation-pipeline-tags.js';
import {
  useAddListEntries, useCultivationList, useDeleteCultivationList, useRemoveListEntry, type ListDetail, type ListEntry,
} from './cultivation-lists-api.js';

const STATE_COLORS = { valid: 'success', expiring: 'warning', expired: 'default' } as const;

/** 添加企业: pick more enterprises for the list; each gets the title from the list's date. */
function AddEntriesModal({ list, open, onClose }: { list: ListDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const add = useAddListEntries(list.id);
  const [picked, setPicked] = useState<string[]>([]);
  const already = useMemo(() => list.entries.map((e) => e.enterpriseId), [list.entries]);

  return (
    <Modal
      open={open}
      title={t('cultivationPipeline.list.addTitle')}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && setPicked([])}
      okText={t('cultivationPipeline.list.addOk')}
      okButtonProps={{ disabled: picked.length === 0, loading: add.isPending }}
      onOk={() =>
        add.mutate(picked, {
          onSuccess: () => {
            void message.success(t('cultivationPipeline.list.added', { count: picked.length }));
            onClose();
          },
          onError: (error) => onError(error),
        })
      }
      width={600}
    >
      <Space orientation="vertical" size={8} className="yq-block">
        <CultivationListEnterpriseSelect value={picked} onChange={setPicked} already={already} />
        <Typography.Text type="secondary">{t('cultivationPipeline.listForm.validityHelp')}</Typography.Text>
      </Space>
    </Modal>
  );
}

/** 名单详情: the list's particulars and its enterprises with their validity; adding, removing, editing and deleting. */
export function CultivationListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const me = useSession();
  const canEdit = hasAnyRole(me, 'industry', 'admin');
  const onError = useApiErrorHandler();
  const list = useCultivationList(id);
  const remove = useRemoveListEntry(id);
  const del = useDeleteCultivationList(id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const today = todayInZone();

  const entries = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = list.data?.entries ?? [];
    return q ? all.filter((e) => e.enterpriseName.toLowerCase().includes(q) || e.uscc.toLowerCase().includes(q)) : all;
  }, [list.data, search]);

  if (list.isPending) return <Skeleton active />;
  if (list.error || !list.data) {
    if (list.error instanceof ApiError && list.error.status === 404) {
      return <Result status="404" title={errorText(list.error)} extra={<Link to="/cultivation/lists">{t('cultivationPipeline.list.back')}</Link>} />;
    }
    return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const l = list.data;
  const schemeWord = t(`cultivationPipeline.schemes.${l.scheme}`);

  const confirmRemove = (entry: ListEntry) =>
    modal.confirm({
      title: t('cultivationPipeline.list.removeTitle', { name: entry.enterpriseName }),
      content: t('cultivationPipeline.list.removeText', { scheme: schemeWord, until: entry.validUntil }),
      okText: t('cultivationPipeline.list.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(entry.enterpriseId).then(
          () => void message.success(t('cultivationPipeline.list.removed')),
          (error: unknown) => onError(error),
        ),
    });

  const confirmDelete = () =>
    modal.confirm({
      title: t('cultivationPipeline.list.deleteTitle', { name: l.name }),
      content: (
        <span data-testid="list-delete-text">
          {l.entries.length > 0 ? t('cultivationPipeline.list.deleteText', { count: l.entries.length, scheme: schemeWord }) : t('cultivationPipeline.list.deleteTextEmpty')}
        </span>
      ),
      okText: t('cultivationPipeline.list.delete'),
      okButtonProps: { danger: true, 'data-testid': 'list-delete-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        del.mutateAsync(undefined).then(
          () => {
            void message.success(t('cultivationPipeline.list.deleted'));
            void navigate('/cultivation/lists');
          },
          (error: unknown) => onError(error),
        ),
    });

  const columns: ColumnsType<ListEntry> = [
    {
      title: t('cultivationPipeline.list.columns.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, e) => <Link to={`/enterprises/${e.enterpriseId}`}>{name}</Link>,
      sorter: (a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
    },
    { title: t('cultivationPipeline.list.columns.uscc'), dataIndex: 'uscc', width: 200, render: (v: string) => <span className="yq-num">{v}</span> },
    { title: t('cultivationPipeline.list.columns.validFrom'), dataIndex: 'validFrom', width: 110, render: (v: string) => <span className="yq-num">{formatDate(v)}</span> },
    { title: t('cultivationPipeline.list.columns.validUntil'), dataIndex: 'validUntil', width: 110, render: (v: string) => <span className="yq-num">{formatDate(v)}</span> },
    {
      title: t('cultivationPipeline.list.columns.state'),
      key: 'state',
      width: 100,
      render: (_, e) => {
        const state = validityState(e.validUntil, today);
        const tag = <Tag color={STATE_COLORS[state]}>{t(`cultivationPipeline.list.states.${state}`)}</Tag>;
        return state === 'expiring' ? <Tooltip title={t('cultivationPipeline.list.expiringHelp')}>{tag}</Tooltip> : tag;
      },
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, e: ListEntry) => (
              <Typography.Link type="danger" onClick={() => confirmRemove(e)} data-testid="list-entry-remove">
                {t('cultivationPipeline.list.remove')}
              </Typography.Link>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="cultivation-list">
      <Link to="/cultivation/lists" className="yq-muted">
        <ArrowLeftOutlined /> {t('cultivationPipeline.list.back')}
      </Link>
      <PageHeader
        title={l.name}
        tags={<CultivationSchemeTag scheme={l.scheme} />}
        extra={
          canEdit && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="list-edit">
                {t('cultivationPipeline.list.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} loading={del.isPending} data-testid="list-delete">
                {t('cultivationPipeline.list.delete')}
              </Button>
            </>
          )
        }
      />
      <Card size="small" title={t('cultivationPipeline.list.details')}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.scheme')}>{schemeWord}</Descriptions.Item>
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.issuer')}>{l.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.documentNo')}>{l.documentNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.publishedOn')}>
            <span className="yq-num">{formatDate(l.publishedOn)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.validUntil')}>
            <span className="yq-num">{formatDate(l.validUntil)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cultivationPipeline.lists.columns.entries')}>
            <span className="yq-num">{l.entries.length}</span>
          </Descriptions.Item>
          {l.note && (
            <Descriptions.Item label={t('cultivationPipeline.listForm.note')} span={3}>
              <span className="yq-pre-line">{l.note}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('cultivationPipeline.list.createdAt')}>
            <span className="yq-num">{formatDateTime(l.createdAt)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('cultivationPipeline.list.entries', { count: l.entries.length })}
        extra={
          <Space>
            <Input.Search
              allowClear
              size="small"
              style={{ width: 220 }}
              placeholder={t('cultivationPipeline.list.searchEntries')}
              aria-label={t('cultivationPipeline.list.searchEntries')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {canEdit && (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="list-add-entries">
                {t('cultivationPipeline.list.addEntries')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<ListEntry>
          rowKey="enterpriseId"
          size="middle"
          columns={columns}
          dataSource={entries}
          loading={list.isFetching}
          locale={{ emptyText: t('cultivationPipeline.list.emptyEntries') }}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: false, showTotal: (total) => t('common.total', { total }) }}
          data-testid="list-entries"
        />
      </Card>
      <CultivationListFormModal open={editing} onClose={() => setEditing(false)} list={l} />
      <AddEntriesModal list={l} open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}
