import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  InboxOutlined,
  MessageOutlined,
  NotificationOutlined,
  RadarChartOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
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
  if (hasAnyRole(me, 'coordinator', 'leader', 'admin')) {
    items.push(
      { key: '/dashboard', icon: <DashboardOutlined />, label: link('/dashboard', t('nav.dashboard')) },
      { key: '/bulletins', icon: <NotificationOutlined />, label: link('/bulletins', t('nav.bulletins')) },
    );
  }
  items.push(...visitItems(me, t, link));
  items.push(...demandItems(me, t, link));
  items.push(...cultivationItems(me, t, link));
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
        { key: '/admin/wechat', icon: <WechatOutlined />, label: link('/admin/wechat', t('nav.wechat')) },
        { key: '/admin/audit', icon: <AuditOutlined />, label: link('/admin/audit', t('nav.audit')) },
      ],
    });
  }
  return items;
}

type LinkFn = (to: string, label: string) => ReactNode;

/** 每周益企: the plan for everyone who takes part; the programme's views for those who oversee it. */
function visitItems(me: Me, t: TFunction, link: LinkFn): MenuItem[] {
  if (!hasAnyRole(me, 'coordinator', 'leader', 'admin', 'cadre', 'department')) return [];
  const children: MenuItem[] = [{ key: '/visits', icon: <ScheduleOutlined />, label: link('/visits', t('nav.visitPlan')) }];
  if (hasAnyRole(me, 'coordinator', 'leader', 'admin')) {
    children.push(
      { key: '/visits/compliance', icon: <CheckSquareOutlined />, label: link('/visits/compliance', t('nav.visitCompliance')) },
      { key: '/visits/coverage', icon: <RadarChartOutlined />, label: link('/visits/coverage', t('nav.visitCoverage')) },
      { key: '/visits/counts', icon: <FundOutlined />, label: link('/visits/counts', t('nav.visitCounts')) },
    );
  }
  return [{ key: 'visits', icon: <CarOutlined />, label: t('nav.visits'), children }];
}

/** 诉求: the lists each role works from; staff get them in one submenu, the enterprise at the top level. */
function demandItems(me: Me, t: TFunction, link: LinkFn): MenuItem[] {
  const children: MenuItem[] = [];
  const overseer = hasAnyRole(me, 'coordinator', 'leader', 'admin');
  if (overseer || hasAnyRole(me, 'cadre')) {
    children.push({ key: '/demands', icon: <UnorderedListOutlined />, label: link('/demands', t('nav.demandList')) });
  }
  if (hasAnyRole(me, 'department')) {
    children.push({ key: '/demands/queue', icon: <InboxOutlined />, label: link('/demands/queue', t('nav.demandQueue')) });
  }
  if (overseer) {
    children.push(
      { key: '/demands/escalations', icon: <AlertOutlined />, label: link('/demands/escalations', t('nav.demandEscalations')) },
      { key: '/demands/stats', icon: <BarChartOutlined />, label: link('/demands/stats', t('nav.demandStats')) },
    );
  }
  if (hasAnyRole(me, 'coordinator', 'leader')) {
    children.push({ key: '/demands/new', icon: <EditOutlined />, label: link('/demands/new', t('nav.registerDemand')) });
  } else if (hasAnyRole(me, 'cadre')) {
    children.push({ key: '/demands/new', icon: <EditOutlined />, label: link('/demands/new', t('nav.submitForEnterprise')) });
  }
  if (hasAnyRole(me, 'coordinator', 'admin')) {
    children.push({ key: '/admin/demand-categories', icon: <ClusterOutlined />, label: link('/admin/demand-categories', t('nav.demandCategories')) });
  }
  if (children.length > 1) return [{ key: 'demands', icon: <MessageOutlined />, label: t('nav.demands'), children }];
  if (children.length === 1) return children;
  if (!me.roles.includes('enterprise') || !me.enterpriseId) return [];
  return [
    { key: '/my-demands', icon: <MessageOutlined />, label: link('/my-demands', t('nav.myDemands')) },
    { key: '/demands/new', icon: <EditOutlined />, label: link('/demands/new', t('nav.submitDemand')) },
  ];
}

