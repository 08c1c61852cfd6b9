import { Alert, App, Button, DatePicker, Descriptions, Form, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CULTIVATION_SCHEMES } from '../../domain/cultivation/cultivation-evaluation.js';
import { RULES_2022_FROM } from '../../domain/cultivation/evaluate-cultivation.js';
import { EVALUATION_PURPOSES } from '../../contracts/cultivation.js';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { useEnterpriseCount } from '../enterprises/enterprise-api.js';
import { isScoreScheme, rulesPreview } from './cultivation-pipeline-rules.js';
import { useCultivationSettings, useStartRun, type CultivationScheme, type EvaluationPurpose, type RunSummary } from './cultivation-runs-api.js';

type Values = { scheme: CultivationScheme; on: Dayjs; purpose: EvaluationPurpose };

/**
 * 发起批量评价: tier, evaluation date (today by default) and purpose, then a confirmation that says
 * what will be evaluated and which rules apply, before the run starts.
 */
export function CultivationRunStartModal({ open, onClose, onStarted }: { open: boolean; onClose: () => void; onStarted: (run: RunSummary) => void }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const settings = useCultivationSettings(open);
  const enterprises = useEnterpriseCount({}, open);
  const start = useStartRun();
  const [confirming, setConfirming] = useState<Values | null>(null);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ scheme: 'innovative-sme', on: dayjs(todayInZone()), purpose: 'new' });
    setConfirming(null);
  }, [open, form]);

  const on = confirming?.on.format('YYYY-MM-DD') ?? '';
  const rules = confirming ? rulesPreview(confirming.scheme, on, confirming.purpose, settings.data) : null;
  const score = confirming ? isScoreScheme(confirming.scheme, rules?.rulesVersion ?? null, on) : true;

  const submit = () => {
    if (!confirming) return;
    start.mutate(
      { scheme: confirming.scheme, on, purpose: confirming.purpose },
      {
        onSuccess: (run) => {
          void message.success(run.rulesVersion ? t('cultivationPipeline.start.started', { rules: run.rulesVersion }) : t('cultivationPipeline.start.startedNoRules'));
          onStarted(run);
          onClose();
        },
        onError: (error) => onError(error),
      },
    );
  };

  const footer = confirming ? (
    <Space>
      <Button onClick={() => setConfirming(null)} data-testid="run-start-back">
        {t('cultivationPipeline.start.back')}
      </Button>
      <Button type="primary" loading={start.isPending} disabled={!rules} onClick={submit} data-testid="run-start-ok">
        {t('cultivationPipeline.start.ok')}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={() => form.submit()} data-testid="run-start-next">
        {t('cultivationPipeline.start.next')}
      </Button>
    </Space>
  );

  const purposeWord = confirming ? t(`cultivationPipeline.purposes.${confirming.purpose}`) : '';
  const schemeWord = confirming ? t(`cultivationPipeline.schemes.${confirming.scheme}`) : '';

  return (
    <Modal open={open} title={t('cultivationPipeline.start.title')} onCancel={onClose} footer={footer} width={620} forceRender destroyOnHidden={false}>
      <div hidden={Boolean(confirming)}>
        <Form form={form} layout="vertical" name="cultivation-run-start" onFinish={setConfirming}>
          <Form.Item name="scheme" label={t('cultivationPipeline.start.scheme')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivationPipeline.schemes.${s}`) }))}
              data-testid="run-start-scheme"
            />
          </Form.Item>
          <Form.Item
            name="on"
            label={t('cultivationPipeline.start.on')}
            extra={t('cultivationPipeline.start.onHelp')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('cultivationPipeline.start.on') }) }]}
          >
            <DatePicker allowClear={false} style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') < RULES_2022_FROM} data-testid="run-start-on" />
          </Form.Item>
          <Form.Item name="purpose" label={t('cultivationPipeline.start.purpose')} extra={t('cultivationPipeline.start.purposeHelp')} rules={[{ required: true }]}>
            <Radio.Group options={EVALUATION_PURPOSES.map((p) => ({ value: p, label: t(`cultivationPipeline.purposes.${p}`) }))} data-testid="run-start-purpose" />
          </Form.Item>
        </Form>
      </div>
      {confirming && (
        <Space orientation="vertical" size={12} className="yq-block" data-testid="run-start-confirm">
          <Typography.Text strong>{t('cultivationPipeline.start.confirmTitle')}</Typography.Text>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cultivationPipeline.start.what')}>
              {enterprises.data !== undefined
                ? t('cultivationPipeline.start.whatText', { count: enterprises.data, scheme: schemeWord, purpose: purposeWord })
                : t('cultivationPipeline.start.whatTextUnknown', { scheme: schemeWord, purpose: purposeWord })}
            </Descriptions.Item>
            <Descriptions.Item label={t('cultivationPipeline.start.on')}>
              <span className="yq-num">{on}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cultivationPipeline.start.rules')}>
              <span data-testid="run-start-rules">{rules ? rules.rulesVersion : t('cultivationPipeline.start.noRules')}</span>
              {rules?.source[lang] && (
                <div className="yq-muted">
                  {t('cultivationPipeline.start.source')}：{rules.source[lang]}
                </div>
              )}
            </Descriptions.Item>
            {settings.data && (
              <Descriptions.Item label={t('cultivationPipeline.start.close')}>
                {t(`cultivationPipeline.start.${score ? 'closePoints' : 'closeConditions'}`, {
                  n: score ? settings.data.closeWithinPoints : settings.data.closeWithinConditions,
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Alert type="info" showIcon title={t('cultivationPipeline.start.dataNote')} />
        </Space>
      )}
    </Modal>
  );
}
