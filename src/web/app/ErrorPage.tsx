import { Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';
import { errorText } from './errors.js';

/** The friendly error page; shows the API error's message when there is one. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? errorText(error) : null;
  return (
    <div className="yq-full-center">
      <Result
        status="error"
        title={t('pages.errorTitle')}
        subTitle={
          <Space orientation="vertical" size={4}>
            <span>{t('pages.errorText')}</span>
            {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('pages.reload')}
            </Button>
            <Button href="/">{t('pages.backHome')}</Button>
          </Space>
        }
      />
    </div>
  );
}
