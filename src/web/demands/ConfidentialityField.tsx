import { Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_LEVELS } from '../../domain/demands/demand-vocabulary.js';
import type { Confidentiality } from './demand-types.js';

/** 公开 / 脱敏公开 / 不公开, each with what it means for the public monthly bulletin. */
export function ConfidentialityField({ value, onChange }: { value?: Confidentiality; onChange?: (value: Confidentiality) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as Confidentiality)} data-testid="demand-confidentiality">
      <Space orientation="vertical" size={6}>
        {CONFIDENTIALITY_LEVELS.map((level) => (
          <Radio key={level} value={level}>
            <span>{t(`demands.confidentiality.${level}`)}</span>
            <Typography.Text type="secondary" className="yq-radio-help">
              {t(`demands.confidentialityHelp.${level}`)}
            </Typography.Text>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}
