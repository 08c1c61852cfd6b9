import { Form, Modal, Select, type ButtonProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CULTIVATION_SCHEMES } from '../../domain/cultivation/cultivation-evaluation.js';
import { useEnterpriseOptions } from '../enterprises/enterprise-api.js';
import type { CultivationScheme } from './cultivation-api.js';

type Values = { enterpriseId: string; scheme: CultivationScheme };

/** The officer fills a self-assessment on an enterprise's behalf: pick the enterprise and the tier. */
export function StartForEnterpriseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const options = useEnterpriseOptions(useDeferredValue(search.trim()));
  const enterpriseLabel = t('cultivation.list.enterprise');
  const schemeLabel = t('cultivation.list.scheme');

  return (
    <Modal
      open={open}
      title={t('cultivation.list.createFor')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cultivation.list.start')}
      okButtonProps={{ 'data-testid': 'assessment-start-ok' } as ButtonProps}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="assessment-start"
        initialValues={{ scheme: 'innovative-sme' }}
        onFinish={(v) => void navigate(`/cultivation/assessments/new?scheme=${v.scheme}&enterprise=${v.enterpriseId}`)}
      >
        <Form.Item name="enterpriseId" label={enterpriseLabel} rules={[{ required: true, message: t('common.requiredSelect', { field: enterpriseLabel }) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={options.isFetching}
            placeholder={t('cultivation.list.search')}
            options={(options.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Form.Item name="scheme" label={schemeLabel} rules={[{ required: true }]}>
          <Select options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivation.schemes.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
