import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, useSession } from '../app/session.js';
import { CountdownTag } from '../demands/CountdownTag.js';
import { DemandStatusTag } from '../demands/DemandStatusTag.js';
import { weekdayIndex } from './visit-week.js';
import { useLeaderVisitBoard, type LeaderVisitBoard } from './visit-views-api.js';

type Visit = LeaderVisitBoard['thisWeek'][number];
type Demand = LeaderVisitBoard['openDemands'][number];

const MAX_NAMES = 3;
/** Open demands listed on the home page; the rest are counted. */
const MAX_DEMANDS = 8;

function Section({ title, count, testId, children }: { title: string; count?: number; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
        {count !== undefined && count > 0 && (
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 6 }}>
            {count}
          </Typography.Text>
        )}
      </Typography.Title>
      {children}
    </div>
  );
}

function VisitLine({ visit, showLeader }: { visit: Visit; showLeader: boolean }) {
  const { t } = useTranslation();
  const names = visit.enterprises.map((e) => e.name);
  const enterprises = names.length > MAX_NAMES
    ? t('visitViews.board.moreEnterprises', { names: names.slice(0, MAX_NAMES).join(t('visits.listSeparator')), n: names.length })
    : names.join(t('visits.listSeparator'));
  return (
    <Link to={`/visits/${visit.id}`} className="yq-list-row" style={{ display: 'block', padding: '6px 0' }} data-testid="board-visit">
      <Space size={6} wrap>
        <span className="yq-num yq-nowrap" style={{ fontWeight: 600 }}>
          {t('visitViews.board.visitLabel', {
            date: visit.visitOn.slice(5),
            weekday: t(`visitViews.weekdays.d${weekdayIndex(visit.visitOn)}` as 'visitViews.weekdays.d0'),
            halfDay: t(`visitViews.halfDays.${visit.halfDay}`),
          })}
        </span>
        {showLeader && <Tag>{visit.leader.name}</Tag>}
        {visit.theme && <Tag color="geekblue">{visit.theme.name}</Tag>}
        {visit.status === 'done' && <Tag color="success">{t('visitViews.board.done')}</Tag>}
      </Space>
      <div style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{enterprises}</div>
    </Link>
  );
}

function DemandLine({ demand }: { demand: Demand }) {
  return (
    <div className="yq-list-row" style={{ padding: '6px 0' }} data-testid="board-demand">
      <Space size={6} wrap>
        <Link to={`/demands/${demand.id}`} className="yq-num yq-nowrap">
          {demand.number}
        </Link>
        <Link to={`/demands/${demand.id}`}>{demand.title}</Link>
      </Space>
      <div>
        <Space size={4} wrap>
          <Typography.Text type="secondary">{demand.enterpriseName}</Typography.Text>
          <DemandStatusTag status={demand.status} />
          <CountdownTag countdown={demand.countdown} status={demand.status} />
        </Space>
      </div>
    </div>
  );
}

/**
 * The home page's block for leaders (and the coordinator, who sees every leader's): this week's
 * visits, next week's plan, and the open demands from their visits. Nothing for anyone else.
 */
export function LeaderVisitBoardCard() {
  const { t } = useTranslation();
  const me = useSession();
  const allowed = hasAnyRole(me, 'leader', 'coordinator');
  const all = hasAnyRole(me, 'coordinator');
  const board = useLeaderVisitBoard(allowed);
  if (!allowed) return null;
  const b = board.data;
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ margin: '8px 0' }} />;
  const visits = (list: Visit[] | undefined) =>
    list && list.length > 0 ? list.map((v) => <VisitLine key={v.id} visit={v} showLeader={all} />) : empty(t('visitViews.board.noVisits'));

  return (
    <Card
      title={all ? t('visitViews.board.titleAll') : t('visitViews.board.title')}
      loading={board.isPending}
      extra={
        <Link to="/visits">
          <Button size="small">{t('visitViews.board.planLink')}</Button>
        </Link>
      }
      data-testid="home-visit-board"
    >
      {board.error ? (
        <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12} xl={7}>
            <Section title={t('visitViews.board.thisWeek')} count={b?.thisWeek.length} testId="board-this-week">
              {visits(b?.thisWeek)}
            </Section>
          </Col>
          <Col xs={24} md={12} xl={7}>
            <Section title={t('visitViews.board.nextWeek')} count={b?.nextWeek.length} testId="board-next-week">
              {visits(b?.nextWeek)}
            </Section>
          </Col>
          <Col xs={24} xl={10}>
            <Section title={all ? t('visitViews.board.openDemandsAll') : t('visitViews.board.openDemands')} count={b?.openDemands.length} testId="board-demands">
              {b && b.openDemands.length > 0 ? b.openDemands.slice(0, MAX_DEMANDS).map((d) => <DemandLine key={d.id} demand={d} />) : empty(t('visitViews.board.noDemands'))}
              {b && b.openDemands.length > MAX_DEMANDS && (
                <Typography.Text type="secondary">{t('visitViews.board.moreDemands', { n: b.openDemands.length - MAX_DEMANDS })}</Typography.Text>
              )}
            </Section>
          </Col>
        </Row>
      )}
    </Card>
  );
}
