import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordModal } from '../identity/ChangePasswordModal.js';
import { useLogout } from '../identity/auth-api.js';
import { useSession } from './session.js';

/** Header menu: who is signed in, with which roles; change password; log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="yq-user-card">
          <div className="yq-user-card-name">
            {me.displayName} <span className="yq-user-card-username">（{me.username}）</span>
          </div>
          <div className="yq-user-card-roles">{me.roles.map((r) => t(`roles.${r}`)).join('、')}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('app.changePassword')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('app.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.success(t('app.loggedOut'));
          void navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" className="yq-user-trigger">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span>{me.displayName}</span>
            <span className="yq-user-roles">{me.roles.map((r) => t(`roles.${r}`)).join(' / ')}</span>
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
