import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandStatus } from './demand-types.js';

const COLORS: Record<DemandStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  waiting: 'orange',
  settled: 'lime',
  closed: 'success',
  declined: 'default',
  merged: 'default',
};

/** The status of a demand as a coloured tag (待受理, 办理中, 已办结 …). */
export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} className="yq-status-tag" data-testid="demand-status">
      {t(`demands.statuses.${status}`)}
    </Tag>
  );
}
