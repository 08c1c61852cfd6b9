import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { formatDateTime } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSaveWechatAccount, useTestWechatAccount, useWechatAccount, type WechatAccount, type WechatTestReply } from './wechat-api.js';

type Values = { appId: string; appSecret?: string; enabled: boolean };

const APP_ID = /^\s*wx[0-9a-fA-F]{16}\s*$/;

/** 公众号设置: AppID, write-only AppSecret, publishing switch, the callback URL and Token, 测试连接 (coordinator, admin). */
export function WechatAccountPage() {
  const { t } = useTranslation();
  const account = useWechatAccount();

  if (account.error) return <QueryError error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return <Skeleton active />;
  const current = account.data;

  return (
    <>
      <PageHeader
        title={t('wechat.title')}
        subTitle={t('wechat.subtitle')}
        tags={current.configured
          ? <Tag color={current.enabled ? 'green' : 'default'}>{current.enabled ? t('common.active') : t('common.inactive')}</Tag>
          : <Tag>{t('wechat.account.notConfigured')}</Tag>}
      />
      <Space orientation="vertical" size="middle" style={{ display: 'flex', maxWidth: 820 }}>
        <CredentialsCard current={current} />
        <CallbackCard current={current} />
        <HelpCard />
      </Space>
    </>
  );
}

function CredentialsCard({ current }: { current: WechatAccount }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveWechatAccount();
  const test = useTestWechatAccount();
  const [result, setResult] = useState<WechatTestReply | null>(null);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue({ appId: current.appId ?? '', appSecret: '', enabled: current.enabled });
  }, [current.appId, current.enabled, form]);

  const submit = (values: Values) => {
    const appSecret = values.appSecret?.trim();
    save.mutate(
      { appId: values.appId.trim(), enabled: values.enabled, ...(appSecret ? { appSecret } : {}) },
      {
        onSuccess: () => {
          form.setFieldValue('appSecret', '');
          setResult(null);
          void message.success(t('common.saved'));
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  const runTest = () => {
    setResult(null);
    test.mutate(undefined, { onSuccess: setResult, onError: (e) => onError(e) });
  };

  return (
    <Card title={t('wechat.account.card')}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ appId: '', appSecret: '', enabled: false }}>
        <Form.Item
          name="appId"
          label={t('wechat.account.appId')}
          extra={t('wechat.account.appIdHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: 'AppID' }) },
            { pattern: APP_ID, message: t('wechat.account.appIdFormat') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" spellCheck={false} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item
          name="appSecret"
          label={t('wechat.account.appSecret')}
          extra={t('wechat.account.appSecretHelp')}
          rules={current.secretSet ? [] : [{ required: true, whitespace: true, message: t('common.required', { field: 'AppSecret' }) }]}
        >
          <Input.Password
            maxLength={64}
            autoComplete="new-password"
            placeholder={current.secretSet ? t('wechat.account.appSecretSet') : t('wechat.account.appSecretUnset')}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('wechat.account.enabled')} extra={t('wechat.account.enabledHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={runTest} loading={test.isPending} disabled={!current.configured} title={current.configured ? undefined : t('wechat.test.saveFirst')}>
            {t('wechat.test.button')}
          </Button>
          {current.updatedAt && <Typography.Text type="secondary">{t('wechat.account.updatedAt', { at: formatDateTime(current.updatedAt) })}</Typography.Text>}
        </Space>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={result.ok ? t('wechat.test.ok') : t('wechat.test.failed')}
          description={
            <>
              <div>{result.message}</div>
              {!result.ok && result.errcode !== null && (
                <Typography.Text
                  type="secondary"
                  copyable={{ text: `errcode ${result.errcode} ${result.errmsg ?? ''}`.trim(), tooltips: [t('wechat.test.copyDetails'), t('wechat.callback.copied')] }}
                >
                  {t('wechat.test.details', { errcode: result.errcode, errmsg: result.errmsg ?? '' })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
    </Card>
  );
}

function CallbackCard({ current }: { current: WechatAccount }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveWechatAccount();
  const url = `${window.location.origin}${current.callbackPath}`;
  const copy = { tooltips: [t('wechat.callback.copy'), t('wechat.callback.copied')] as [string, string] };

  const regenerate = () => {
    if (!current.appId) return;
    save.mutate(
      { appId: current.appId, enabled: current.enabled, regenerateCallbackToken: true },
      { onSuccess: () => void message.success(t('wechat.callback.regenerated')), onError: (e) => onError(e) },
    );
  };

  return (
    <Card title={t('wechat.callback.card')}>
      <Typography.Paragraph type="secondary">{t('wechat.callback.intro')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('wechat.callback.url')}>
          <Typography.Text copyable={{ ...copy, text: url }} className="yq-num" style={{ wordBreak: 'break-all' }}>
            {url}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('wechat.callback.token')}>
          {current.callbackToken ? (
            <Space wrap>
              <Typography.Text copyable={{ ...copy, text: current.callbackToken }} className="yq-num">
                {current.callbackToken}
              </Typography.Text>
              <Popconfirm title={t('wechat.callback.regenerateConfirm')} onConfirm={regenerate} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button size="small" loading={save.isPending}>
                  {t('wechat.callback.regenerate')}
                </Button>
              </Popconfirm>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('wechat.callback.tokenPending')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('wechat.callback.encoding')}>{t('wechat.callback.plainMode')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function HelpCard() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      title={t('wechat.help.title')}
      description={
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          <li>{t('wechat.help.verified')}</li>
          <li>{t('wechat.help.whitelist')}</li>
          <li>{t('wechat.help.callback')}</li>
          <li>{t('wechat.help.publicUrl')}</li>
        </ol>
      }
    />
  );
}
