import { Alert, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_LEVELS } from '../../domain/demands/demand-vocabulary.js';
import { formatDate } from '../app/format.js';
import { CategorySelect } from './CategorySelect.js';
import { ConfidentialityField } from './ConfidentialityField.js';
import { pendingExtension } from './demand-actions.js';
import type { DemandDetail, FormAction } from './demand-types.js';
import { DepartmentSelect } from './DepartmentSelect.js';
import { MergeTargetSelect } from './MergeTargetSelect.js';

/** The fields of one action's form (decline reason, assignment, progress note, extension date …). */
export function ActionFields({ action, demand }: { action: FormAction; demand: DemandDetail }) {
  const { t } = useTranslation();
  const lead = Form.useWatch<string | undefined>('leadDepartmentId');
  const resolved = Form.useWatch<boolean | undefined>('resolved');
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const requiredSelect = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });
  const f = (key: 'reason' | 'note' | 'question' | 'answer' | 'comment') => t(`demands.actionForms.${key}`);
  const reasonLabel = t(`demands.actionForms.reasonOf.${action === 'decline' || action === 'return' || action === 'wait' || action === 'request_extension' ? action : 'decline'}`);

  const area = (max: number, rows = 4, placeholder?: string) => (
    <Input.TextArea maxLength={max} showCount autoSize={{ minRows: rows, maxRows: 12 }} placeholder={placeholder} />
  );

  switch (action) {
    case 'accept':
    case 'acknowledge':
      return null;
    case 'decline':
    case 'return':
    case 'wait':
      return (
        <>
          <Alert type={action === 'decline' ? 'warning' : 'info'} showIcon title={t(`demands.actionForms.help.${action}`)} className="yq-modal-alert" />
          <Form.Item name="reason" label={reasonLabel} rules={[required(reasonLabel), { min: 2, message: t('demands.actionForms.tooShort') }]}>
            {area(1000)}
          </Form.Item>
        </>
      );
    case 'assign':
      return (
        <>
          <Form.Item name="leadDepartmentId" label={t('demands.fields.lead')} rules={[requiredSelect(t('demands.fields.lead'))]}>
            <DepartmentSelect activeOnly allowClear={false} />
          </Form.Item>
          <Form.Item name="assistingDepartmentIds" label={t('demands.fields.assisting')} extra={t('demands.assistingHelp')}>
            <DepartmentSelect multiple activeOnly exclude={[lead]} placeholder={t('demands.pickAssisting')} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('demands.fields.category')} extra={t('demands.actionForms.assignCategoryHelp')}>
            <CategorySelect withDeadline />
          </Form.Item>
        </>
      );
    case 'progress':
      return (
        <>
          <Form.Item name="note" label={f('note')} rules={[required(f('note'))]}>
            {area(2000, 4, t('demands.actionForms.progressPlaceholder'))}
          </Form.Item>
          <Form.Item name="internal" label={t('demands.actionForms.internal')} valuePropName="checked" extra={t('demands.actionForms.internalHelp')}>
            <Switch />
          </Form.Item>
        </>
      );
    case 'request_input':
      return (
        <>
          <Alert
            type={demand.assistingDepartments.length ? 'info' : 'warning'}
            showIcon
            title={demand.assistingDepartments.length ? t('demands.actionForms.help.request_input') : t('demands.actionForms.noAssisting')}
            className="yq-modal-alert"
          />
          <Form.Item name="question" label={f('question')} rules={[required(f('question')), { min: 2, message: t('demands.actionForms.tooShort') }]}>
            {area(1000)}
          </Form.Item>
          <Form.Item name="departmentIds" label={t('demands.actionForms.inputDepartments')} extra={t('demands.actionForms.inputDepartmentsHelp')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('demands.actionForms.allAssisting')}
              options={demand.assistingDepartments.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </>
      );
    case 'request_extension':
      return (
        <>
          <Alert
            type="info"
            showIcon
            className="yq-modal-alert"
            title={t('demands.actionForms.extensionCurrent', { date: formatDate(demand.dueOn) })}
            description={t('demands.actionForms.help.request_extension')}
          />
          <Form.Item name="newDueOn" label={t('demands.actionForms.newDueOn')} rules={[requiredSelect(t('demands.actionForms.newDueOn'))]}>
            <DatePicker
              style={{ width: 200 }}
              disabledDate={(day) => (demand.dueOn ? !day.isAfter(dayjs(demand.dueOn), 'day') : day.isBefore(dayjs(), 'day'))}
            />
          </Form.Item>
          <Form.Item name="reason" label={reasonLabel} rules={[required(reasonLabel), { min: 2, message: t('demands.actionForms.tooShort') }]}>
            {area(1000)}
          </Form.Item>
        </>
      );
    case 'decide_extension': {
      const ext = pendingExtension(demand);
      return (
        <>
          {ext && (
            <Alert
              type="warning"
              showIcon
              className="yq-modal-alert"
              title={t('demands.actionForms.extensionAsked', { from: formatDate(ext.previousDueOn), to: formatDate(ext.requestedDueOn) })}
              description={ext.reason}
            />
          )}
          <Form.Item name="approve" label={t('demands.actionForms.decision')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('demands.actionForms.approve') },
                { value: false, label: t('demands.actionForms.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('demands.actionForms.decisionNote')}>
            {area(1000, 3)}
          </Form.Item>
        </>
      );
    }
    case 'resume':
      return (
        <Form.Item name="note" label={t('demands.actionForms.resumeNote')} extra={t('demands.actionForms.help.resume')}>
          {area(1000, 3)}
        </Form.Item>
      );
    case 'settle':
      return (
        <>
          <Alert type="info" showIcon title={t('demands.actionForms.help.settle')} className="yq-modal-alert" />
          <Form.Item name="answer" label={f('answer')} rules={[required(f('answer')), { min: 5, message: t('demands.actionForms.answerMin') }]}>
            {area(5000, 6, t('demands.actionForms.answerPlaceholder'))}
          </Form.Item>
        </>
      );
    case 'confirm':
      return (
        <>
          {demand.answer && <Alert type="success" className="yq-modal-alert yq-pre-line" title={t('demands.fields.answer')} description={demand.answer} />}
          <Form.Item name="resolved" label={t('demands.actionForms.resolved')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('demands.actionForms.resolvedYes') },
                { value: false, label: t('demands.actionForms.resolvedNo') },
              ]}
            />
          </Form.Item>
          {resolved === false && <Alert type="warning" showIcon title={t('demands.actionForms.reopenWarning')} className="yq-modal-alert" />}
          <Form.Item name="satisfaction" label={t('demands.fields.satisfaction')} rules={[requiredSelect(t('demands.fields.satisfaction'))]}>
            <Radio.Group options={SATISFACTION_LEVELS.map((s) => ({ value: s, label: t(`demands.satisfaction.${s}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={f('comment')}>
            {area(1000, 3, t('demands.actionForms.commentPlaceholder'))}
          </Form.Item>
        </>
      );
    case 'merge':
      return (
        <>
          <Alert type="warning" showIcon title={t('demands.actionForms.help.merge')} className="yq-modal-alert" />
          <Form.Item name="intoId" label={t('demands.actionForms.mergeInto')} rules={[requiredSelect(t('demands.actionForms.mergeInto'))]}>
            <MergeTargetSelect enterpriseId={demand.enterpriseId} excludeId={demand.id} />
          </Form.Item>
        </>
      );
    case 'edit':
      return (
        <>
          <Form.Item name="categoryCode" label={t('demands.fields.category')} rules={[requiredSelect(t('demands.fields.category'))]}>
            <CategorySelect withDeadline />
          </Form.Item>
          <Form.Item name="confidentiality" label={t('demands.fields.confidentiality')}>
            <ConfidentialityField />
          </Form.Item>
          <Form.Item name="anonymisedTitle" label={t('demands.fields.anonymisedTitle')} extra={t('demands.actionForms.anonymisedHelp')}>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item name="anonymisedDescription" label={t('demands.fields.anonymisedDescription')}>
            {area(5000, 3)}
          </Form.Item>
        </>
      );
  }
}
