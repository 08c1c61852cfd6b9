import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CultivationSettings } from '../../contracts/cultivation.js';
import {
  HONOURS,
  PRODUCT_FIELDS_2022,
  QUALITATIVE_CLAIMS,
  QUALITY_ITEMS,
  SCOPE_ISSUES,
  type CultivationProfile,
} from '../../domain/cultivation/cultivation-profile.js';
import { useLanguage } from '../app/language.js';
import { formatPercent, formatWan } from './evaluation-format.js';
import { FIELD_UNITS, GROUP_ORDER, labelKey, type FieldGroup } from './profile-fields.js';
import './cultivation.css';

type Listed = readonly { key: string; zh: string; en: string }[];

const ROWS: Record<FieldGroup, string[]> = {
  basic: ['sector', 'employees', 'rdStaff', 'techStaff', 'yearsRegistered', 'yearsInNiche'],
  // the three years' revenue, main-business revenue and R&D expense are the table above these
  operations: ['totalAssets', 'totalLiabilities', 'netProfit', 'equityFinancingLast2Years', 'equityFinancingLast3Years'],
  innovation: [
    'ip.class1HighValue', 'ip.class1SelfDeveloped', 'ip.class1', 'ip.class2', 'rdInstitutionLevel',
    'scienceAward.level', 'scienceAward.rank', 'scienceAward.year', 'highTechRevenueShare', 'rdInChinaShare', 'coreTechInSupportedField', 'innovationScore',
  ],
  honours: ['honours', 'makerChina', 'digitalisationLevel', 'qualityItems', 'developmentScore', 'developmentScorePreviousYear'],
  market: ['strategicEmergingIndustry', 'productField2022', 'nicheMarketShare', 'nicheMarketRank', 'qualitativeClaims', 'provincialPoints'],
  declaration: ['scopeIssues'],
};

const LISTS: Record<string, Listed> = { honours: HONOURS, qualityItems: QUALITY_ITEMS, qualitativeClaims: QUALITATIVE_CLAIMS, scopeIssues: SCOPE_ISSUES };

function read(profile: CultivationProfile, path: string): unknown {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const v = (profile as Record<string, unknown>)[head];
  if (tail === undefined) return v;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[tail] : undefined;
}

/** The profile as submitted, read-only, in the same six groups and units as the form. */
export function ProfileView({
  profile,
  priorYear,
  settings,
}: {
  profile: CultivationProfile;
  /** the fiscal year of the plain figures */
  priorYear: number;
  settings?: Pick<CultivationSettings, 'provincialIndicators'>;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const notReported = <Typography.Text type="secondary">{t('common.notReported')}</Typography.Text>;

  const show = (path: string): ReactNode => {
    const v = read(profile, path);
    const key = labelKey(path);
    if (v === undefined || v === null) return notReported;
    const list = LISTS[path];
    if (list) {
      const keys = v as string[];
      if (keys.length === 0) return <Typography.Text type="secondary">{t('cultivation.detail.noneDeclared')}</Typography.Text>;
      return (
        <ul className="yq-cf-view-list">
          {keys.map((k) => (
            <li key={k}>{list.find((o) => o.key === k)?.[lang] ?? k}</li>
          ))}
        </ul>
      );
    }
    if (path === 'provincialPoints') {
      const points = v as Record<string, number>;
      return Object.entries(points)
        .map(([k, p]) => `${settings?.provincialIndicators.find((i) => i.key === k)?.label[lang] ?? k}：${p} ${t('cultivation.units.points')}`)
        .join('；');
    }
    if (typeof v === 'boolean') return v ? t('cultivation.options.yes') : t('cultivation.options.no');
    if (path === 'sector') return t(`sizeSectors.${v as 'industry'}`);
    if (path === 'productField2022') return PRODUCT_FIELDS_2022.find((f) => f.key === v)?.[lang] ?? String(v);
    if (path === 'rdInstitutionLevel') return t(`cultivation.options.rdInstitution.${v as 'none'}`);
    if (path === 'scienceAward.level') return t(`cultivation.options.scienceAward.${v as 'none'}`);
    if (path === 'makerChina') return t(`cultivation.options.makerChina.${v as 'none'}`);
    if (path === 'digitalisationLevel') return t(`cultivation.options.digitalisation.l${v as 1}`);
    if (typeof v !== 'number') return String(v);
    const unit = FIELD_UNITS[key];
    if (unit === 'wan') return <span className="yq-num">{`${formatWan(v)} ${t('cultivation.units.wan')}`}</span>;
    if (unit === 'percent') return <span className="yq-num">{formatPercent(v)}</span>;
    if (unit === 'rank') return <span className="yq-num">{t('cultivation.rankValue', { n: v })}</span>;
    return <span className="yq-num">{unit && unit !== 'year' ? `${v} ${t(`cultivation.units.${unit}`)}` : String(v)}</span>;
  };

  return (
    <Space orientation="vertical" size={16} className="yq-block" data-testid="assessment-profile">
      {GROUP_ORDER.map((group) => (
        <Card key={group} size="small" title={t(`cultivation.groups.${group}`)}>
          {group === 'operations' && <YearsView priorYear={priorYear} show={show} />}
          <Descriptions
            size="small"
            column={{ xs: 1, md: group === 'basic' || group === 'operations' ? 2 : 1 }}
            items={ROWS[group].map((path) => ({ key: path, label: t(`cultivation.fields.${labelKey(path)}`), children: show(path) }))}
          />
        </Card>
      ))}
    </Space>
  );
}

const YEAR_ROWS = [
  ['revenue', 'revenue', 'revenuePreviousYear', 'revenueYearBeforePrevious'],
  ['mainBusinessRevenue', 'mainBusinessRevenue', 'mainBusinessRevenuePreviousYear', 'mainBusinessRevenueYearBeforePrevious'],
  ['rdExpense', 'rdExpense', 'rdExpensePreviousYear', 'rdExpenseYearBeforePrevious'],
] as const;

/** 近三年: the same table of years as the form. */
function YearsView({ priorYear, show }: { priorYear: number; show: (path: string) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="yq-cf-years yq-cf-years-view" data-testid="assessment-years">
      <thead>
        <tr>
          <th>{t('cultivation.units.wan')}</th>
          <th>{t('cultivation.years.prior', { year: priorYear })}</th>
          <th>{t('cultivation.years.previous', { year: priorYear - 1 })}</th>
          <th>{t('cultivation.years.beforePrevious', { year: priorYear - 2 })}</th>
        </tr>
      </thead>
      <tbody>
        {YEAR_ROWS.map(([label, ...paths]) => (
          <tr key={label}>
            <th scope="row">{t(`cultivation.fields.${label}`)}</th>
            {paths.map((p) => (
              <td key={p}>{show(p)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
