import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DemandDetail, DemandRef } from './demand-types.js';
import { DemandStatusTag } from './DemandStatusTag.js';

/** One linked demand: number, title, status. */
function refLine(r: DemandRef) {
  return (
    <span key={r.id}>
      <Link to={`/demands/${r.id}`}>
        <span className="yq-num">{r.number}</span> {r.title}
      </Link>{' '}
      <DemandStatusTag status={r.status} />
    </span>
  );
}

/** 合并: the demand this one was merged into, and the duplicates merged into it. */
export function DemandRelationsCard({ demand: d }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  if (!d.mergedInto && d.mergedFrom.length === 0) return null;
  return (
    <Card title={t('demands.detail.relations')} size="small" data-testid="demand-relations">
      <Space orientation="vertical" size={8} className="yq-block">
        {d.mergedInto && (
          <div>
            <div className="yq-muted">{t('demands.detail.mergedInto')}</div>
            {refLine(d.mergedInto)}
          </div>
        )}
        {d.mergedFrom.length > 0 && (
          <div>
            <div className="yq-muted">{t('demands.detail.mergedFrom', { n: d.mergedFrom.length })}</div>
            <Space orientation="vertical" size={4}>
              {d.mergedFrom.map(refLine)}
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}
