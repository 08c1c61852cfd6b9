import { CalendarOutlined, DownloadOutlined, LeftOutlined, PlusOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PageOf } from '../../contracts/common.js';
import { apiDownload } from '../app/api.js';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { useSession } from '../app/session.js';
import { useCalendarMonth, type CalendarDay } from '../calendar/calendar-api.js';
import { useThemes } from '../enterprises/enterprise-api.js';
import { useLeaders } from '../identity/identity-api.js';
import { VISIT_STATUSES } from '../../domain/visits/visit-vocabulary.js';
import { useMoveVisit, useVisitList, visitKeys, type HalfDay, type VisitStatus, type VisitSummary } from './visit-api.js';
import { canPlanVisits, canSeeAllVisits } from './visit-access.js';
import { visitErrorText } from './visit-errors.js';
import { addDays, isoWeekOf, weekFromParams } from './visit-week.js';
import { VisitListTable } from './VisitListTable.js';
import { VisitPlanForm, type PlanPreset } from './VisitPlanForm.js';
import { VisitWeekCalendar } from './VisitWeekCalendar.js';
import './visits.css';

type View = 'calendar' | 'list';

/** 走访计划: the week's visits as a calendar (drag to move, click a free half-day to plan) or as a list. */
export function VisitPlanPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const today = todayInZone();
  const week = weekFromParams(params, today);
  const view: View = params.get('view') === 'list' ? 'list' : 'calendar';
  const leaderId = params.get('leaderId') ?? undefined;
  const themeId = params.get('themeId') ?? undefined;
  const status = (VISIT_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as VisitStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const listFrom = params.get('from') ?? week.monday;
  const listTo = params.get('to') ?? week.sunday;
  const canPlan = canPlanVisits(me);
  const canExport = canSeeAllVisits(me);
  const onError = useApiErrorHandler();
  const [exporting, setExporting] = useState(false);
  const [form, setForm] = useState<{ open: boolean; preset: PlanPreset | null }>({ open: false, preset: null });

  const update = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in patch)) next.delete('page');
      setParams(next);
    },
    [params, setParams],
  );

  const calendarQuery = useMemo(
    () => ({ from: week.monday, to: week.sunday, leaderId, themeId, page: 1, pageSize: 200 }),
    [week.monday, week.sunday, leaderId, themeId],
  );
  const listQuery = { from: listFrom, to: listTo, leaderId, themeId, status, page, pageSize };
  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/visits/export.xlsx', { from: listFrom, to: listTo, leaderId, themeId, status }, t('visits.plan.exportFileName'));
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  };
  const visits = useVisitList(view === 'calendar' ? calendarQuery : listQuery);
  const move = useMoveVisit();
  const leaders = useLeaders();
  const themes = useThemes();
  const days = useWeekDays(week.monday, week.sunday);

  const goWeek = (monday: string) => update({ week: isoWeekOf(monday).week, from: undefined, to: undefined });

  const onMove = (visit: VisitSummary, visitOn: string, halfDay: HalfDay) => {
    const key = visitKeys.list(calendarQuery);
    const before = queryClient.getQueryData<PageOf<VisitSummary>>(key);
    if (before) {
      queryClient.setQueryData<PageOf<VisitSummary>>(key, {
        ...before,
        items: before.items.map((v) => (v.id === visit.id ? { ...v, visitOn, halfDay } : v)),
      });
    }
    move.mutate(
      { id: visit.id, visitOn, halfDay },
      {
        onSuccess: () => void message.success(t('visits.plan.moved', { number: visit.number, date: visitOn, halfDay: t(`visits.halfDays.${halfDay}`) })),
        onError: (error) => {
          if (before) queryClient.setQueryData(key, before);
          void message.error(visitErrorText(error));
        },
      },
    );
  };

  const items = visits.data?.items ?? [];
  const live = items.filter((v) => v.status !== 'cancelled');
  const enterpriseVisits = live.reduce((n, v) => n + v.enterprises.length, 0);

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="visit-plan">
      <PageHeader
        title={t('visits.title')}
        subTitle={t('visits.subtitle')}
        extra={
          canPlan && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, preset: null })} data-testid="visit-create">
              {t('visits.plan.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="yq-toolbar yq-visit-toolbar">
          <Segmented<View>
            value={view}
            onChange={(v) => update({ view: v === 'list' ? 'list' : undefined })}
            options={[
              { value: 'calendar', label: t('visits.plan.calendar'), icon: <CalendarOutlined /> },
              { value: 'list', label: t('visits.plan.list'), icon: <UnorderedListOutlined /> },
            ]}
          />
          {view === 'calendar' ? (
            <Space size={4} wrap>
              <Button icon={<LeftOutlined />} onClick={() => goWeek(addDays(week.monday, -7))} aria-label={t('visits.plan.prevWeek')}>
                {t('visits.plan.prevWeek')}
              </Button>
              <Button onClick={() => goWeek(today)} disabled={week.monday === isoWeekOf(today).monday}>
                {t('visits.plan.thisWeek')}
              </Button>
              <Button onClick={() => goWeek(addDays(week.monday, 7))} aria-label={t('visits.plan.nextWeek')}>
                {t('visits.plan.nextWeek')} <RightOutlined />
              </Button>
              <DatePicker
                picker="week"
                allowClear={false}
                value={dayjs(week.monday)}
                onChange={(d) => d && goWeek(d.format('YYYY-MM-DD'))}
                format={() => t('visits.plan.weekLabel', { week: week.week, from: week.monday, to: week.sunday })}
                style={{ width: 320 }}
                data-testid="visit-week-picker"
              />
            </Space>
          ) : (
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(listFrom), dayjs(listTo)]}
              onChange={(range) => {
                if (!range?.[0] || !range[1]) return;
                update({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
              }}
            />
          )}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={leaderId}
            onChange={(v?: string) => update({ leaderId: v })}
            placeholder={t('visits.plan.allLeaders')}
            options={(leaders.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            style={{ width: 150 }}
            aria-label={t('visits.fields.leader')}
            data-testid="visit-filter-leader"
          />
          <Select
            allowClear
            value={themeId}
            onChange={(v?: string) => update({ themeId: v })}
            placeholder={t('visits.plan.allThemes')}
            options={(themes.data?.items ?? []).map((th) => ({ value: th.id, label: th.name }))}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            aria-label={t('visits.fields.theme')}
            data-testid="visit-filter-theme"
          />
          {view === 'list' && canExport && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="visit-export">
              {t('visits.plan.export')}
            </Button>
          )}
          {view === 'list' && (
            <Select
              allowClear
              value={status}
              onChange={(v?: string) => update({ status: v })}
              placeholder={t('visits.plan.allStatuses')}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visits.statuses.${s}`) }))}
              style={{ width: 120 }}
              aria-label={t('visits.fields.status')}
            />
          )}
        </div>
        <QueryError error={visits.error} onRetry={() => void visits.refetch()} />
        {view === 'calendar' ? (
          <>
            <Typography.Paragraph type="secondary" className="yq-visit-summary">
              {t('visits.plan.weekSummary', { week: week.week, n: live.length, e: enterpriseVisits })}
              {canPlan && <span className="yq-visit-summary-hint">{t('visits.plan.dragHint')}</span>}
            </Typography.Paragraph>
            <VisitWeekCalendar
              week={week}
              visits={items}
              days={days}
              today={today}
              onPlan={canPlan ? (visitOn, halfDay) => setForm({ open: true, preset: { visitOn, halfDay } }) : undefined}
              onMove={onMove}
            />
          </>
        ) : (
          <VisitListTable
            items={visits.data?.items}
            total={visits.data?.total ?? 0}
            loading={visits.isFetching}
            page={page}
            pageSize={pageSize}
            onPage={(p, size) => update({ page: p === 1 ? undefined : p, pageSize: size === 20 ? undefined : size })}
          />
        )}
      </Card>
      {canPlan && <VisitPlanForm open={form.open} preset={form.preset} onClose={() => setForm({ open: false, preset: null })} />}
    </Space>
  );
}

/** The zone's calendar for the days from monday to sunday (a week can span two months). */
function useWeekDays(monday: string, sunday: string): Map<string, CalendarDay> {
  const first = useCalendarMonth(Number(monday.slice(0, 4)), Number(monday.slice(5, 7)));
  const last = useCalendarMonth(Number(sunday.slice(0, 4)), Number(sunday.slice(5, 7)));
  return useMemo(() => {
    const map = new Map<string, CalendarDay>();
    for (const d of [...(first.data ?? []), ...(last.data ?? [])]) if (d.date >= monday && d.date <= sunday) map.set(d.date, d);
    return map;
  }, [first.data, last.data, monday, sunday]);
}
