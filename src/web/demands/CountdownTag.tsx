import { PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandCountdown, DemandStatus } from './demand-types.js';

const COLORS = { green: 'success', amber: 'warning', red: 'error' } as const;

/**
 * Working days to the deadline, as the server counted them on the zone's calendar:
 * green "剩3个工作日", amber "今日到期" / "剩1个工作日", red "超期2个工作日".
 * While the demand waits for the enterprise the clock stands still.
 */
export function CountdownTag({ countdown, status }: { countdown: DemandCountdown | null; status: DemandStatus }) {
  const { t } = useTranslation();
  if (status === 'waiting') {
    return (
      <Tooltip title={t('demands.countdown.pausedHelp')}>
        <Tag icon={<PauseCircleOutlined />} className="yq-nowrap">
          {t('demands.countdown.paused')}
        </Tag>
      </Tooltip>
    );
  }
  if (!countdown) return null;
  const { workingDaysLeft: n, overdue, tone } = countdown;
  const text = overdue
    ? t('demands.countdown.overdue', { n: Math.abs(n) })
    : n === 0
      ? t('demands.countdown.today')
      : t('demands.countdown.left', { n });
  return (
    <Tag color={COLORS[tone]} className="yq-nowrap" data-testid="demand-countdown">
      {text}
    </Tag>
  );
}
