import { Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { industrySectionOf } from '../../domain/enterprises/industry-codes.js';
import { SIZE_SECTORS } from '../../domain/enterprises/size-sectors.js';
import { todayInZone } from '../app/format.js';
import { useCadres, useLeaders } from '../identity/identity-api.js';
import { useThemes } from './enterprise-api.js';
import { divisionOptionGroups, sectionLabel } from './industry.js';
import { UsccFormItem } from './UsccFormItem.js';

/**
 * Profile fields of the enterprise form. Staff-only fields (cadre, themes) are read-only for enterprise users;
 * the liaison leader is chosen by registrars only (`registrar`).
 */
type Named = { id: string; name: string };
type Props = { staff: boolean; registrar: boolean; currentThemes: Named[]; currentCadre: Named | null; currentLeader: Named | null };

export function EnterpriseBasicFields({ staff, registrar, currentThemes, currentCadre, currentLeader }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const division = Form.useWatch<string | null | undefined>('industryDivision', form);
  const section = division ? industrySectionOf(division) : null;
  const themes = useThemes();
  const cadres = useCadres(staff);
  const leaders = useLeaders(staff);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  const cadreOptions = (cadres.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (currentCadre && !cadreOptions.some((o) => o.value === currentCadre.id)) cadreOptions.unshift({ value: currentCadre.id, label: currentCadre.name });
  // Only active leaders can be chosen; the current one always has a label.
  const leaderOptions = (leaders.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }));
  if (currentLeader && !leaderOptions.some((o) => o.value === currentLeader.id)) leaderOptions.unshift({ value: currentLeader.id, label: currentLeader.name });

  // Inactive themes stay selectable only where already chosen; current values always have a label.
  const themeOptions = (themes.data?.items ?? [])
    .filter((th) => th.active || currentThemes.some((c) => c.id === th.id))
    .map((th) => ({ value: th.id, label: th.name }));
  for (const c of currentThemes) if (!themeOptions.some((o) => o.value === c.id)) themeOptions.push({ value: c.id, label: c.name });

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('enterprise.fields.name')} rules={[required(t('enterprise.fields.name')), { min: 2, max: 200 }]}>
          <Input maxLength={200} data-testid="enterprise-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <UsccFormItem />
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="legalRepresentative" label={t('enterprise.fields.legalRepresentative')}>
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="foundedOn" label={t('enterprise.fields.foundedOn')}>
          <DatePicker className="yq-block" disabledDate={(d) => d.format('YYYY-MM-DD') > todayInZone()} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="aboveScale" label={t('enterprise.fields.aboveScale')} valuePropName="checked" extra={t('enterprise.aboveScaleHelp')}>
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="industryDivision"
          label={t('enterprise.fields.industry')}
          extra={section ? `${t('enterprise.fields.industrySection')}：${sectionLabel(section)}` : undefined}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.placeholders.industryDivision')}
            options={divisionOptionGroups()}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sizeSector" label={t('enterprise.fields.sizeSector')}>
          <Select
            allowClear
            placeholder={t('enterprise.placeholders.sizeSector')}
            options={SIZE_SECTORS.map((s) => ({ value: s.key, label: t(`sizeSectors.${s.key}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="cadreId" label={t('enterprise.fields.cadre')}>
          <Select
            allowClear
            disabled={!staff}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.placeholders.cadre')}
            loading={cadres.isPending && staff}
            options={cadreOptions}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="leaderId" label={t('enterprise.fields.leader')} extra={t('enterprise.leaderHelp')}>
          <Select
            allowClear
            disabled={!registrar}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.placeholders.leader')}
            loading={leaders.isPending && staff}
            options={leaderOptions}
            data-testid="enterprise-leader"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="themeIds" label={t('enterprise.fields.themes')}>
          <Select
            mode="multiple"
            allowClear
            disabled={!staff}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.placeholders.themes')}
            loading={themes.isPending}
            options={themeOptions}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('enterprise.fields.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="description" label={t('enterprise.fields.description')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Col>
      {!staff && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('enterprise.staffOnlyHint')}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
