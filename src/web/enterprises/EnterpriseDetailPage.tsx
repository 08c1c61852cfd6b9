import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isSizeSector } from '../../domain/enterprises/size-sectors.js';
import { ApiError } from '../app/api.js';
import { formatDate, formatDateTime } from '../app/format.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import { PageHeader } from '../app/PageHeader.js';
import { QueryError } from '../app/QueryError.js';
import { isStaff, useSession } from '../app/session.js';
import { useEnterprise } from './enterprise-api.js';
import type { EnterpriseDetail } from './enterprise-types.js';
import { FiguresTable } from './FiguresTable.js';
import { industryText } from './industry.js';
import { QualificationStatus } from './QualificationStatus.js';
import { QualificationTags } from './QualificationTags.js';

type QualificationRow = EnterpriseDetail['qualifications'][number];
type ContactRow = EnterpriseDetail['contacts'][number];

/** One enterprise's file (一企一档): profile, themes, qualifications, contacts, yearly figures. */
export function EnterpriseDetailPage({ enterpriseId }: { enterpriseId?: string }) {
  const { t } = useTranslation();
  const params = useParams();
  const id = enterpriseId ?? params.id;
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useEnterprise(id);

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const e = query.data;
  const none = t('common.none');

  return (
    <Space orientation="vertical" size={16} className="yq-block">
      <PageHeader
        title={e.name}
        tags={
          <>
            {e.aboveScale && <Tag color="blue">{t('enterprise.fields.aboveScale')}</Tag>}
            {e.isDemo && <Tag>{t('enterprise.demo')}</Tag>}
          </>
        }
        extra={
          <>
            {isStaff(me) && (
              <Button
                icon={<ArrowLeftOutlined />}
                onClick={() => void (location.key === 'default' ? navigate('/enterprises') : navigate(-1))}
              >
                {t('common.back')}
              </Button>
            )}
            {e.canEdit && (
              <Link to={`/enterprises/${e.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="enterprise-edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
          </>
        }
      />

      <Card title={t('enterprise.basic')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle">
          <Descriptions.Item label={t('enterprise.fields.uscc')}>
            <Typography.Text copyable className="yq-num">
              {e.uscc}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.legalRepresentative')}>{e.legalRepresentative ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.foundedOn')}>{formatDate(e.foundedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.industry')} span={2}>
            {industryText(e.industrySection, e.industryDivision) || none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.sizeSector')}>
            {e.sizeSector && isSizeSector(e.sizeSector) ? t(`sizeSectors.${e.sizeSector}`) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.aboveScale')}>{e.aboveScale ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.cadre')}>{e.cadreName ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.leader')}>{e.leaderName ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.updatedAt')}>{formatDateTime(e.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.address')} span={3}>
            {e.address ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.description')} span={3}>
            <Typography.Paragraph className="yq-pre-line" style={{ marginBottom: 0 }}>
              {e.description ?? none}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('enterprise.themesTitle')}>
        {e.themes.length ? (
          e.themes.map((th) => (
            <Tag key={th.id} color="geekblue">
              {th.name}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('enterprise.noThemes')}</Typography.Text>
        )}
      </Card>

      <Card title={t('enterprise.qualifications.title')}>
        <Table<QualificationRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.qualifications}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.qualifications.empty')} /> }}
          columns={[
            { title: t('enterprise.qualifications.kind'), dataIndex: 'kind', render: (k: string) => <QualificationTags kinds={[k]} /> },
            { title: t('enterprise.qualifications.name'), dataIndex: 'name', render: (v: string | null) => v || none },
            { title: t('enterprise.qualifications.certificateNo'), dataIndex: 'certificateNo', render: (v: string | null) => v || none },
            { title: t('enterprise.qualifications.validFrom'), dataIndex: 'validFrom', render: formatDate },
            {
              title: t('enterprise.qualifications.validUntil'),
              dataIndex: 'validUntil',
              render: (v: string | null) => (v ? formatDate(v) : t('enterprise.qualifications.longTerm')),
            },
            {
              title: t('enterprise.qualifications.status'),
              key: 'status',
              render: (_, q) => <QualificationStatus valid={q.valid} validFrom={q.validFrom} validUntil={q.validUntil} />,
            },
          ]}
        />
      </Card>

      <Card title={t('enterprise.contacts.title')}>
        <Table<ContactRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.contacts}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.contacts.empty')} /> }}
          columns={[
            {
              title: t('enterprise.contacts.name'),
              dataIndex: 'name',
              render: (v: string, c) => (
                <Space size={4}>
                  {v}
                  {c.isPrimary && <Tag color="blue">{t('enterprise.contacts.isPrimary')}</Tag>}
                </Space>
              ),
            },
            { title: t('enterprise.contacts.jobTitle'), dataIndex: 'title', render: (v?: string | null) => v || none },
            { title: t('enterprise.contacts.phone'), dataIndex: 'phone', render: (v?: string | null) => v || none },
            { title: t('enterprise.contacts.email'), dataIndex: 'email', render: (v?: string | null) => v || none },
          ]}
        />
      </Card>

      <Card title={t('enterprise.figures.title')} extra={<Typography.Text type="secondary">{t('enterprise.figures.moneyHint')}</Typography.Text>}>
        <FiguresTable figures={e.figures} />
      </Card>
    </Space>
  );
}
