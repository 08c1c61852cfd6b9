import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { dayOfWeek } from '../../domain/calendar/iso-date.js';
import { useSession } from '../app/session.js';
import { useDashboard, type Dashboard, type RedListItem } from './dashboard-api.js';
import {
  DARK_LOOK, categoryBarsOption, departmentsOption, departmentsShown, monthsOption, satisfactionOption, visitsOption,
} from './dashboard-charts.js';
import { headlineTiles } from './dashboard-headline.js';
import { Chart } from '../app/Chart.js';
import './dashboard.css';

/** The stage is drawn at 1920×1080 and scaled to the window, keeping 16:9. */
const STAGE_W = 1920;
const STAGE_H = 1080;
const REFRESH_MS = 60_000;
const PAGE_MS = 10_000;
const SCREEN_MONTHS = 12;
/** Bars per page of the department and category rankings. */
const DEPARTMENTS_PER_PAGE = 7;
const RED_ROWS_PER_PAGE = 3;

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

function useStageScale(): number {
  const measure = () => Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H);
  const [scale, setScale] = useState(measure);
  useEffect(() => {
    const onResize = () => setScale(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** Long lists turn their pages by themselves: nobody scrolls a hall screen. */
function usePaged<T>(items: T[], size: number): { page: T[]; index: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (pages <= 1) return undefined;
    const id = window.setInterval(() => setIndex((i) => (i + 1) % pages), PAGE_MS);
    return () => window.clearInterval(id);
  }, [pages]);
  const current = index % pages;
  return { page: items.slice(current * size, current * size + size), index: current, pages };
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(Boolean(document.fullscreenElement));
  useEffect(() => {
    const onChange = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return [on, toggle];
}

function timeIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant);
}

function Clock({ timeZone, t }: { timeZone: string; t: TFunction }) {
  const now = useNow(1000);
  const day = dateInZone(now, timeZone);
  const [y, m, d] = day.split('-');
  const weekday = t(`dashboard.screen.weekdays.d${dayOfWeek(day) as 0}`);
  return (
    <div className="yq-screen-clock" data-testid="screen-clock">
      <div className="yq-screen-time">{timeIn(now, timeZone)}</div>
      <div className="yq-screen-date">{t('dashboard.screen.date', { y, m: Number(m), d: Number(d), weekday })}</div>
    </div>
  );
}

function Panel({ title, children, footer, testId }: { title: string; children: ReactNode; footer?: ReactNode; testId: string }) {
  return (
    <section className="yq-screen-panel" data-testid={testId}>
      <h2 className="yq-screen-panel-title">
        <span>{title}</span>
        {footer && <span className="yq-screen-panel-note">{footer}</span>}
      </h2>
      <div className="yq-screen-panel-body">{children}</div>
    </section>
  );
}

/**
 * The hall's screen is in a public place: a demand's own words show only when it is public; an
 * anonymised or private one shows as its category (e.g. 产证办理类诉求).
 */
function screenTitle(r: RedListItem, t: TFunction): string {
  return r.confidentiality === 'public' ? r.title : t('dashboard.screen.categoryDemand', { category: r.categoryName });
}

function RedList({ items, total, t }: { items: RedListItem[]; total: number; t: TFunction }) {
  const { page, index, pages } = usePaged(items, RED_ROWS_PER_PAGE);
  if (items.length === 0) return <div className="yq-screen-empty">{t('dashboard.redList.empty')}</div>;
  return (
    <div className="yq-screen-red">
      {page.map((r) => (
        <div key={r.id} className="yq-screen-red-row">
          <div className="yq-screen-red-title" data-testid="screen-red-title">{screenTitle(r, t)}</div>
          <div className="yq-screen-red-meta">
            <span className="yq-screen-red-dept">{r.departmentName ?? t('dashboard.redList.unassigned')}</span>
            <span className="yq-screen-red-days">
              {r.workingDaysOverdue !== null ? t('dashboard.redList.workingDays', { n: r.workingDaysOverdue }) : t('dashboard.redList.days', { n: r.daysOverdue })}
            </span>
          </div>
        </div>
      ))}
      <div className="yq-screen-red-foot">
        {pages > 1 && <span>{t('dashboard.screen.page', { page: index + 1, pages })}</span>}
        {total > items.length && <span>{t('dashboard.screen.redListMore', { n: total - items.length })}</span>}
      </div>
    </div>
  );
}

function Screen({ d, t, locale }: { d: Dashboard; t: TFunction; locale: string }) {
  const tiles = headlineTiles(d, t, locale);
  const departments = useMemo(() => departmentsShown(d.departments), [d.departments]);
  const paged = usePaged(departments, DEPARTMENTS_PER_PAGE);
  const pagedCategories = usePaged(d.categories, DEPARTMENTS_PER_PAGE);
  const options = useMemo(() => ({
    months: monthsOption(d.months, t, DARK_LOOK),
    satisfaction: satisfactionOption(d.satisfaction, t, DARK_LOOK),
    visits: visitsOption(d.visitWeeks, t, DARK_LOOK),
  }), [d, t]);
  const departmentsChart = useMemo(() => departmentsOption(paged.page, t, DARK_LOOK, 290), [paged.page, t]);
  const categoriesChart = useMemo(
    () => categoryBarsOption(pagedCategories.page, d.headline.received, t, DARK_LOOK, 150),
    [pagedCategories.page, d.headline.received, t],
  );
  const none = <div className="yq-screen-empty">{t('dashboard.none')}</div>;

  return (
    <>
      <section className="yq-screen-tiles" data-testid="screen-headline">
        {tiles.map((tile) => (
          <div key={tile.key} className={`yq-screen-tile${tile.alert ? ' yq-screen-tile-alert' : ''}`} data-testid={`screen-tile-${tile.key}`}>
            <div className="yq-screen-tile-value">
              {tile.value}
              {tile.unit && <span className="yq-screen-tile-unit">{tile.unit}</span>}
            </div>
            <div className="yq-screen-tile-label">{tile.label}</div>
          </div>
        ))}
      </section>
      <section className="yq-screen-grid">
        <Panel title={t('dashboard.charts.months')} testId="screen-months">
          <Chart option={options.months} height="100%" label={t('dashboard.charts.months')} />
        </Panel>
        <Panel
          title={t('dashboard.charts.departments')}
          testId="screen-departments"
          footer={paged.pages > 1 ? t('dashboard.screen.page', { page: paged.index + 1, pages: paged.pages }) : undefined}
        >
          {departments.length === 0 ? none : <Chart option={departmentsChart} height="100%" label={t('dashboard.charts.departments')} />}
        </Panel>
        <Panel
          title={t('dashboard.charts.categories')}
          testId="screen-categories"
          footer={pagedCategories.pages > 1 ? t('dashboard.screen.page', { page: pagedCategories.index + 1, pages: pagedCategories.pages }) : undefined}
        >
          {d.categories.length === 0 ? none : <Chart option={categoriesChart} height="100%" label={t('dashboard.charts.categories')} />}
        </Panel>
        <Panel title={t('dashboard.charts.satisfaction')} testId="screen-satisfaction">
          <Chart option={options.satisfaction} height="100%" label={t('dashboard.charts.satisfaction')} />
        </Panel>
        <Panel title={t('dashboard.charts.visits')} testId="screen-visits">
          <Chart option={options.visits} height="100%" label={t('dashboard.charts.visits')} />
        </Panel>
        <Panel title={t('dashboard.charts.redList')} testId="screen-red-list">
          <RedList items={d.redList.items} total={d.redList.total} t={t} />
        </Panel>
      </section>
    </>
  );
}

/** 数据大屏: the zone's figures for the hall's screen — dark, big, refreshing itself every minute. */
export function LargeScreenPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const query = useDashboard(SCREEN_MONTHS, REFRESH_MS);
  const d = query.data;
  const scale = useStageScale();
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const timeZone = d?.timeZone ?? 'Asia/Shanghai';
  const updated = query.dataUpdatedAt ? timeIn(new Date(query.dataUpdatedAt), timeZone) : null;
  const left = Math.max(0, (window.innerWidth - STAGE_W * scale) / 2);
  const top = Math.max(0, (window.innerHeight - STAGE_H * scale) / 2);

  useEffect(() => {
    const before = document.title;
    document.title = `${t('dashboard.screen.title')} · ${d?.zoneName ?? me.zoneName}`;
    return () => { document.title = before; };
  }, [t, d?.zoneName, me.zoneName]);

  return (
    <div className="yq-screen" data-testid="large-screen">
      <div className="yq-screen-stage" style={{ width: STAGE_W, height: STAGE_H, transform: `translate(${left}px, ${top}px) scale(${scale})` }}>
        <header className="yq-screen-header">
          <div className="yq-screen-head-left">
            <div className="yq-screen-zone">{d?.zoneName ?? me.zoneName}</div>
            <div className={query.error && d ? 'yq-screen-updated yq-screen-stale' : 'yq-screen-updated'} data-testid="screen-updated">
              {updated && (query.error && d ? t('dashboard.screen.stale', { time: updated }) : t('dashboard.screen.updatedAt', { time: updated }))}
              {updated && !query.error && <span className="yq-screen-muted"> · {t('dashboard.screen.autoRefresh')}</span>}
            </div>
          </div>
          <h1 className="yq-screen-title">{t('dashboard.screen.title')}</h1>
          <Clock timeZone={timeZone} t={t} />
        </header>
        {d
          ? <Screen d={d} t={t} locale={i18n.language === 'en' ? 'en' : 'zh-CN'} />
          : <div className="yq-screen-loading">{query.error ? t('common.loadFailed') : '…'}</div>}
      </div>
      <button
        type="button"
        className="yq-screen-fullscreen"
        onClick={toggleFullscreen}
        title={fullscreen ? t('dashboard.screen.exitFullscreen') : t('dashboard.screen.fullscreen')}
        aria-label={fullscreen ? t('dashboard.screen.exitFullscreen') : t('dashboard.screen.fullscreen')}
      >
        {fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
      </button>
    </div>
  );
}
