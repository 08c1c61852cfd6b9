import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { ThemeFormModal } from './ThemeFormModal.js';
import { useSaveTheme, useThemes, type Theme } from './enterprise-api.js';

/** Visit themes (走访主题): create, rename, describe, set the guiding questions of the visit record, (de)activate. */
export function ThemesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const themes = useThemes();
  const save = useSaveTheme();
  const [editing, setEditing] = useState<Theme | null>(null);
  const [open, setOpen] = useState(false);

  const openForm = (theme: Theme | null) => {
    setEditing(theme);
    setOpen(true);
  };

  const columns: TableProps<Theme>['columns'] = [
    { title: t('themes.name'), dataIndex: 'name', width: 220 },
    { title: t('themes.description'), dataIndex: 'description', render: (v: string | null) => v || t('common.none') },
    {
      title: t('visits.themeQuestions.label'),
      dataIndex: 'guidingQuestions',
      width: 320,
      render: (qs: string[] | undefined) =>
        qs && qs.length > 0 ? (
          <Tooltip title={<ol style={{ margin: 0, paddingInlineStart: 18 }}>{qs.map((q, i) => <li key={i}>{q}</li>)}</ol>}>
            <span>
              {t('visits.themeQuestions.count', { n: qs.length })}
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220, marginInlineStart: 8, verticalAlign: 'bottom' }}>
                {qs[0]}
              </Typography.Text>
            </span>
          </Tooltip>
        ) : (
          <span className="yq-muted">{t('common.none')}</span>
        ),
    },
    {
      title: t('themes.active'),
      dataIndex: 'active',
      width: 100,
      render: (v: boolean) => (v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, th) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => openForm(th)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={th.active ? t('themes.disableConfirm', { name: th.name }) : t('themes.enableConfirm', { name: th.name })}
            onConfirm={() =>
              save.mutate(
                { id: th.id, body: { active: !th.active } },
                { onSuccess: () => void message.success(t('common.saved')), onError: (e) => onError(e) },
              )
            }
          >
            <Button type="link" size="small" danger={th.active}>
              {th.active ? t('common.disable') : t('common.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('themes.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('themes.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('themes.hint')}</Typography.Paragraph>
        <QueryError error={themes.error} onRetry={() => void themes.refetch()} />
        <Table<Theme> rowKey="id" columns={columns} dataSource={themes.data?.items} loading={themes.isFetching} pagination={false} />
      </Card>
      <ThemeFormModal open={open} theme={editing} onClose={() => setOpen(false)} />
    </>
  );
}
