import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ChangePasswordModal } from '../identity/ChangePasswordModal.js';
import { useZone } from '../zone/zone-api.js';
import { setZoneTimeZone } from './format.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';
import { NotificationBell } from '../demands/NotificationBell.js';
import { buildMenu, openKeyOf, selectedKey } from './navigation.js';
import { useSession } from './session.js';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in page: side menu by role, header with zone and user. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const zone = useZone();
  useEffect(() => {
    if (zone.data?.timeZone) setZoneTimeZone(zone.data.timeZone);
  }, [zone.data?.timeZone]);
  const selected = selectedKey(location.pathname, me);
  const openKeys = openKeyOf(selected);

  return (
    <Layout className="yq-shell">
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={216} className="yq-sider">
        <div className="yq-brand">
          <span className="yq-brand-mark">益</span>
          {!collapsed && <span className="yq-brand-text">{t('app.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={openKeys}
          items={buildMenu(me, t)}
        />
      </Sider>
      <Layout>
        <Header className="yq-header">
          <div className="yq-header-zone">
            <Typography.Text strong>{me.zoneName}</Typography.Text>
            <Typography.Text type="secondary" className="yq-header-subtitle">
              {t('app.subtitle')}
            </Typography.Text>
          </div>
          <div className="yq-header-actions">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Header>
        <Content className="yq-content">
          <Suspense
            fallback={
              <div className="yq-page-spin">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
        <Layout.Footer className="yq-footer">
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
      {me.mustChangePassword && <ChangePasswordModal open forced onClose={() => undefined} />}
    </Layout>
  );
}
