import { App, DatePicker, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CULTIVATION_SCHEMES, type CultivationScheme } from '../../domain/cultivation/cultivation-evaluation.js';
import { computeTitleValidity, TITLE_VALIDITY_YEARS } from '../../domain/cultivation/compute-title-validity.js';
import { useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { CultivationListEnterpriseSelect } from './CultivationListEnterpriseSelect.js';
import { useCreateCultivationList, usePatchCultivationList, type ListDetail } from './cultivation-lists-api.js';

type Values = {
  scheme: CultivationScheme;
  name: string;
  issuer?: string;
  documentNo?: string;
  publishedOn: Dayjs;
  note?: string;
  enterpriseIds?: string[];
};

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** "2025年第一批创新型中小企业评价名单": 创新型 is evaluated (评价), the other tiers recognised (认定). */
function suggestName(scheme: CultivationScheme, year: string, t: TFunction): string {
  return t('cultivationPipeline.listForm.nameSuggest', {
    year,
    scheme: t(`cultivationPipeline.schemes.${scheme}`),
    kind: t(scheme === 'innovative-sme' ? 'cultivationPipeline.listForm.kindEvaluation' : 'cultivationPipeline.listForm.kindRecognition'),
  });
}

/**
 * 新建认定名单 (tier, name, issuer, document number, date, enterprises — each gets the title, valid 3
 * years), or, given a list, the edit of its name, issuer, number and note.
 */
export function CultivationListFormModal({ open, onClose, list }: { open: boolean; onClose: () => void; list?: ListDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCultivationList();
  const patch = usePatchCultivationList(list?.id ?? '');
  const publishedOn = Form.useWatch('publishedOn', form);
  const editing = Boolean(list);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (list) {
      form.setFieldsValue({ scheme: list.scheme, name: list.name, issuer: list.issuer ?? '', documentNo: list.documentNo ?? '', publishedOn: dayjs(list.publishedOn), note: list.note ?? '' });
    } else {
      const today = todayInZone();
      form.setFieldsValue({ scheme: 'innovative-sme', name: suggestName('innovative-sme', today.slice(0, 4), t), publishedOn: dayjs(today), enterpriseIds: [] });
    }
  }, [open, list, form, t]);

  /** A suggested name follows the tier and the year until the officer types their own. */
  const followSuggestion = (patchValues: Partial<Values>) => {
    if (editing) return;
    const values = { ...form.getFieldsValue(), ...patchValues };
    const year = (values.publishedOn ?? dayjs()).format('YYYY');
    const current = form.getFieldValue('name') as string | undefined;
    const previous = CULTIVATION_SCHEMES.flatMap((s) => [suggestName(s, year, t), suggestName(s, String(Number(year) - 1), t), suggestName(s, String(Number(year) + 1), t)]);
    if (!current || previous.includes(current)) form.setFieldValue('name', suggestName(values.scheme, year, t));
  };

  const validity = publishedOn ? computeTitleValidity(publishedOn.format('YYYY-MM-DD')) : null;

  const submit = (values: Values) => {
    if (list) {
      patch.mutate(
        { name: values.name.trim(), issuer: blank(values.issuer), documentNo: blank(values.documentNo), note: blank(values.note) },
        {
          onSuccess: () => {
            void message.success(t('cultivationPipeline.listForm.saved'));
            onClose();
          },
          onError: (error) => onError(error, form),
        },
      );
      return;
    }
    create.mutate(
      {
        scheme: values.scheme,
        name: values.name.trim(),
        issuer: blank(values.issuer),
        documentNo: blank(values.documentNo),
        publishedOn: values.publishedOn.format('YYYY-MM-DD'),
        note: blank(values.note),
        enterpriseIds: values.enterpriseIds ?? [],
      },
      {
        onSuccess: (detail) => {
          void message.success(t('cultivationPipeline.listForm.created', { count: detail.entryCount }));
          onClose();
          void navigate(`/cultivation/lists/${detail.id}`);
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={editing ? t('cultivationPipeline.listForm.editTitle') : t('cultivationPipeline.listForm.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t('common.save') : t('cultivationPipeline.listForm.ok')}
      okButtonProps={{ loading: create.isPending || patch.isPending, 'data-testid': 'list-form-ok' } as ButtonProps}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} name="cultivation-list-form">
        <Form.Item name="scheme" label={t('cultivationPipeline.listForm.scheme')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            disabled={editing}
            options={CULTIVATION_SCHEMES.map((s) => ({ value: s, label: t(`cultivationPipeline.schemes.${s}`) }))}
            onChange={(e) => followSuggestion({ scheme: e.target.value as CultivationScheme })}
            data-testid="list-form-scheme"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cultivationPipeline.listForm.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('cultivationPipeline.listForm.name') }) },
            { min: 2, max: 200 },
          ]}
        >
          <Input maxLength={200} placeholder={t('cultivationPipeline.listForm.namePlaceholder')} data-testid="list-form-name" />
        </Form.Item>
        <Form.Item name="issuer" label={t('cultivationPipeline.listForm.issuer')}>
          <Input maxLength={200} placeholder={t('cultivationPipeline.listForm.issuerPlaceholder')} data-testid="list-form-issuer" />
        </Form.Item>
        <Form.Item name="documentNo" label={t('cultivationPipeline.listForm.documentNo')}>
          <Input maxLength={100} placeholder={t('cultivationPipeline.listForm.documentNoPlaceholder')} data-testid="list-form-document" />
        </Form.Item>
        <Form.Item
          name="publishedOn"
          label={t('cultivationPipeline.listForm.publishedOn')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('cultivationPipeline.listForm.publishedOn') }) }]}
          extra={
            validity && (
              <Typography.Text type="secondary" data-testid="list-form-validity">
                {t('cultivationPipeline.listForm.validity')}：{t('cultivationPipeline.listForm.validityText', { years: TITLE_VALIDITY_YEARS, until: validity.validUntil })}（{t('cultivationPipeline.listForm.validityHelp')}）
              </Typography.Text>
            )
          }
        >
          <DatePicker
            allowClear={false}
            disabled={editing}
            style={{ width: 200 }}
            onChange={(d: Dayjs | null) => d && followSuggestion({ publishedOn: d })}
            data-testid="list-form-date"
          />
        </Form.Item>
        {!editing && (
          <Form.Item name="enterpriseIds" label={t('cultivationPipeline.listForm.enterprises')} extra={t('cultivationPipeline.listForm.enterprisesHelp')}>
            <CultivationListEnterpriseSelect />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('cultivationPipeline.listForm.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
