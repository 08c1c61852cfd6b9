import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CULTIVATION_CONFIG, UNCONFIRMED_RULE_NOTES, type UnconfirmedRule } from '../../domain/cultivation/cultivation-config.js';
import { useApiErrorHandler } from '../app/errors.js';
import { useLanguage } from '../app/language.js';
import { QueryError } from '../app/QueryError.js';
import { hasAnyRole, useSession } from '../app/session.js';
import { useCultivationSettings, usePatchCultivationSettings, type CultivationSettings } from './cultivation-runs-api.js';

/** The 特色化 indicators of a province add up to 15 points (63号 Annex 2, 特色化指标). */
const PROVINCIAL_TOTAL = 15;
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Indicator = CultivationSettings['provincialIndicators'][number];

/** An unconfirmed rule: the reference's note in the reader's language, the default it follows, and a reset. */
function UnconfirmedRule({ rule, onReset, disabled, children, title }: { rule: UnconfirmedRule; onReset: () => void; disabled: boolean; children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <span>{title}</span>
          <Tag color="warning">{t('cultivationPipeline.settings.unconfirmedTag')}</Tag>
        </Space>
      }
      extra={
        !disabled && (
          <Button type="link" size="small" onClick={onReset} data-testid={`settings-reset-${rule}`}>
            {t('cultivationPipeline.settings.resetDefault')}
          </Button>
        )
      }
      data-testid={`settings-${rule}`}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={UNCONFIRMED_RULE_NOTES[rule][lang]}
        description={t('cultivationPipeline.settings.defaultFollows', { value: t(`cultivationPipeline.settings.defaults.${rule}`) })}
      />
      {children}
    </Card>
  );
}

/**
 * The zone's cultivation settings (评价设置): the pipeline's close margins and the rules the reference
 * could not confirm (cultivation-config.ts), each with its note and its default. Industry officers and
 * administrators change them; the others read them.
 */
