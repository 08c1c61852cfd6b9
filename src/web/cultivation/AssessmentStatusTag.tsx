import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationOutcome } from '../../contracts/cultivation.js';
import type { AssessmentStatus } from './cultivation-api.js';

const STATUS_COLORS: Record<AssessmentStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  returned: 'warning',
};

/** 草稿 / 待审核 / 已通过 / 已退回. */
export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="assessment-status">
      {t(`cultivation.statuses.${status}`)}
    </Tag>
  );
}

const OUTCOME_COLORS: Record<EvaluationOutcome, string> = {
  qualified: 'success',
  'not-qualified': 'error',
  incomplete: 'warning',
};

/** 符合条件 / 不符合条件 / 信息不全. */
export function OutcomeTag({ outcome }: { outcome: EvaluationOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-testid="evaluation-outcome">
      {t(`cultivation.outcomes.${outcome}`)}
    </Tag>
  );
}
