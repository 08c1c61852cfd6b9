import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, InputNumber, Popconfirm, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureValues } from './enterprise-form-values.js';
import { FIGURE_FIELDS, MONEY_FIELDS } from './FiguresTable.js';

const COUNT_MAX = 10_000_000;
const WAN_MAX = 1e10; // 1e14 yuan

/**
 * One card per year; money in 万元 shown with two decimals (an untouched value keeps its full
 * precision), counts whole; empty = 未填报.
 */
export function FiguresFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();

  const nextYear = (): number => {
    const rows = (form.getFieldValue('figures') as FigureValues[] | undefined) ?? [];
    const years = rows.map((r) => r.year).filter((y): y is number => typeof y === 'number');
    return years.length ? Math.max(...years) + 1 : new Date().getFullYear() - 1;
  };

  return (
    <Form.List name="figures">
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">{t('enterprise.figures.moneyHint')}</Typography.Paragraph>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.figures.empty')} />}
          {fields.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              className="yq-figure-card"
              title={
                <Form.Item
                  name={[name, 'year']}
                  noStyle
                  rules={[
                    { required: true, message: t('common.required', { field: t('enterprise.figures.year') }) },
                    ({ getFieldValue }) => ({
                      validator: (_, year: number | undefined) => {
                        const rows = (getFieldValue('figures') as FigureValues[] | undefined) ?? [];
                        const same = rows.filter((r) => r.year === year).length;
                        return year !== undefined && same > 1
                          ? Promise.reject(new Error(t('enterprise.figures.duplicateYear', { year })))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <InputNumber min={1990} max={2100} precision={0} suffix={t('enterprise.figures.year')} style={{ width: 130 }} />
                </Form.Item>
              }
              extra={
                <Popconfirm title={t('common.removeConfirm')} onConfirm={() => remove(name)}>
                  <Button type="text" danger size="small" icon={<DeleteOutlined />}>
                    {t('common.remove')}
                  </Button>
                </Popconfirm>
              }
            >
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const errors = form.getFieldError(['figures', name, 'year']);
                  return errors.length ? <Typography.Text type="danger">{errors.join('；')}</Typography.Text> : null;
                }}
              </Form.Item>
              <Row gutter={12}>
                {FIGURE_FIELDS.map((field) => {
                  const money = MONEY_FIELDS.has(field);
                  return (
                    <Col key={field} xs={24} sm={12} lg={8} xl={6}>
                      <Form.Item name={[name, field]} label={t(`enterprise.figures.${field}`)}>
                        <InputNumber
                          className="yq-block"
                          min={field === 'liabilities' ? -WAN_MAX : 0}
                          max={money ? WAN_MAX : COUNT_MAX}
                          precision={money ? 2 : 0}
                          placeholder={t('common.notReported')}
                        />
                      </Form.Item>
                    </Col>
                  );
                })}
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ year: nextYear() }, 0)} disabled={fields.length >= 30}>
            {t('enterprise.figures.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
