import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Pagination, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { QueryError } from '../app/QueryError.js';
import { usePublicBulletin, usePublicBulletinList, usePublicZone, type PublicBulletinSummary } from './bulletin-api.js';
import { formatMonth } from './bulletin-format.js';
import { PublicShell } from './PublicShell.js';

const PAGE_SIZE = 12;

/** The newest published version of the same month on this page, which a superseded one links to. */
function correctedBy(item: PublicBulletinSummary, items: PublicBulletinSummary[]): PublicBulletinSummary | undefined {
  return items.filter((b) => b.month === item.month && b.version > item.version).sort((a, b) => b.version - a.version)[0];
}

/** 月通报 for the public (no login): every published bulletin, newest first; corrected ones marked and linked onward. */
export function PublicBulletinListPage() {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { zone, link } = usePublicZone();
  const list = usePublicBulletinList({ zone, page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  // The zone's name comes with each bulletin; the list may carry it too.
  const newest = usePublicBulletin(list.data && !list.data.zoneName ? items[0]?.id : undefined, zone);
  const zoneName = list.data?.zoneName ?? newest.data?.content.zoneName;

  return (
    <PublicShell zoneName={zoneName}>
      <div className="yq-public-hero">
        <h1>{t('bulletins.public.title')}</h1>
        <div className="yq-bulletin-asof">{t('bulletins.public.intro')}</div>
      </div>
      <QueryError error={list.error} onRetry={() => void list.refetch()} />
      <Card styles={{ body: { padding: 0 } }} data-testid="public-bulletin-list">
        {list.isPending && <Skeleton active style={{ padding: 20 }} />}
        {list.data && items.length === 0 && <Empty style={{ padding: 32 }} description={t('bulletins.public.empty')} />}
        {items.map((b) => {
          const next = b.superseded ? correctedBy(b, items) : undefined;
          return (
            <div key={b.id} className="yq-public-item" data-testid="public-bulletin-item">
              <Link to={link(`/public/bulletins/${b.id}`)} className="yq-public-item-link">
                <div className="yq-public-item-title">{b.title}</div>
                <div className="yq-public-item-meta">
                  <span>{formatMonth(b.month, lang)}</span>
                  {b.version > 1 && <Tag color="blue">{t('bulletins.public.correctedVersion')}</Tag>}
                  {b.superseded && <Tag color="orange">{t('bulletins.public.corrected')}</Tag>}
                  <span>{t('bulletins.public.publishedAt', { time: formatDateTime(b.publishedAt) })}</span>
                </div>
                <RightOutlined className="yq-public-item-arrow" />
              </Link>
              {b.superseded && (
                <Link to={link(`/public/bulletins/${next?.id ?? b.id}`)} className="yq-public-item-next" data-testid="public-bulletin-corrected-link">
                  {t('bulletins.public.viewCorrected')}
                </Link>
              )}
            </div>
          );
        })}
      </Card>
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'center' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          onChange={(p) => setParams({ ...(zone ? { zone } : {}), ...(p > 1 ? { page: String(p) } : {}) })}
        />
      )}
    </PublicShell>
  );
}
