import { Card, Checkbox, Col, Form, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { createContext, memo, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CultivationSettings } from '../../contracts/cultivation.js';
import {
  HONOURS,
  PRODUCT_FIELDS_2022,
  QUALITATIVE_CLAIMS,
  QUALITY_ITEMS,
  SCOPE_ISSUES,
} from '../../domain/cultivation/cultivation-profile.js';
import { SIZE_SECTORS } from '../../domain/enterprises/size-sectors.js';
import { useLanguage } from '../app/language.js';
import { FIELD_UNITS, labelKey, type FieldGroup, type FieldLabelKey } from './profile-fields.js';

/** Profile paths the current evaluation reports as missing: their labels carry a 待填 tag. */
const MissingContext = createContext<ReadonlySet<string>>(new Set());

const WAN_MAX = 1e10;
const COUNT_MAX = 10_000_000;
const HINTED = [
  'yearsInNiche', 'equityFinancingLast2Years', 'equityFinancingLast3Years', 'ip_class1HighValue', 'ip_class1', 'ip_class2',
  'scienceAward_rank', 'nicheMarketShare', 'innovationScore', 'developmentScore', 'provincialPoints',
] as const satisfies readonly FieldLabelKey[];
type HintedKey = (typeof HINTED)[number];
const isHinted = (key: string): key is HintedKey => (HINTED as readonly string[]).includes(key);

function useFieldLabel(path: string): { label: ReactNode; tooltip?: string; text: string } {
  const { t } = useTranslation();
  const missing = useContext(MissingContext);
  const key = labelKey(path);
  const text = t(`cultivation.fields.${key}`);
  const isMissing = missing.has(path) || (path.includes('.') && missing.has(path.slice(0, path.indexOf('.'))));
  const label = (
    <span className="yq-cf-label">
      {text}
      {isMissing && (
        <Tag color="warning" className="yq-cf-missing" title={t('cultivation.form.missingHint')}>
          {t('cultivation.form.missingTag')}
        </Tag>
      )}
    </span>
  );
  const tooltip = isHinted(key) ? t(`cultivation.fieldHints.${key}`) : undefined;
  return { label, tooltip, text };
}

const namePath = (path: string) => path.split('.');
const testId = (path: string) => `cf-${path.replace('.', '-')}`;

/** A number typed in the field's unit, with the unit shown beside it; empty = not reported. */
function NumberField({ path, min = 0, max, precision, bare }: { path: string; min?: number; max?: number; precision?: number; bare?: boolean }) {
  const { t } = useTranslation();
  const { label, tooltip, text } = useFieldLabel(path);
  const unit = FIELD_UNITS[labelKey(path)];
  const upper = max ?? (unit === 'wan' ? WAN_MAX : unit === 'percent' ? 100 : COUNT_MAX);
  const whole = unit === 'persons' || unit === 'count' || unit === 'rank' || unit === 'year';
  return (
    <Form.Item name={namePath(path)} label={bare ? undefined : label} tooltip={bare ? undefined : tooltip} className={bare ? 'yq-cf-bare' : undefined}>
      <InputNumber
        className="yq-block"
        min={min}
        max={upper}
        precision={precision ?? (whole ? 0 : undefined)}
        suffix={unit ? t(`cultivation.units.${unit}`) : undefined}
        placeholder={t('common.notReported')}
        aria-label={text}
        data-testid={testId(path)}
      />
    </Form.Item>
  );
}

/** 是 / 否 / 未填写: a declaration that may be left open. */
function YesNoField({ path }: { path: string }) {
  const { t } = useTranslation();
  const { label, tooltip, text } = useFieldLabel(path);
  return (
    <Form.Item name={namePath(path)} label={label} tooltip={tooltip}>
      <Select
        allowClear
        placeholder={t('cultivation.options.notDeclared')}
        aria-label={text}
        data-testid={testId(path)}
        options={[
          { value: true, label: t('cultivation.options.yes') },
          { value: false, label: t('cultivation.options.no') },
        ]}
      />
    </Form.Item>
  );
}

function SelectField({ path, options }: { path: string; options: { value: string | number; label: string }[] }) {
  const { t } = useTranslation();
  const { label, tooltip, text } = useFieldLabel(path);
  return (
    <Form.Item name={namePath(path)} label={label} tooltip={tooltip}>
      <Select allowClear placeholder={t('cultivation.options.notDeclared')} aria-label={text} data-testid={testId(path)} options={options} />
    </Form.Item>
  );
}

function ChecksField({ path, options }: { path: string; options: readonly { key: string; zh: string; en: string }[] }) {
  const [lang] = useLanguage();
  const { label, tooltip } = useFieldLabel(path);
  return (
    <Form.Item name={namePath(path)} label={label} tooltip={tooltip}>
      <Checkbox.Group className="yq-cf-checks" data-testid={testId(path)}>
        {options.map((o) => (
          <Checkbox key={o.key} value={o.key}>
            {o[lang]}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}

function Group({ group, children, extra }: { group: FieldGroup; children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const hint = group === 'operations' || group === 'honours' || group === 'declaration' ? t(`cultivation.groupHints.${group}`) : null;
  return (
    <Card size="small" title={t(`cultivation.groups.${group}`)} id={`cf-group-${group}`} className="yq-cf-group" data-testid={`cf-group-${group}`} extra={extra}>
      {hint && (
        <Typography.Paragraph type="secondary" className="yq-cf-group-hint">
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 12, xl: 8 };

/** 近三年: revenue, main-business revenue and R&D expense as a table of years. */
function YearsTable({ priorYear }: { priorYear: number }) {
  const { t } = useTranslation();
  const rows: [FieldLabelKey, string, string, string][] = [
    ['revenue', 'revenue', 'revenuePreviousYear', 'revenueYearBeforePrevious'],
    ['mainBusinessRevenue', 'mainBusinessRevenue', 'mainBusinessRevenuePreviousYear', 'mainBusinessRevenueYearBeforePrevious'],
    ['rdExpense', 'rdExpense', 'rdExpensePreviousYear', 'rdExpenseYearBeforePrevious'],
  ];
  return (
    <table className="yq-cf-years" data-testid="cf-years">
      <thead>
        <tr>
          <th>{t('cultivation.units.wan')}</th>
          <th>{t('cultivation.years.prior', { year: priorYear })}</th>
          <th>{t('cultivation.years.previous', { year: priorYear - 1 })}</th>
          <th>{t('cultivation.years.beforePrevious', { year: priorYear - 2 })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...paths]) => (
          <tr key={label}>
            <th scope="row">
              <YearRowLabel paths={paths} label={t(`cultivation.fields.${label}`)} />
            </th>
            {paths.map((p) => (
              <td key={p}>
                <NumberField path={p} bare />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function YearRowLabel({ paths, label }: { paths: string[]; label: string }) {
  const { t } = useTranslation();
  const missing = useContext(MissingContext);
  return (
    <span className="yq-cf-label">
      {label}
      {paths.some((p) => missing.has(p)) && (
        <Tag color="warning" className="yq-cf-missing" title={t('cultivation.form.missingHint')}>
          {t('cultivation.form.missingTag')}
        </Tag>
      )}
    </span>
  );
}

/**
 * The self-assessment's fields in the six groups (基本信息 … 声明), each with its unit. Lives
 * inside the caller's <Form>; the field names are the profile's paths.
 */
export const ProfileForm = memo(function ProfileForm({
  priorYear,
  settings,
  missing,
}: {
  priorYear: number;
  settings: Pick<CultivationSettings, 'provincialIndicators'>;
  missing: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const levelOptions = (group: 'rdInstitution' | 'scienceAward' | 'makerChina', keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: t(`cultivation.options.${group}.${k}` as 'cultivation.options.rdInstitution.none') }));

  return (
    <MissingContext.Provider value={missing}>
      <div className="yq-cf-groups">
        <Group group="basic">
          <Row gutter={16}>
            <Col {...half}>
              <SelectField
                path="sector"
                options={SIZE_SECTORS.map((s) => ({ value: s.key, label: t(`sizeSectors.${s.key}`) }))}
              />
            </Col>
            <Col {...half}>
              <NumberField path="yearsInNiche" max={200} />
            </Col>
            <Col {...third}>
              <NumberField path="employees" />
            </Col>
            <Col {...third}>
              <NumberField path="rdStaff" />
            </Col>
            <Col {...third}>
              <NumberField path="techStaff" />
            </Col>
            <Col {...third}>
              <NumberField path="yearsRegistered" max={200} />
            </Col>
          </Row>
        </Group>

        <Group group="operations">
          <YearsTable priorYear={priorYear} />
          <Row gutter={16}>
            <Col {...third}>
              <NumberField path="totalAssets" />
            </Col>
            <Col {...third}>
              <NumberField path="totalLiabilities" />
            </Col>
            <Col {...third}>
              <NumberField path="netProfit" min={-WAN_MAX} />
            </Col>
            <Col {...half}>
              <NumberField path="equityFinancingLast2Years" />
            </Col>
            <Col {...half}>
              <NumberField path="equityFinancingLast3Years" />
            </Col>
          </Row>
        </Group>

        <Group group="innovation">
          <Row gutter={16}>
            <Col {...half}>
              <NumberField path="ip.class1HighValue" />
            </Col>
            <Col {...half}>
              <NumberField path="ip.class1SelfDeveloped" />
            </Col>
            <Col {...half}>
              <NumberField path="ip.class1" />
            </Col>
            <Col {...half}>
              <NumberField path="ip.class2" />
            </Col>
            <Col {...half}>
              <SelectField path="rdInstitutionLevel" options={levelOptions('rdInstitution', ['none', 'below-municipal', 'municipal', 'provincial', 'national'])} />
            </Col>
            <Col {...half}>
              <SelectField path="scienceAward.level" options={levelOptions('scienceAward', ['none', 'provincial', 'national'])} />
            </Col>
            <Col {...half}>
              <NumberField path="scienceAward.rank" min={1} max={1000} />
            </Col>
            <Col {...half}>
              <NumberField path="scienceAward.year" min={1990} max={2100} />
            </Col>
            <Col {...half}>
              <NumberField path="highTechRevenueShare" />
            </Col>
            <Col {...half}>
              <NumberField path="rdInChinaShare" />
            </Col>
            <Col {...half}>
              <YesNoField path="coreTechInSupportedField" />
            </Col>
            <Col {...half}>
              <NumberField path="innovationScore" max={100} />
            </Col>
          </Row>
        </Group>

        <Group group="honours">
          <ChecksField path="honours" options={HONOURS} />
          <Row gutter={16}>
            <Col {...half}>
              <SelectField path="makerChina" options={levelOptions('makerChina', ['none', 'national-top500', 'national-top50'])} />
            </Col>
            <Col {...half}>
              <SelectField
                path="digitalisationLevel"
                options={([1, 2, 3, 4] as const).map((l) => ({ value: l, label: t(`cultivation.options.digitalisation.l${l}`) }))}
              />
            </Col>
            <Col {...half}>
              <NumberField path="developmentScore" max={100} />
            </Col>
            <Col {...half}>
              <NumberField path="developmentScorePreviousYear" max={100} />
            </Col>
          </Row>
          <ChecksField path="qualityItems" options={QUALITY_ITEMS} />
        </Group>

        <Group group="market">
          <Row gutter={16}>
            <Col {...half}>
              <YesNoField path="strategicEmergingIndustry" />
            </Col>
            <Col {...half}>
              <SelectField path="productField2022" options={PRODUCT_FIELDS_2022.map((f) => ({ value: f.key, label: f[lang] }))} />
            </Col>
            <Col {...half}>
              <NumberField path="nicheMarketShare" />
            </Col>
            <Col {...half}>
              <NumberField path="nicheMarketRank" min={1} />
            </Col>
          </Row>
          <ChecksField path="qualitativeClaims" options={QUALITATIVE_CLAIMS} />
          <ProvincialPoints indicators={settings.provincialIndicators} />
        </Group>

        <Group group="declaration">
          <ChecksField path="scopeIssues" options={SCOPE_ISSUES} />
        </Group>
      </div>
    </MissingContext.Provider>
  );
});

/** 特色化指标 (2022 专精特新, 15 points): one score per indicator the zone configured. */
function ProvincialPoints({ indicators }: { indicators: CultivationSettings['provincialIndicators'] }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { label, tooltip } = useFieldLabel('provincialPoints');
  return (
    <Form.Item label={label} tooltip={tooltip} className="yq-cf-provincial">
      <Row gutter={16}>
        {indicators.map((ind) => (
          <Col key={ind.key} {...half}>
            <Form.Item name={['provincialPoints', ind.key]} className="yq-cf-bare">
              <InputNumber
                className="yq-block"
                min={0}
                max={ind.max}
                prefix={<span className="yq-cf-prefix">{ind.label[lang]}</span>}
                suffix={`/ ${ind.max} ${t('cultivation.units.points')}`}
                placeholder={t('common.notReported')}
                aria-label={ind.label[lang]}
                data-testid={`cf-provincialPoints-${ind.key}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}
