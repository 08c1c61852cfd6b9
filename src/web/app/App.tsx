import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { ErrorBoundary } from './ErrorBoundary.js';
import { useLanguage } from './language.js';
import { createQueryClient } from './query-client.js';
import { createRouter } from './router.js';

const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fc4',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
};

export function App() {
  const [lang] = useLanguage();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t, lang]);
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={appTheme}>
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
