import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './audit-api.js';
import { fieldLabel } from './audit-labels.js';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field by field: what an entry changed (or, for a creation or deletion, what it held). */
export function diffRows(before: unknown, after: unknown): Row[] {
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ field: '', before, after, changed: true }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, before: b[field], after: a[field], changed: !same(b[field], a[field]) }));
}

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  const { t } = useTranslation();
  if (value === undefined) return null;
  if (value === null || value === '') return <span className="yq-muted">{t('audit.empty')}</span>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, typeof value === 'object' ? 2 : undefined);
  const multiline = typeof value === 'object';
  return multiline ? (
    <pre className={`yq-diff-${tone} yq-diff-pre`}>{text}</pre>
  ) : (
    <span className={`yq-diff-${tone}`}>{text}</span>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry.before, entry.after);
  const changed = rows.filter((r) => r.changed);
  if (changed.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const showBefore = entry.before !== null && entry.before !== undefined;
  const showAfter = entry.after !== null && entry.after !== undefined;
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.field || '(value)'}
      pagination={false}
      dataSource={changed}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 220, render: (f: string) => (f ? fieldLabel(f) : t('common.none')) },
        ...(showBefore ? [{ title: t('audit.before'), key: 'before', render: (_: unknown, r: Row) => <Value value={r.before} tone="before" /> }] : []),
        ...(showAfter ? [{ title: t('audit.after'), key: 'after', render: (_: unknown, r: Row) => <Value value={r.after} tone="after" /> }] : []),
      ]}
    />
  );
}
