import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { hasAnyRole, isStaff, type Me } from './session.js';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu, filtered by the user's roles. Keys are the paths they lead to. */
export function buildMenu(me: Me, t: TFunction): MenuItem[] {
  const link = (to: string, label: string) => <Link to={to}>{label}</Link>;
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: link('/', t('nav.home')) }];
  if (isStaff(me)) {
    items.push({ key: '/enterprises', icon: <BankOutlined />, label: link('/enterprises', t('nav.enterprises')) });
  } else if (me.roles.includes('enterprise')) {
    items.push({ key: '/my-enterprise', icon: <BankOutlined />, label: link('/my-enterprise', t('nav.myEnterprise')) });
  }
  if (hasAnyRole(me, 'admin')) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: [
        { key: '/admin/departments', icon: <ApartmentOutlined />, label: link('/admin/departments', t('nav.departments')) },
        { key: '/admin/users', icon: <TeamOutlined />, label: link('/admin/users', t('nav.users')) },
        { key: '/admin/roles', icon: <SafetyCertificateOutlined />, label: link('/admin/roles', t('nav.roles')) },
        { key: '/admin/themes', icon: <TagsOutlined />, label: link('/admin/themes', t('nav.themes')) },
        { key: '/admin/zone', icon: <EnvironmentOutlined />, label: link('/admin/zone', t('nav.zone')) },
        { key: '/admin/calendar', icon: <CalendarOutlined />, label: link('/admin/calendar', t('nav.calendar')) },
        { key: '/admin/audit', icon: <AuditOutlined />, label: link('/admin/audit', t('nav.audit')) },
      ],
    });
  }
  return items;
}

const SECTIONS = ['/admin/departments', '/admin/users', '/admin/themes', '/admin/zone', '/admin/calendar', '/admin/audit', '/enterprises', '/my-enterprise'];

/** The menu key to highlight for a path (a detail page highlights its list). */
export function selectedKey(pathname: string, me: Me): string {
  if (pathname.startsWith('/enterprises/') && !isStaff(me)) return '/my-enterprise';
  if (pathname === '/') return '/';
  return SECTIONS.find((s) => pathname === s || pathname.startsWith(`${s}/`)) ?? '';
}