/**
 * 梯度培育: the enterprise's own self-assessments; the industry officer's review, batch runs and
 * lists; the same pages to read for leaders and the coordinator (cultivation.policy.ts).
 */
function cultivationItems(me: Me, t: TFunction, link: LinkFn): MenuItem[] {
  const children: MenuItem[] = [];
  const officer = hasAnyRole(me, 'industry', 'admin');
  const reader = officer || hasAnyRole(me, 'leader', 'coordinator');
  if (reader) {
    const label = officer ? t('cultivation.nav.review') : t('cultivation.nav.assessments');
    children.push(
      { key: '/cultivation/assessments', icon: <FormOutlined />, label: link('/cultivation/assessments', label) },
      { key: '/cultivation/runs', icon: <ThunderboltOutlined />, label: link('/cultivation/runs', t('cultivation.nav.runs')) },
      { key: '/cultivation/lists', icon: <FileDoneOutlined />, label: link('/cultivation/lists', t('cultivation.nav.lists')) },
    );
  } else if (me.roles.includes('enterprise') && me.enterpriseId) {
    children.push({ key: '/cultivation/assessments', icon: <FormOutlined />, label: link('/cultivation/assessments', t('cultivation.nav.selfAssessment')) });
  }
  if (children.length === 0) return [];
  return [{ key: 'cultivation', icon: <RiseOutlined />, label: t('cultivation.nav.cultivation'), children }];
}

const CULTIVATION_PAGES = ['/cultivation/assessments', '/cultivation/runs', '/cultivation/lists'];

const DEMAND_PAGES = ['/demands/queue', '/demands/escalations', '/demands/stats', '/demands/new', '/admin/demand-categories'];

/** The menu key of a demand page; a demand's detail highlights the list the user came from. */
function demandKey(pathname: string, me: Me): string | null {
  const exact = DEMAND_PAGES.find((p) => pathname === p);
  if (exact) return exact;
  if (pathname === '/my-demands' || pathname === '/demands') return pathname;
  if (!pathname.startsWith('/demands/')) return null;
  if (hasAnyRole(me, 'coordinator', 'leader', 'admin', 'cadre')) return '/demands';
  if (hasAnyRole(me, 'department')) return '/demands/queue';
  return '/my-demands';
}

/** The submenu to open for the selected key. */
export function openKeyOf(selected: string): string[] {
  if (selected === '/demands' || selected.startsWith('/demands/') || selected === '/admin/demand-categories') return ['demands'];
  if (selected.startsWith('/admin/')) return ['admin'];
  if (selected.startsWith('/cultivation/')) return ['cultivation'];
  return [];
}

const VISIT_PAGES = ['/visits', '/visits/compliance', '/visits/coverage', '/visits/counts'];
const SECTIONS = ['/dashboard', '/bulletins', '/admin/wechat', '/admin/departments', '/admin/users', '/admin/themes', '/admin/zone', '/admin/calendar', '/admin/audit', '/enterprises', '/my-enterprise'];

/** The menu key to highlight for a path (a detail page highlights its list). */
export function selectedKey(pathname: string, me: Me): string {
  if (pathname.startsWith('/enterprises/') && !isStaff(me)) return '/my-enterprise';
  if (pathname === '/') return '/';
  const demand = demandKey(pathname, me);
  if (demand) return demand;
  const visitPage = VISIT_PAGES.find((p) => pathname === p);
  if (visitPage) return visitPage;
  if (pathname.startsWith('/visits/')) return '/visits';
  const cultivation = CULTIVATION_PAGES.find((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (cultivation) return cultivation;
  return SECTIONS.find((s) => pathname === s || pathname.startsWith(`${s}/`)) ?? '';
}
