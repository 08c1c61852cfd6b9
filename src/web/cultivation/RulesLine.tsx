import { Typography } from 'antd';
import type { CultivationSettings, EvaluationPurpose } from '../../contracts/cultivation.js';
import type { CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { rulesFor } from '../../domain/cultivation/evaluate-cultivation.js';
import { useLanguage } from '../app/language.js';
import { cultivationConfigOf } from '../../domain/cultivation/resolve-cultivation-settings.js';

/** The rules in force for a tier on a date, e.g. 工信部企业〔2022〕63号 附件1 (2号 from 2026-04-01). */
export function RulesLine({ scheme, on, purpose, settings }: { scheme: CultivationScheme; on: string; purpose: EvaluationPurpose; settings: CultivationSettings }) {
  const [lang] = useLanguage();
  let text: string;
  try {
    const { definition } = rulesFor(scheme, on, purpose, cultivationConfigOf(settings));
    text = definition.source[lang] || definition.rulesVersion;
  } catch {
    text = '—';
  }
  return <Typography.Text data-testid="assessment-rules">{text}</Typography.Text>;
}
