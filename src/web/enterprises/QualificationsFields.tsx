import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Empty, Form, Input, Popconfirm, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_KINDS } from '../../domain/enterprises/qualification-kinds.js';

/** Editable list of qualifications; an empty 有效期至 means 长期有效. */
export function QualificationsFields() {
  const { t } = useTranslation();
  const kindOptions = QUALIFICATION_KINDS.map((k) => ({ value: k.key, label: t(`qualificationKinds.${k.key}`) }));
  return (
    <Form.List name="qualifications">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.qualifications.empty')} />}
          {fields.map(({ key, name }) => (
            <div key={key} className="yq-list-row">
              <Row gutter={12} align="top">
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[name, 'kind']}
                    label={t('enterprise.qualifications.kind')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: t('enterprise.qualifications.kind') }) }]}
                  >
                    <Select options={kindOptions} popupMatchSelectWidth={false} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[name, 'name']} label={t('enterprise.qualifications.name')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item name={[name, 'certificateNo']} label={t('enterprise.qualifications.certificateNo')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[name, 'validFrom']}
                    label={t('enterprise.qualifications.validFrom')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: t('enterprise.qualifications.validFrom') }) }]}
                  >
                    <DatePicker className="yq-block" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[name, 'validUntil']}
                    label={t('enterprise.qualifications.validUntil')}
                    dependencies={[['qualifications', name, 'validFrom']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, until: Dayjs | null | undefined) => {
                          const from = getFieldValue(['qualifications', name, 'validFrom']) as Dayjs | null | undefined;
                          if (until && from && until.isBefore(from, 'day')) {
                            return Promise.reject(new Error(t('enterprise.qualifications.untilBeforeFrom')));
                          }
                          return Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker className="yq-block" placeholder={t('enterprise.qualifications.longTerm')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={1}>
                  <Form.Item label=" ">
                    <Popconfirm title={t('common.removeConfirm')} onConfirm={() => remove(name)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                    </Popconfirm>
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50}>
            {t('enterprise.qualifications.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
