import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { useSession } from '../app/session.js';
import { useDebouncedValue } from '../demands/use-debounced-value.js';
import { useThemes } from '../enterprises/enterprise-api.js';
import { useCadres, useLeaders } from '../identity/identity-api.js';
import { HALF_DAYS } from '../../domain/visits/visit-vocabulary.js';
import { addDays } from '../../domain/calendar/iso-date.js';
import { useZone } from '../zone/zone-api.js';
import {
  useCreateVisit,
  usePatchVisit,
  useVisitCheck,
  type HalfDay,
  type VisitCheckBody,
  type VisitCheckResult,
  type VisitDetail,
  type VisitSummary,
} from './visit-api.js';
import { plansOnlyForSelf } from './visit-access.js';
import { VisitEnterpriseSelect } from './VisitEnterpriseSelect.js';
import { DepartmentSelect } from '../demands/DepartmentSelect.js';

type Values = {
  visitOn?: Dayjs;
  halfDay: HalfDay;
  leaderId?: string;
  themeId?: string | null;
  purpose?: string;
  enterpriseIds: string[];
  departmentIds: string[];
  cadreIds: string[];
};

export type PlanPreset = { visitOn: string; halfDay: HalfDay };

type Props = {
  open: boolean;
  onClose: () => void;
  /** The visit being edited; absent for a new one. */
  visit?: VisitSummary | null;
  /** A new visit's date and half-day (an empty cell of the calendar was clicked). */
  preset?: PlanPreset | null;
  onSaved?: (detail: VisitDetail) => void;
};

/**
 * 新建 / 编辑走访: date, half-day, leader, theme, purpose, enterprises, departments, cadres.
 * While it is filled in, the server checks the slot (conflicts refuse) and the enterprises'
 * last visits (无事不扰 warns without blocking).
 */
