import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from './visit-api.js';

const COLORS: Record<VisitStatus, string> = { planned: 'processing', done: 'success', cancelled: 'default' };

/** 已计划 (blue) / 已走访 (green) / 已取消 (grey). */
export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} className="yq-status-tag" data-testid="visit-status">
      {t(`visits.statuses.${status}`)}
    </Tag>
  );
}
