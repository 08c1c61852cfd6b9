import './demands.css';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../app/format.js';
import type { Notification } from './demand-types.js';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './notification-api.js';

/** The header bell: unread count (polled every minute), the latest notifications, click to read and open. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const openItem = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    setOpen(false);
    if (n.entity === 'demand' && n.entityId) void navigate(`/demands/${n.entityId}`);
    if (n.entity === 'visit' && n.entityId) void navigate(`/visits/${n.entityId}`);
    if (n.entity === 'bulletin' && n.entityId) void navigate(`/bulletins/${n.entityId}`);
  };

  const panel = (
    <div className="yq-bell-panel" data-testid="notification-panel">
      <div className="yq-bell-head">
        <Typography.Text strong>{t('demands.notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('demands.notifications.readAll')}
        </Button>
      </div>
      {notifications.isPending ? (
        <div className="yq-bell-empty">
          <Spin size="small" />
        </div>
      ) : notifications.error ? (
        <div className="yq-bell-empty">
          <Typography.Text type="secondary">{t('demands.notifications.unavailable')}</Typography.Text>
        </div>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demands.notifications.empty')} className="yq-bell-empty" />
      ) : (
        <ul className="yq-bell-list">
          {items.map((n) => (
            <li key={n.id}>
              <button type="button" className={n.read ? 'yq-bell-item' : 'yq-bell-item yq-bell-unread'} onClick={() => openItem(n)} data-testid="notification-item">
                <span className="yq-bell-title">
                  {!n.read && <Badge status="processing" />}
                  {n.title}
                </span>
                {n.body && <span className="yq-bell-body">{n.body}</span>}
                <span className="yq-bell-time">{formatDateTime(n.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {(notifications.data?.total ?? 0) > items.length && (
        <div className="yq-bell-foot">{t('demands.notifications.more', { n: (notifications.data?.total ?? 0) - items.length })}</div>
      )}
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Tooltip title={open ? undefined : t('demands.notifications.title')}>
        <Button type="text" aria-label={t('demands.notifications.title')} data-testid="notification-bell">
          <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
            <BellOutlined className="yq-bell-icon" />
          </Badge>
        </Button>
      </Tooltip>
    </Dropdown>
  );
}