export function VisitPlanForm({ open, onClose, visit, preset, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const create = useCreateVisit();
  const patch = usePatchVisit(visit?.id ?? '');
  const saving = create.isPending || patch.isPending;
  const selfOnly = plansOnlyForSelf(me);
  const leaders = useLeaders(open);
  const cadres = useCadres(open);
  const themes = useThemes();
  const zone = useZone();
  // Back-dating is limited by the zone (the server refuses earlier days); a visit already further back keeps its day.
  const earliest = zone.data ? addDays(todayInZone(), -zone.data.visitBackdateDays) : null;
  const disabledDate = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    return earliest !== null && day < earliest && day !== visit?.visitOn;
  };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (visit) {
      form.setFieldsValue({
        visitOn: dayjs(visit.visitOn),
        halfDay: visit.halfDay,
        leaderId: visit.leader.id,
        themeId: visit.theme?.id ?? null,
        purpose: visit.purpose ?? '',
        enterpriseIds: visit.enterprises.map((e) => e.id),
        departmentIds: visit.departments.map((d) => d.id),
        cadreIds: visit.cadres.map((c) => c.id),
      });
      return;
    }
    form.setFieldsValue({
      visitOn: preset ? dayjs(preset.visitOn) : undefined,
      halfDay: preset?.halfDay ?? 'am',
      leaderId: selfOnly ? me.id : undefined,
    });
  }, [open, visit, preset, form, selfOnly, me.id]);

  const visitOn = Form.useWatch('visitOn', form);
  const halfDay = Form.useWatch('halfDay', form);
  const leaderId = Form.useWatch('leaderId', form);
  const enterpriseIds = Form.useWatch('enterpriseIds', form);
  const checkBody = useMemo<VisitCheckBody | null>(() => {
    if (!open || !visitOn || !halfDay || !leaderId) return null;
    return { id: visit?.id, visitOn: visitOn.format('YYYY-MM-DD'), halfDay, leaderId, enterpriseIds: enterpriseIds ?? [] };
  }, [open, visitOn, halfDay, leaderId, enterpriseIds, visit?.id]);
  const debouncedBody = useDebouncedValue(checkBody, 400);
  const check = useVisitCheck(debouncedBody);
  const result = checkBody && debouncedBody ? check.data : undefined;
  const conflicts = result?.conflicts ?? [];
  const warnings = result?.coverageWarnings ?? [];

  const leaderOptions = (leaders.data?.items ?? [])
    .filter((u) => u.active || u.id === visit?.leader.id)
    .map((u) => ({ value: u.id, label: u.displayName }));
  if (selfOnly && !leaderOptions.some((o) => o.value === me.id)) leaderOptions.push({ value: me.id, label: me.displayName });
  const themeOptions = (themes.data?.items ?? [])
    .filter((th) => th.active || th.id === visit?.theme?.id)
    .map((th) => ({ value: th.id, label: th.name }));
  const cadreOptions = (cadres.data?.items ?? [])
    .filter((u) => u.active || visit?.cadres.some((c) => c.id === u.id))
    .map((u) => ({ value: u.id, label: u.displayName }));

  const coverageText = (w: VisitCheckResult['coverageWarnings'][number]) => {
    const values = { name: w.enterpriseName, weeks: w.weeksSince, date: w.lastVisitOn };
    if (w.lastVisitOn > todayInZone()) return t('visits.form.coveragePlanned', values);
    return w.weeksSince < 1 ? t('visits.form.coverageThisWeek', values) : t('visits.form.coverageItem', values);
  };

  const saved = (detail: VisitDetail, created: boolean) => {
    notification.success({
      title: created ? t('visits.form.created', { number: detail.number }) : t('visits.form.saved'),
      description: created ? (
        // The notification renders outside the router, so it navigates through the form's own hook.
        <Button
          type="link"
          className="yq-visit-open-link"
          data-testid="visit-created-open"
          onClick={() => {
            notification.destroy();
            void navigate(`/visits/${detail.id}`);
          }}
        >
          {t('visits.form.openVisit')}
        </Button>
      ) : undefined,
    });
    onSaved?.(detail);
    onClose();
  };

  const submit = (values: Values) => {
    const body = {
      visitOn: (values.visitOn as Dayjs).format('YYYY-MM-DD'),
      halfDay: values.halfDay,
      leaderId: values.leaderId as string,
      themeId: values.themeId ?? null,
      purpose: values.purpose?.trim() || null,
      enterpriseIds: values.enterpriseIds,
      departmentIds: values.departmentIds ?? [],
      cadreIds: values.cadreIds ?? [],
    };
    if (visit) {
      patch.mutate(body, { onSuccess: (d) => saved(d, false), onError: (e) => onError(e, form) });
      return;
    }
    create.mutate(body, { onSuccess: (d) => saved(d, true), onError: (e) => onError(e, form) });
  };

  return (
    <Modal
      open={open}
      title={visit ? t('visits.form.editTitle', { number: visit.number }) : t('visits.form.createTitle')}
      onCancel={onClose}
      width={760}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={saving} disabled={conflicts.length > 0} onClick={() => form.submit()} data-testid="visit-form-submit">
          {visit ? t('common.save') : t('visits.form.submitCreate')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ halfDay: 'am', enterpriseIds: [], departmentIds: [], cadreIds: [] }}
        data-testid="visit-form"
        name="visit-plan"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="visitOn" label={t('visits.fields.visitOn')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('visits.fields.visitOn') }) }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={disabledDate} data-testid="visit-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="halfDay" label={t('visits.fields.halfDay')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={HALF_DAYS.map((h) => ({ value: h, label: t(`visits.halfDays.${h}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="leaderId"
              label={t('visits.fields.leader')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('visits.fields.leader') }) }]}
              extra={selfOnly ? t('visits.form.leaderFixed') : undefined}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={leaderOptions}
                disabled={selfOnly}
                loading={leaders.isPending}
                placeholder={t('visits.form.leaderPlaceholder')}
                data-testid="visit-leader"
              />
            </Form.Item>
          </Col>
        </Row>
        {conflicts.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="yq-visit-form-alert"
            data-testid="visit-conflict"
            title={t('visits.form.conflictTitle')}
            description={conflicts
              .map((c) => t('visits.form.conflictItem', { number: c.number, date: c.visitOn, halfDay: t(`visits.halfDays.${c.halfDay}`) }))
              .join('；')}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="themeId" label={t('visits.fields.theme')}>
              <Select allowClear options={themeOptions} loading={themes.isPending} placeholder={t('visits.form.themePlaceholder')} data-testid="visit-theme" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="purpose" label={t('visits.fields.purpose')}>
              <Input maxLength={500} placeholder={t('visits.form.purposePlaceholder')} data-testid="visit-purpose" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="enterpriseIds"
          label={t('visits.fields.enterprises')}
          rules={[{ required: true, type: 'array', min: 1, message: t('visits.form.enterpriseMin') }]}
        >
          <VisitEnterpriseSelect initial={visit?.enterprises} />
        </Form.Item>
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="yq-visit-form-alert"
            data-testid="visit-coverage-warning"
            title={t('visits.form.coverageTitle')}
            description={
              <>
                <ul className="yq-visit-warning-list">
                  {warnings.map((w) => (
                    <li key={w.enterpriseId}>{coverageText(w)}</li>
                  ))}
                </ul>
                <span className="yq-muted">{t('visits.form.coverageHelp', { n: result?.minWeeks ?? 0 })}</span>
              </>
            }
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="departmentIds" label={t('visits.fields.departments')}>
              <DepartmentSelect activeOnly multiple placeholder={t('visits.form.departmentsPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="cadreIds" label={t('visits.fields.cadres')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={cadreOptions}
                loading={cadres.isPending}
                placeholder={t('visits.form.cadresPlaceholder')}
                maxTagCount="responsive"
              />
            </Form.Item>
          </Col>
        </Row>
        {checkBody && check.isFetching && (
          <span className="yq-muted">
            <Spin size="small" /> {t('visits.form.checking')}
          </span>
        )}
      </Form>
    </Modal>
  );
}
