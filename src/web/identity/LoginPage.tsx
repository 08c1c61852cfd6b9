import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { errorText } from '../app/errors.js';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { FullPageSpin, useMeQuery } from '../app/session.js';
import { useLogin } from './auth-api.js';

type Values = { username: string; password: string };

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMeQuery();
  const login = useLogin();
  const [form] = Form.useForm<Values>();

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={next} replace />;

  const submit = (values: Values) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: () => form.setFieldValue('password', ''),
      },
    );
  };

  const error = login.error;
  const code = error instanceof ApiError ? error.code : null;

  return (
    <div className="yq-login">
      <div className="yq-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="yq-login-card" variant="borderless">
        <div className="yq-login-head">
          <span className="yq-brand-mark yq-brand-mark-lg">益</span>
          <Typography.Title level={3} className="yq-login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {error && (
          <Alert
            type="error"
            showIcon
            className="yq-login-error"
            data-testid="login-error"
            title={errorText(error)}
            description={code === 'ACCOUNT_LOCKED' ? t('login.lockedHint') : undefined}
          />
        )}
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="yq-login-help">
          {t('login.help')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
