import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarDataError } from '../../domain/calendar/calendar-errors.js';
import type { YearArrangement } from '../../domain/calendar/official-arrangements.js';
import { parseYearArrangement } from '../../domain/calendar/parse-year-arrangement.js';
import { errorDetailText, errorText } from '../app/errors.js';
import { useImportYear } from './calendar-api.js';
import { useLanguage } from '../app/language.js';

type Parsed = { ok: true; arrangement: YearArrangement } | { ok: false; message: string } | null;

/** Loads a State Council arrangement (JSON file or pasted), checked here with the same rules as the server. */
export function ImportYearModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const importYear = useImportYear();

  const parsed: Parsed = useMemo(() => {
    if (!text.trim()) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: t('calendar.importInvalidJson', { message: e instanceof Error ? e.message : String(e) }) };
    }
    try {
      return { ok: true, arrangement: parseYearArrangement(json) };
    } catch (e) {
      if (e instanceof CalendarDataError) {
        const text = e.messages[lang];
        return { ok: false, message: e.field ? t('calendar.importFieldError', { field: e.field, message: text }) : text };
      }
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }, [text, t, lang]);

  const close = () => {
    setText('');
    importYear.reset();
    onClose();
  };

  const submit = () => {
    if (!parsed?.ok) return;
    importYear.mutate(parsed.arrangement, {
      onSuccess: () => {
        void message.success(t('calendar.imported_ok', { year: parsed.arrangement.year }));
        close();
      },
    });
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('calendar.importYear')}
      onCancel={close}
      onOk={submit}
      okText={t('calendar.importSubmit')}
      okButtonProps={{ disabled: !parsed?.ok }}
      confirmLoading={importYear.isPending}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} className="yq-block">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendar.importHelp')}
        </Typography.Paragraph>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setText);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('calendar.importFile')}</Button>
        </Upload>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('calendar.importPaste')}
          autoSize={{ minRows: 8, maxRows: 16 }}
          className="yq-num"
          spellCheck={false}
        />
        {parsed?.ok === false && <Alert type="error" showIcon title={parsed.message} />}
        {parsed?.ok && (
          <Alert
            type="success"
            showIcon
            title={t('calendar.importPreview', {
              year: parsed.arrangement.year,
              notice: parsed.arrangement.notice,
              ranges: parsed.arrangement.offRanges.length,
              workdays: parsed.arrangement.adjustedWorkdays.length,
            })}
          />
        )}
        {importYear.error && (
          <Alert type="error" showIcon title={errorText(importYear.error)} description={errorDetailText(importYear.error)} />
        )}
      </Space>
    </Modal>
  );
}
