import { Space } from 'antd';
import { formatDate } from '../app/format.js';
import { CountdownTag } from './CountdownTag.js';
import type { DemandSummary } from './demand-types.js';
import { ProvisionalTag } from './ProvisionalTag.js';

/** 办结时限 in a table: the day, the countdown and the provisional mark. */
export function DeadlineCell({ demand }: { demand: Pick<DemandSummary, 'dueOn' | 'countdown' | 'status' | 'provisional'> }) {
  if (!demand.dueOn) return <span className="yq-muted">—</span>;
  return (
    <Space size={4} wrap className="yq-deadline">
      <span className="yq-num yq-nowrap">{formatDate(demand.dueOn)}</span>
      <CountdownTag countdown={demand.countdown} status={demand.status} />
      {demand.provisional && <ProvisionalTag />}
    </Space>
  );
}
