import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinStatus } from './bulletin-api.js';

const COLORS: Record<BulletinStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  published: 'success',
  superseded: 'orange',
};

/** 草稿 / 审核中 / 已审核 / 已发布 / 已更正. */
export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="bulletin-status">
      {t(`bulletins.statuses.${status}`)}
    </Tag>
  );
}
