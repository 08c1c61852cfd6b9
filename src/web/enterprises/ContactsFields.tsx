import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Empty, Form, Input, Popconfirm, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Editable list of contacts (姓名 required; phone and e-mail checked like the server does). */
export function ContactsFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.contacts.empty')} />}
          {fields.map(({ key, name }) => (
            <div key={key} className="yq-list-row">
              <Row gutter={12} align="top">
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[name, 'name']}
                    label={t('enterprise.contacts.name')}
                    rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprise.contacts.name') }) }]}
                  >
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item name={[name, 'title']} label={t('enterprise.contacts.jobTitle')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[name, 'phone']}
                    label={t('enterprise.contacts.phone')}
                    rules={[{ pattern: /^[0-9+\- ()]*$/, message: t('enterprise.contacts.phoneInvalid') }]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[name, 'email']} label={t('enterprise.contacts.email')} rules={[{ type: 'email', message: t('enterprise.contacts.emailInvalid') }]}>
                    <Input maxLength={120} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={3}>
                  <Form.Item name={[name, 'isPrimary']} label=" " valuePropName="checked">
                    <Checkbox>{t('enterprise.contacts.isPrimary')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={8} md={1}>
                  <Form.Item label=" ">
                    <Popconfirm title={t('common.removeConfirm')} onConfirm={() => remove(name)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                    </Popconfirm>
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ isPrimary: fields.length === 0 })} disabled={fields.length >= 20}>
            {t('enterprise.contacts.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
