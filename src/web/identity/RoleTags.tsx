import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/identity/roles.js';

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  leader: 'volcano',
  coordinator: 'geekblue',
  department: 'blue',
  cadre: 'cyan',
  enterprise: 'green',
  approval: 'purple',
  industry: 'gold',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </>
  );
}
