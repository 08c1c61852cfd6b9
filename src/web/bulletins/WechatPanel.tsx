import { LinkOutlined, ReloadOutlined, SearchOutlined, SendOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Skeleton, Space, Steps, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { usePublishToWechat, useWechatState, type BulletinDetail, type WechatPublication } from './bulletin-api.js';

const STEPS = ['drafted', 'submitted', 'publishing', 'published'] as const;

/**
 * 微信公众号: pushes the published bulletin to the zone's official account and follows the job
 * (drafted → submitted → publishing → published, or failed with the platform's reason in plain
 * words and a retry). While the account works on it the status is polled every 30 s.
 */
export function WechatPanel({ bulletin }: { bulletin: BulletinDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const published = bulletin.status === 'published';
  const state = useWechatState(bulletin.id, published || bulletin.status === 'superseded');
  const publish = usePublishToWechat(bulletin.id);
  const mayPublish = hasAnyRole(me, 'coordinator');
  const mayConfigure = hasAnyRole(me, 'coordinator', 'admin');

  const run = () =>
    publish.mutate(undefined, {
      onSuccess: () => void message.success(t('bulletins.wechat.started')),
      onError: (e) => onError(e),
    });
  /** For a publication under way the same POST polls the platform once and answers with the state. */
  const check = () =>
    publish.mutate(undefined, {
      onSuccess: (s) =>
        void message.info(
          t('bulletins.wechat.checked', {
            status: s.publication ? t(`bulletins.wechat.statuses.${s.publication.status}`) : '',
          }),
        ),
      onError: (e) => onError(e),
    });
  const start = () =>
    modal.confirm({
      title: t('bulletins.wechat.publish'),
      content: t('bulletins.wechat.publishConfirm'),
      okText: t('bulletins.wechat.publish'),
      okButtonProps: { 'data-testid': 'wechat-publish-ok' } as ButtonProps,
      onOk: run,
    });

  const body = () => {
    if (!published && bulletin.status !== 'superseded') return <Typography.Text type="secondary">{t('bulletins.wechat.notPublished')}</Typography.Text>;
    if (state.error && !state.data) return <QueryError error={state.error} onRetry={() => void state.refetch()} />;
    if (!state.data) return <Skeleton active paragraph={{ rows: 2 }} />;
    const { publication, enabled, next } = state.data;
    return (
      <Space orientation="vertical" size={12} className="yq-block">
        {!enabled && (
          <Alert
            type="info"
            showIcon
            data-testid="wechat-disabled"
            title={t('bulletins.wechat.notEnabled')}
            description={
              <>
                {t('bulletins.wechat.notEnabledText')}
                {mayConfigure && (
                  <>
                    {' '}
                    <Link to="/admin/wechat">{t('bulletins.wechat.settings')}</Link>
                  </>
                )}
              </>
            }
          />
        )}
        {publication ? <PublicationView publication={publication} /> : <Typography.Text type="secondary">{t('bulletins.wechat.none')}</Typography.Text>}
        {next === 'publish' && (
          <Button type="primary" icon={<SendOutlined />} disabled={!enabled} loading={publish.isPending} onClick={start} data-testid="wechat-publish">
            {t('bulletins.wechat.publish')}
          </Button>
        )}
        {next === 'retry' && (
          <Space orientation="vertical" size={4}>
            {publication?.status === 'drafted' && (
              <Typography.Text type="warning" data-testid="wechat-stuck">
                {t('bulletins.wechat.stuck')}
              </Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} disabled={!enabled} loading={publish.isPending} onClick={run} data-testid="wechat-retry">
              {t('bulletins.wechat.retry')}
            </Button>
            <Typography.Text type="secondary" className="yq-bulletin-note">
              {t('bulletins.wechat.retryHint')}
            </Typography.Text>
          </Space>
        )}
        {next === 'check' && (
          <Button icon={<SearchOutlined />} disabled={!enabled} loading={publish.isPending} onClick={check} data-testid="wechat-check">
            {t('bulletins.wechat.check')}
          </Button>
        )}
        {!mayPublish && published && !publication && (
          <Typography.Text type="secondary">{t('bulletins.wechat.coordinatorOnly')}</Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <Card
      title={
        <Space size={6}>
          <WechatOutlined style={{ color: '#07c160' }} />
          {t('bulletins.wechat.title')}
        </Space>
      }
      data-testid="wechat-panel"
    >
      {body()}
    </Card>
  );
}

function PublicationView({ publication: p }: { publication: WechatPublication }) {
  const { t } = useTranslation();
  const failed = p.status === 'failed';
  const current = failed ? STEPS.length - 1 : Math.max(0, STEPS.indexOf(p.status as (typeof STEPS)[number]));
  const waiting = p.status === 'submitted' || p.status === 'publishing';
  return (
    <Space orientation="vertical" size={8} className="yq-block" data-testid="wechat-publication" data-status={p.status}>
      {p.status !== 'revoked' && (
        <Steps
          size="small"
          titlePlacement="vertical"
          className="yq-bulletin-steps"
          current={current}
          status={failed ? 'error' : p.status === 'published' ? 'finish' : 'process'}
          items={STEPS.map((s, i) => ({
            title: failed && i === STEPS.length - 1 ? t('bulletins.wechat.failedStep') : t(`bulletins.wechat.steps.${s}`),
          }))}
        />
      )}
      {p.status === 'published' && p.articleUrl && (
        <a href={p.articleUrl} target="_blank" rel="noreferrer" data-testid="wechat-article">
          <LinkOutlined /> {t('bulletins.wechat.article')}
        </a>
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          data-testid="wechat-failed"
          title={t('bulletins.wechat.failed')}
          description={
            <>
              {p.failReason && <div>{p.failReason}</div>}
              {(p.lastErrcode !== null || p.lastErrmsg) && (
                <Typography.Text type="secondary" className="yq-bulletin-note">
                  {t('bulletins.wechat.errcode', { code: p.lastErrcode ?? '', msg: p.lastErrmsg ?? '' })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {p.status === 'revoked' && <Alert type="warning" showIcon title={t('bulletins.wechat.revoked')} />}
      {waiting && <Typography.Text type="secondary">{t('bulletins.wechat.waiting')}</Typography.Text>}
      <Typography.Text type="secondary" className="yq-bulletin-note">
        {t('bulletins.wechat.lastUpdate', { time: formatDateTime(p.updatedAt), polls: p.polls })}
      </Typography.Text>
    </Space>
  );
}
