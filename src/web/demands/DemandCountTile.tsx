import { Statistic } from 'antd';
import { Link } from 'react-router';
import type { QueryParams } from '../app/api.js';
import { useDemandCount } from './demand-api.js';

export type Tile = { key: string; label: string; to: string; params: QueryParams; danger?: boolean };

/** A count of demands that links to the list it counts. */
export function DemandCountTile({ tile }: { tile: Tile }) {
  const count = useDemandCount(tile.params);
  const n = count.data;
  return (
    <Link to={tile.to} className="yq-count-tile" data-testid={`home-demands-${tile.key}`}>
      <Statistic
        title={tile.label}
        value={n ?? '—'}
        loading={count.isPending && !count.error}
        styles={tile.danger && (n ?? 0) > 0 ? { content: { color: '#cf1322' } } : undefined}
      />
    </Link>
  );
}
