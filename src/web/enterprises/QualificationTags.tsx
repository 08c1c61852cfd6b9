import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isQualificationKind, type QualificationKind } from '../../domain/enterprises/qualification-kinds.js';

export const QUALIFICATION_COLORS: Record<QualificationKind, string> = {
  'high-tech': 'blue',
  'tech-sme': 'cyan',
  'innovative-sme': 'green',
  'specialised-sme': 'gold',
  'little-giant': 'volcano',
  'manufacturing-champion': 'magenta',
  other: 'default',
};

export function QualificationTags({ kinds }: { kinds: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {[...new Set(kinds)].map((k) =>
        isQualificationKind(k) ? (
          <Tag key={k} color={QUALIFICATION_COLORS[k]}>
            {t(`qualificationKinds.${k}`)}
          </Tag>
        ) : (
          <Tag key={k}>{k}</Tag>
        ),
      )}
    </>
  );
}
