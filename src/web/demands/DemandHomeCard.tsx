import { Button, Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, useSession } from '../app/session.js';
import { canSubmitDemand } from './demand-access.js';
import { DemandCountTile, type Tile } from './DemandCountTile.js';

/** The home page's demand block: the user's queues with their counts, each a link. */
export function DemandHomeCard() {
  const { t } = useTranslation();
  const me = useSession();
  const tiles: Tile[] = [];
  if (hasAnyRole(me, 'coordinator')) {
    tiles.push(
      { key: 'submitted', label: t('demands.list.tabs.submitted'), to: '/demands?status=submitted', params: { status: 'submitted' } },
      { key: 'accepted', label: t('demands.list.tabs.accepted'), to: '/demands?status=accepted', params: { status: 'accepted' } },
      { key: 'ext', label: t('demands.list.tabs.pendingExtension'), to: '/demands?pendingExtension=true', params: { pendingExtension: true } },
    );
  }
  if (hasAnyRole(me, 'coordinator', 'leader', 'admin')) {
    tiles.push(
      { key: 'overdue', label: t('demands.list.tabs.overdue'), to: '/demands/escalations?tab=overdue', params: { overdue: true }, danger: true },
      { key: 'escalated', label: t('demands.home.escalated'), to: '/demands/escalations', params: { escalated: true, status: 'open' } },
    );
  } else if (hasAnyRole(me, 'department')) {
    tiles.push(
      { key: 'assigned', label: t('demands.queue.tabs.assigned'), to: '/demands/queue', params: { status: 'assigned' } },
      { key: 'progress', label: t('demands.queue.tabs.in_progress'), to: '/demands/queue?tab=in_progress', params: { status: 'in_progress' } },
      { key: 'waiting', label: t('demands.queue.tabs.waiting'), to: '/demands/queue?tab=waiting', params: { status: 'waiting' } },
      { key: 'overdue', label: t('demands.list.tabs.overdue'), to: '/demands/queue?tab=in_progress&overdue=true', params: { overdue: true }, danger: true },
    );
  } else if (hasAnyRole(me, 'cadre')) {
    tiles.push({ key: 'open', label: t('demands.home.open'), to: '/demands?status=open', params: { status: 'open' } });
  } else if (me.roles.includes('enterprise') && me.enterpriseId) {
    tiles.push(
      { key: 'open', label: t('demands.my.tabs.open'), to: '/my-demands', params: { status: 'submitted,accepted,assigned,in_progress,waiting' } },
      { key: 'confirm', label: t('demands.my.tabs.toConfirm'), to: '/my-demands?tab=toConfirm', params: { status: 'settled' } },
    );
  }
  if (tiles.length === 0) return null;
  return (
    <Card
      title={t('demands.home.title')}
      extra={
        canSubmitDemand(me) && (
          <Link to="/demands/new">
            <Button type="primary" size="small">
              {me.roles.includes('enterprise') ? t('nav.submitDemand') : t('demands.list.register')}
            </Button>
          </Link>
        )
      }
      data-testid="home-demands"
    >
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} sm={8} lg={4}>
            <DemandCountTile tile={tile} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
