import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemandHomeCard } from '../demands/DemandHomeCard.js';
import { LeaderVisitBoardCard } from '../visits/LeaderVisitBoardCard.js';
import { useEnterprise, useEnterpriseCount } from '../enterprises/enterprise-api.js';
import { useZone } from '../zone/zone-api.js';
import { hasAnyRole, isStaff, useSession } from './session.js';

type QuickLink = { to: string; icon: ReactNode; label: string };

/** Welcome card with the user's roles, real counts, and links to what they can do. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const staff = isStaff(me);
  const admin = hasAnyRole(me, 'admin');
  const zone = useZone();
  const total = useEnterpriseCount({}, staff);
  const aboveScale = useEnterpriseCount({ aboveScale: true }, staff);
  const own = useEnterprise(staff ? undefined : me.enterpriseId);

  const links: QuickLink[] = [];
  if (staff) links.push({ to: '/enterprises', icon: <BankOutlined />, label: t('nav.enterprises') });
  if (!staff && me.enterpriseId) links.push({ to: '/my-enterprise', icon: <BankOutlined />, label: t('nav.myEnterprise') });
  if (admin) {
    links.push(
      { to: '/admin/users', icon: <TeamOutlined />, label: t('nav.users') },
      { to: '/admin/departments', icon: <ApartmentOutlined />, label: t('nav.departments') },
      { to: '/admin/themes', icon: <TagsOutlined />, label: t('nav.themes') },
      { to: '/admin/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') },
      { to: '/admin/zone', icon: <EnvironmentOutlined />, label: t('nav.zone') },
      { to: '/admin/audit', icon: <AuditOutlined />, label: t('nav.audit') },
    );
  }

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      {zone.data?.isDemo && <Alert type="info" showIcon title={t('home.demoNotice')} />}
      <Card>
        <Typography.Title level={3} className="yq-welcome-title">
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.zone', { zone: me.zoneName })}</Typography.Text>
        <div className="yq-welcome-roles">
          <Typography.Text strong>{t('home.yourRoles')}：</Typography.Text>
          <Space orientation="vertical" size={4}>
            {me.roles.map((r) => (
              <span key={r}>
                <Tag color="blue" className="yq-role-tag">
                  {t(`roles.${r}`)}
                </Tag>
                <Typography.Text type="secondary">{t(`roleDescriptions.${r}`)}</Typography.Text>
              </span>
            ))}
          </Space>
        </div>
      </Card>

      <LeaderVisitBoardCard />
      <DemandHomeCard />

      {staff && (
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Card>
              <Link to="/enterprises">
                <Statistic title={t('home.enterpriseCount')} value={total.data ?? '—'} loading={total.isPending} suffix={t('home.enterpriseUnit')} />
              </Link>
            </Card>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Card>
              <Link to="/enterprises?aboveScale=true">
                <Statistic
                  title={t('home.aboveScaleCount')}
                  value={aboveScale.data ?? '—'}
                  loading={aboveScale.isPending}
                  suffix={t('home.enterpriseUnit')}
                />
              </Link>
            </Card>
          </Col>
        </Row>
      )}

      {!staff && !me.enterpriseId && <Alert type="warning" showIcon title={t('home.noEnterpriseLinked')} />}
      {!staff && me.enterpriseId && (
        <Card title={t('home.myEnterprise')} loading={own.isPending}>
          <Space orientation="vertical">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {own.data?.name}
            </Typography.Title>
            {own.data && <Typography.Text type="secondary">{own.data.uscc}</Typography.Text>}
            <Link to="/my-enterprise">{t('home.openMyEnterprise')}</Link>
          </Space>
        </Card>
      )}

      {links.length > 0 && (
        <Card title={t('home.quickLinks')}>
          <Row gutter={[16, 16]}>
            {links.map((l) => (
              <Col key={l.to} xs={12} sm={8} lg={4}>
                <Link to={l.to} className="yq-quick-link">
                  <span className="yq-quick-link-icon">{l.icon}</span>
                  <span>{l.label}</span>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
