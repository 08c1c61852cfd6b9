import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../app/format.js';
import { hasAnyRole, useSession } from '../app/session.js';
import type { DemandDetail } from './demand-types.js';

/** What the reader must know first: declined and why, merged into which, waiting since when, awaiting confirmation. */
export function DemandNotices({ demand: d }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const notices = [];
  if (d.status === 'declined') {
    notices.push(<Alert key="declined" type="error" showIcon title={t('demands.notices.declined')} description={d.declineReason ?? undefined} className="yq-pre-line" />);
  }
  if (d.status === 'merged' && d.mergedInto) {
    notices.push(
      <Alert
        key="merged"
        type="info"
        showIcon
        title={
          <span>
            {t('demands.notices.merged')}{' '}
            <Link to={`/demands/${d.mergedInto.id}`}>
              {d.mergedInto.number} {d.mergedInto.title}
            </Link>
          </span>
        }
      />,
    );
  }
  if (d.status === 'waiting') {
    notices.push(
      <Alert
        key="waiting"
        type="warning"
        showIcon
        title={t('demands.notices.waiting', { date: formatDate(d.waitingSince) })}
        description={me.roles.includes('enterprise') ? t('demands.notices.waitingEnterprise') : undefined}
      />,
    );
  }
  if (d.status === 'settled' && d.actions.includes('confirm')) {
    notices.push(
      <Alert
        key="confirm"
        type="success"
        showIcon
        title={t('demands.notices.toConfirm')}
        description={d.confirmBy ? t('demands.notices.toConfirmBy', { date: formatDate(d.confirmBy) }) : undefined}
      />,
    );
  }
  if (d.flagged && hasAnyRole(me, 'coordinator', 'leader', 'admin')) {
    notices.push(<Alert key="flagged" type="warning" showIcon title={t('demands.notices.flagged', { n: d.bounceCount })} />);
  }
  if (notices.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} className="yq-block">
      {notices}
    </Space>
  );
}
