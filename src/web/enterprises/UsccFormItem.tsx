import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkUscc, type UsccCheck } from '../../domain/enterprises/check-uscc.js';
import { useLanguage } from '../app/language.js';

/**
 * 统一社会信用代码 with the shared GB 32100 check run as the user types: the reason appears
 * under the field (length, characters, registration department, check digit), and warnings
 * (e.g. the organisation code check) are shown without blocking.
 */
export function UsccFormItem() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>('uscc', form);
  const check: UsccCheck | null = value ? checkUscc(value) : null;

  const reasonText = (c: Extract<UsccCheck, { valid: false }>) =>
    lang === 'zh' ? c.message : t(`enterprise.usccReasons.${c.reason}`, { position: c.position ?? '', expected: c.expected ?? '' });

  // A valid code shows the success icon (hasFeedback); warnings do not block saving.
  const extra =
    check?.valid && check.warnings.length > 0 ? (
      <Typography.Text type="warning">{lang === 'zh' ? check.warnings.join('；') : t('enterprise.usccReasons.warning')}</Typography.Text>
    ) : undefined;

  return (
    <Form.Item
      name="uscc"
      label={t('enterprise.fields.uscc')}
      hasFeedback
      validateFirst
      extra={extra}
      rules={[
        { required: true, message: t('common.required', { field: t('enterprise.fields.uscc') }) },
        {
          validator: (_, v: string | undefined) => {
            if (!v) return Promise.resolve();
            const result = checkUscc(v);
            return result.valid ? Promise.resolve() : Promise.reject(new Error(reasonText(result)));
          },
        },
      ]}
      normalize={(v: string) => v.toUpperCase()}
    >
      <Input placeholder={t('enterprise.placeholders.uscc')} maxLength={24} className="yq-num" data-testid="enterprise-uscc" autoComplete="off" />
    </Form.Item>
  );
}