export function CultivationSettingsPanel({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canEdit = hasAnyRole(me, 'industry', 'admin');
  const onError = useApiErrorHandler();
  const settings = useCultivationSettings();
  const patch = usePatchCultivationSettings();
  const [form] = Form.useForm<CultivationSettings>();
  const indicators = Form.useWatch('provincialIndicators', form) as (Partial<Indicator> | undefined)[] | undefined;
  const sum = (indicators ?? []).reduce((acc, i) => acc + (typeof i?.max === 'number' ? i.max : 0), 0);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Skeleton active />;
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;

  const reset = <K extends UnconfirmedRule>(rule: K) => {
    form.setFieldValue(rule, structuredClone(DEFAULT_CULTIVATION_CONFIG[rule]));
    if (rule === 'provincialIndicators') void form.validateFields([['provincialIndicators']]);
  };

  const save = (values: CultivationSettings) => {
    patch.mutate(values, {
      onSuccess: (saved) => {
        form.setFieldsValue(saved);
        void message.success(t('cultivationPipeline.settings.saved'));
        onSaved?.();
      },
      onError: (error) => onError(error, form),
    });
  };

  return (
    <Form<CultivationSettings> form={form} layout="vertical" disabled={!canEdit} onFinish={save} name="cultivation-settings" data-testid="cultivation-settings">
      <Space orientation="vertical" size={16} className="yq-block">
        <Typography.Text type="secondary">{t('cultivationPipeline.settings.subtitle')}</Typography.Text>
        {!canEdit && <Alert type="info" showIcon title={t('cultivationPipeline.settings.readOnly')} />}

        <Card size="small" title={t('cultivationPipeline.settings.pipeline')}>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="closeWithinPoints" label={t('cultivationPipeline.settings.closeWithinPoints')} rules={[{ required: true }]}>
                <InputNumber min={0} max={60} precision={0} style={{ width: 120 }} data-testid="settings-close-points" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="closeWithinConditions" label={t('cultivationPipeline.settings.closeWithinConditions')} rules={[{ required: true }]}>
                <InputNumber min={0} max={5} precision={0} style={{ width: 120 }} data-testid="settings-close-conditions" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <UnconfirmedRule rule="boundaryTakesHigherBand" title={t('cultivationPipeline.settings.boundary')} disabled={!canEdit} onReset={() => reset('boundaryTakesHigherBand')}>
          <Form.Item name="boundaryTakesHigherBand" noStyle>
            <Radio.Group
              options={[
                { value: true, label: t('cultivationPipeline.settings.boundaryHigher') },
                { value: false, label: t('cultivationPipeline.settings.boundaryLower') },
              ]}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        </UnconfirmedRule>

        <UnconfirmedRule rule="provincialIndicators" title={t('cultivationPipeline.settings.provincial')} disabled={!canEdit} onReset={() => reset('provincialIndicators')}>
          <Form.List
            name="provincialIndicators"
            rules={[
              {
                validator: async (_, value: (Partial<Indicator> | undefined)[] | undefined) => {
                  const rows = value ?? [];
                  const total = rows.reduce((acc, i) => acc + (typeof i?.max === 'number' ? i.max : 0), 0);
                  if (total !== PROVINCIAL_TOTAL) throw new Error(t('cultivationPipeline.settings.provincialSumWrong', { sum: total }));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top" data-testid="settings-indicator">
                    <Col xs={24} sm={5}>
                      <Form.Item
                        name={[field.name, 'key']}
                        label={index === 0 ? t('cultivationPipeline.settings.indicatorKey') : undefined}
                        tooltip={index === 0 ? t('cultivationPipeline.settings.indicatorKeyHelp') : undefined}
                        rules={[
                          { required: true, message: t('common.required', { field: t('cultivationPipeline.settings.indicatorKey') }) },
                          { pattern: KEY_PATTERN, message: t('cultivationPipeline.settings.keyPattern') },
                          {
                            validator: async (_, key: string | undefined) => {
                              const keys = ((form.getFieldValue('provincialIndicators') ?? []) as (Partial<Indicator> | undefined)[]).map((i) => i?.key);
                              if (key && keys.filter((k) => k === key).length > 1) throw new Error(t('cultivationPipeline.settings.keyDuplicate'));
                            },
                          },
                        ]}
                      >
                        <Input maxLength={40} placeholder="provincial" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={7}>
                      <Form.Item
                        name={[field.name, 'label', 'zh']}
                        label={index === 0 ? t('cultivationPipeline.settings.indicatorZh') : undefined}
                        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cultivationPipeline.settings.indicatorZh') }) }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={6}>
                      <Form.Item
                        name={[field.name, 'label', 'en']}
                        label={index === 0 ? t('cultivationPipeline.settings.indicatorEn') : undefined}
                        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cultivationPipeline.settings.indicatorEn') }) }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={4}>
                      <Form.Item
                        name={[field.name, 'max']}
                        label={index === 0 ? t('cultivationPipeline.settings.indicatorMax') : undefined}
                        rules={[{ required: true, message: t('common.required', { field: t('cultivationPipeline.settings.indicatorMax') }) }]}
                      >
                        <InputNumber
                          min={1}
                          max={PROVINCIAL_TOTAL}
                          precision={0}
                          style={{ width: '100%' }}
                          onChange={() => void form.validateFields([['provincialIndicators']]).catch(() => undefined)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={2}>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          disabled={!canEdit || fields.length <= 1}
                          aria-label={t('cultivationPipeline.settings.removeIndicator')}
                          onClick={() => {
                            remove(field.name);
                            void form.validateFields([['provincialIndicators']]).catch(() => undefined);
                          }}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Space size={16} wrap>
                  <Button
                    icon={<PlusOutlined />}
                    disabled={!canEdit || fields.length >= 3}
                    onClick={() => add({ key: `provincial-${fields.length + 1}`, label: { zh: '', en: '' }, max: Math.max(1, PROVINCIAL_TOTAL - sum) })}
                    data-testid="settings-indicator-add"
                  >
                    {t('cultivationPipeline.settings.addIndicator')}
                  </Button>
                  <Typography.Text type="secondary" data-testid="settings-indicator-sum">
                    {t('cultivationPipeline.settings.provincialSum', { sum })} · {t('cultivationPipeline.settings.provincialHelp')}
                  </Typography.Text>
                </Space>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </UnconfirmedRule>

        <UnconfirmedRule
          rule="specialised2026PrerequisiteTitles"
          title={t('cultivationPipeline.settings.prerequisite')}
          disabled={!canEdit}
          onReset={() => reset('specialised2026PrerequisiteTitles')}
        >
          <Form.Item
            name="specialised2026PrerequisiteTitles"
            style={{ marginBottom: 0 }}
            rules={[{ required: true, type: 'array', min: 1, message: t('cultivationPipeline.settings.prerequisiteMin') }]}
          >
            <Checkbox.Group
              options={(['innovative-sme', 'tech-sme'] as const).map((v) => ({ value: v, label: t(`cultivationPipeline.settings.prerequisiteOptions.${v}`) }))}
            />
          </Form.Item>
        </UnconfirmedRule>

        <UnconfirmedRule rule="littleGiantReviewRules2026" title={t('cultivationPipeline.settings.review')} disabled={!canEdit} onReset={() => reset('littleGiantReviewRules2026')}>
          <Form.Item name="littleGiantReviewRules2026" noStyle>
            <Radio.Group
              options={(['2022', '2026'] as const).map((v) => ({ value: v, label: t(`cultivationPipeline.settings.reviewOptions.${v}`) }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        </UnconfirmedRule>

        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={patch.isPending} data-testid="settings-save">
              {t('cultivationPipeline.settings.save')}
            </Button>
            <Button onClick={() => settings.data && form.setFieldsValue(structuredClone(settings.data))}>{t('cultivationPipeline.settings.reset')}</Button>
          </Space>
        )}
      </Space>
    </Form>
  );
}
