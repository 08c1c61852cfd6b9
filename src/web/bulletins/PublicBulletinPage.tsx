import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../app/api.js';
import { formatDate } from '../app/format.js';
import { QueryError } from '../app/QueryError.js';
import { usePublicBulletin, usePublicZone, type PublicBulletin } from './bulletin-api.js';
import { BulletinContentView } from './BulletinContentView.js';
import { PublicShell } from './PublicShell.js';

/** One published bulletin for the public (no login), with its other versions when it was corrected. */
export function PublicBulletinPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { zone, link } = usePublicZone();
  const query = usePublicBulletin(id, zone);
  const b = query.data;

  const back = (
    <div className="yq-public-back" style={{ marginBottom: 12 }}>
      <Link to={link('/public/bulletins')} data-testid="public-back">
        <ArrowLeftOutlined /> {t('bulletins.public.back')}
      </Link>
    </div>
  );

  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <PublicShell zoneName={undefined}>
        <Result
          status="404"
          title={t('bulletins.public.notFound')}
          subTitle={t('bulletins.public.notFoundText')}
          extra={
            <Link to={link('/public/bulletins')}>
              <Button type="primary">{t('bulletins.public.back')}</Button>
            </Link>
          }
        />
      </PublicShell>
    );

  return (
    <PublicShell zoneName={b?.content.zoneName} pageTitle={b?.title}>
      {back}
      {query.error && !b && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!b && !query.error && <Skeleton active paragraph={{ rows: 16 }} />}
      {b && (
        <>
          <Versions bulletin={b} link={link} />
          <BulletinContentView content={b.content} />
        </>
      )}
    </PublicShell>
  );
}

/** 已更正: the notice and the way to the latest version; and the list of the month's versions. */
function Versions({ bulletin: b, link }: { bulletin: PublicBulletin; link: (path: string) => string }) {
  const { t } = useTranslation();
  // The server sends only the OTHER versions of the month; the one on screen comes from the page itself.
  const others = b.versions.filter((v) => v.id !== b.id);
  const versions = [...others, { id: b.id, version: b.version, publishedAt: b.publishedAt, superseded: b.superseded }].sort(
    (x, y) => y.version - x.version,
  );
  const latest = versions.find((v) => !v.superseded);
  return (
    <>
      {b.superseded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="public-superseded"
          title={t('bulletins.public.supersededNotice')}
          description={t('bulletins.public.supersededText')}
          action={
            latest &&
            latest.id !== b.id && (
              <Link to={link(`/public/bulletins/${latest.id}`)} data-testid="public-latest-link">
                <Button size="small" type="primary">
                  {t('bulletins.public.viewCorrected')}
                </Button>
              </Link>
            )
          }
        />
      )}
      {others.length > 0 && (
        <div className="yq-public-versions" data-testid="public-versions">
          <span>{t('bulletins.public.versions')}</span>
          {versions.map((v) =>
            v.id === b.id ? (
              <Tag key={v.id} color="blue" data-testid="public-version-current">
                {t('bulletins.version', { version: v.version })} · {formatDate(v.publishedAt)} · {t('bulletins.public.current')}
              </Tag>
            ) : (
              <Link key={v.id} to={link(`/public/bulletins/${v.id}`)}>
                <Tag>
                  {t('bulletins.version', { version: v.version })} · {formatDate(v.publishedAt)}
                  {v.superseded ? ` · ${t('bulletins.public.corrected')}` : ` · ${t('bulletins.public.latest')}`}
                </Tag>
              </Link>
            ),
          )}
        </div>
      )}
    </>
  );
}
