import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of a page: title (and optional subtitle) on the left, actions on the right. */
export function PageHeader({ title, subTitle, extra, tags }: { title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; tags?: ReactNode }) {
  return (
    <div className="yq-page-header">
      <div className="yq-page-header-main">
        <Typography.Title level={4} className="yq-page-title">
          {title}
        </Typography.Title>
        {tags}
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </div>
      {extra && <div className="yq-page-header-extra">{extra}</div>}
    </div>
  );
}
