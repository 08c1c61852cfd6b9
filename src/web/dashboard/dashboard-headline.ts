import type { TFunction } from 'i18next';
import { formatRate } from '../demands/stats-format.js';
import type { Dashboard } from './dashboard-api.js';
import {
  enterprisesLink, escalationsLink, redListLink, statsLink, visitCountsLink, yearDemandsLink,
} from './dashboard-links.js';

export type HeadlineKey = keyof Dashboard['headline'];

export type HeadlineTile = {
  key: HeadlineKey;
  label: string;
  value: string;
  unit: string;
  /** The list or figures behind the number. */
  to: string;
  /** Something wants attention (overdue, escalated). */
  alert: boolean;
};

const ORDER: { key: HeadlineKey; unit: 'unitEnterprises' | 'unitItems' | 'unitVisits' | 'unitEnterpriseVisits' | null }[] = [
  { key: 'enterprises', unit: 'unitEnterprises' },
  { key: 'received', unit: 'unitItems' },
  { key: 'settled', unit: 'unitItems' },
  { key: 'onTimeRate', unit: null },
  { key: 'satisfactionRate', unit: null },
  { key: 'visits', unit: 'unitVisits' },
  { key: 'enterpriseVisits', unit: 'unitEnterpriseVisits' },
  { key: 'overdueNow', unit: 'unitItems' },
  { key: 'openEscalations', unit: 'unitItems' },
];

/** The big numbers, in the order both pages show them, each with the page behind it. */
export function headlineTiles(d: Dashboard, t: TFunction, locale: string): HeadlineTile[] {
  const n = new Intl.NumberFormat(locale);
  const links: Record<HeadlineKey, string> = {
    enterprises: enterprisesLink(),
    received: yearDemandsLink(d.yearFrom, d.today),
    settled: statsLink(d.yearFrom, d.today),
    settledOnTime: statsLink(d.yearFrom, d.today),
    onTimeRate: statsLink(d.yearFrom, d.today),
    satisfactionRate: statsLink(d.yearFrom, d.today),
    visits: visitCountsLink(d.yearFrom, d.today),
    enterpriseVisits: visitCountsLink(d.yearFrom, d.today),
    overdueNow: redListLink(),
    openEscalations: escalationsLink(),
  };
  return ORDER.map(({ key, unit }) => {
    const raw = d.headline[key];
    const rate = key === 'onTimeRate' || key === 'satisfactionRate';
    return {
      key,
      label: t(`dashboard.headline.${key as 'enterprises'}`),
      value: rate ? formatRate(raw) : n.format(raw ?? 0),
      unit: unit ? t(`dashboard.headline.${unit}`) : '',
      to: links[key],
      alert: (key === 'overdueNow' || key === 'openEscalations') && (raw ?? 0) > 0,
    };
  });
}
