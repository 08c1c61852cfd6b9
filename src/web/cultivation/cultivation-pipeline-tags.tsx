import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CultivationScheme, PipelineBand, RunStatus } from '../../contracts/cultivation.js';

/** One colour per tier, the same on every cultivation page and chart. */
export const SCHEME_COLORS: Record<CultivationScheme, string> = {
  'innovative-sme': '#1677ff',
  'specialised-sme': '#722ed1',
  'little-giant': '#fa8c16',
};
const SCHEME_TAG_COLORS: Record<CultivationScheme, string> = { 'innovative-sme': 'blue', 'specialised-sme': 'purple', 'little-giant': 'orange' };

export const BAND_COLORS: Record<PipelineBand, string> = {
  qualified: '#52c41a',
  close: '#faad14',
  far: '#bfbfbf',
  incomplete: '#8c8c8c',
};
const BAND_TAG_COLORS: Record<PipelineBand, string> = { qualified: 'success', close: 'warning', far: 'default', incomplete: 'default' };

const STATUS_COLORS: Record<RunStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** 创新型中小企业 / 专精特新中小企业 / 专精特新“小巨人”企业 (or the short words). */
export function CultivationSchemeTag({ scheme, short = false }: { scheme: CultivationScheme; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={SCHEME_TAG_COLORS[scheme]} data-testid="cultivation-scheme">
      {short ? t(`cultivationPipeline.schemesShort.${scheme}`) : t(`cultivationPipeline.schemes.${scheme}`)}
    </Tag>
  );
}

/** 达标 / 临近 / 差距较大 / 信息不全, with what it means on hover. */
export function PipelineBandTag({ band }: { band: PipelineBand }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`cultivationPipeline.bandHelp.${band}`)}>
      <Tag color={BAND_TAG_COLORS[band]} variant={band === 'incomplete' ? 'outlined' : undefined} data-testid="pipeline-band">
        {t(`cultivationPipeline.bands.${band}`)}
      </Tag>
    </Tooltip>
  );
}

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="run-status">
      {t(`cultivationPipeline.runStatuses.${status}`)}
    </Tag>
  );
}
