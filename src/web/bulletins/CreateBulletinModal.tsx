import { Alert, App, DatePicker, Form, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PageOf } from '../../contracts/common.js';
import { ApiError, apiGet } from '../app/api.js';
import { errorText, useApiErrorHandler } from '../app/errors.js';
import { todayInZone } from '../app/format.js';
import { useLanguage } from '../app/language.js';
import { useCreateBulletin, type BulletinSummary } from './bulletin-api.js';
import { formatMonth, previousMonth } from './bulletin-format.js';

type Values = { month: Dayjs };

/** 新建月通报: pick the month (last month by default); the server computes the draft from the data. */
export function CreateBulletinModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateBulletin();
  const [existing, setExisting] = useState<BulletinSummary | null>(null);
  const thisMonth = todayInZone().slice(0, 7);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ month: dayjs(`${previousMonth(thisMonth)}-01`) });
    setExisting(null);
  }, [open, form, thisMonth]);

  /** The month already has a bulletin: find it, so the coordinator can open it instead. */
  const showExisting = async (month: string, error: ApiError) => {
    try {
      const page = await apiGet<PageOf<BulletinSummary>>('/api/bulletins', { year: Number(month.slice(0, 4)), pageSize: 100 });
      const found = page.items.filter((b) => b.month === month).sort((a, b) => b.version - a.version)[0];
      if (found) {
        setExisting(found);
        return;
      }
    } catch {
      // Fall back to the plain message.
    }
    form.setFields([{ name: 'month', errors: [errorText(error)] }]);
  };

  const submit = ({ month }: Values) => {
    const value = month.format('YYYY-MM');
    setExisting(null);
    create.mutate(value, {
      onSuccess: (detail) => {
        void message.success(t('bulletins.create.created', { month: formatMonth(detail.month, lang) }));
        onClose();
        void navigate(`/bulletins/${detail.id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) void showExisting(value, error);
        else onError(error, form);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('bulletins.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bulletins.create.ok')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'bulletin-create-ok' } as ButtonProps}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} name="bulletin-create">
        <Form.Item
          name="month"
          label={t('bulletins.create.month')}
          extra={t('bulletins.create.monthHelp')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('bulletins.create.month') }) }]}
        >
          <DatePicker
            picker="month"
            allowClear={false}
            style={{ width: 200 }}
            disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
            onChange={() => setExisting(null)}
            data-testid="bulletin-create-month"
          />
        </Form.Item>
      </Form>
      {existing && (
        <Alert
          type="warning"
          showIcon
          data-testid="bulletin-create-exists"
          title={t('bulletins.create.exists')}
          description={
            <Link to={`/bulletins/${existing.id}`} onClick={onClose}>
              {existing.title} · {t('bulletins.version', { version: existing.version })}
            </Link>
          }
        />
      )}
    </Modal>
  );
}
