import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../app/errors.js';
import { useCaseCandidates, usePatchBulletin, type BulletinDetail, type CaseCandidate } from './bulletin-api.js';

type Values = { title: string; intro: string };
type Picked = { id: string; number: string; title: string; categoryName: string; departmentName: string | null; confidentiality?: string; settledOnTime: boolean | null };

const MAX_CASES = 10;
const SATISFACTIONS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * 编辑草稿: the title, the intro and the typical cases (picked from the month's settled,
 * non-private demands, in order). Reports whether there are unsaved changes, so submitting waits.
 */
export function BulletinEditor({ bulletin, onDirtyChange }: { bulletin: BulletinDetail; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const patch = usePatchBulletin(bulletin.id);
  const candidates = useCaseCandidates(bulletin.id, true);
  const [caseIds, setCaseIds] = useState<string[]>(bulletin.caseIds);
  const title = Form.useWatch('title', form);
  const intro = Form.useWatch('intro', form);

  const reset = () => {
    form.setFieldsValue({ title: bulletin.title, intro: bulletin.intro ?? '' });
    setCaseIds(bulletin.caseIds);
  };
  // A fresh answer from the server (saved, or changed elsewhere) replaces the form.
  useEffect(() => reset(), [bulletin.id, bulletin.updatedAt]);

  const dirty =
    (title !== undefined && title !== bulletin.title) || (intro !== undefined && intro !== (bulletin.intro ?? '')) || !sameList(caseIds, bulletin.caseIds);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  /** What to show for each picked id: the candidate, or (no longer a candidate) the case in the content. */
  const known = useMemo(() => {
    const map = new Map<string, Picked>();
    for (const c of bulletin.content.cases) map.set(c.demandId, { ...c, id: c.demandId });
    for (const c of candidates.data?.items ?? []) map.set(c.id, c);
    return map;
  }, [bulletin.content.cases, candidates.data]);

  const options = (candidates.data?.items ?? [])
    .filter((c) => !caseIds.includes(c.id))
    .map((c) => ({ value: c.id, label: `${c.number} ${c.title}`, candidate: c }));

  const move = (index: number, by: -1 | 1) =>
    setCaseIds((ids) => {
      const next = [...ids];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const save = (values: Values) =>
    patch.mutate(
      { title: values.title.trim(), intro: values.intro.trim() ? values.intro.trim() : null, caseIds },
      {
        onSuccess: () => void message.success(t('bulletins.editor.saved')),
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Card
      title={t('bulletins.editor.title')}
      data-testid="bulletin-editor"
      extra={dirty && <Tag color="warning">{t('bulletins.editor.unsaved')}</Tag>}
    >
      <Form form={form} layout="vertical" onFinish={save} name="bulletin-editor" initialValues={{ title: bulletin.title, intro: bulletin.intro ?? '' }}>
        <Form.Item
          name="title"
          label={t('bulletins.editor.fieldTitle')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('bulletins.editor.fieldTitle') }) },
            { min: 4, max: 60, message: t('bulletins.editor.titleMin') },
          ]}
        >
          <Input maxLength={60} showCount data-testid="bulletin-title-input" />
        </Form.Item>
        <Form.Item name="intro" label={t('bulletins.editor.intro')}>
          <Input.TextArea
            maxLength={5000}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={t('bulletins.editor.introPlaceholder')}
            data-testid="bulletin-intro-input"
          />
        </Form.Item>
        <Form.Item label={t('bulletins.editor.cases')} extra={t('bulletins.editor.casesHelp')}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={null as unknown as string}
            placeholder={caseIds.length >= MAX_CASES ? t('bulletins.editor.casesFull') : t('bulletins.editor.addCase')}
            disabled={caseIds.length >= MAX_CASES}
            loading={candidates.isPending}
            notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bulletins.editor.noCandidates')} />}
            options={options}
            optionRender={(o) => <CandidateOption candidate={(o.data as { candidate: CaseCandidate }).candidate} />}
            onChange={(id) => id && setCaseIds((ids) => (ids.includes(id) ? ids : [...ids, id]))}
            data-testid="bulletin-case-picker"
          />
          <div className="yq-bulletin-picked" data-testid="bulletin-picked-cases">
            {caseIds.length === 0 && (
              <Typography.Text type="secondary" className="yq-bulletin-case-pick">
                {t('bulletins.editor.noCases')}
              </Typography.Text>
            )}
            {caseIds.map((id, i) => {
              const c = known.get(id);
              return (
                <div key={id} className="yq-bulletin-case-pick" data-testid="bulletin-picked-case">
                  <span className="yq-num">{i + 1}.</span>
                  <div className="yq-bulletin-case-pick-main">
                    <div>{c ? `${c.number} ${c.title}` : id}</div>
                    {c && <CandidateMeta candidate={c} />}
                  </div>
                  <Space size={0}>
                    <Tooltip title={t('bulletins.editor.moveUp')}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('bulletins.editor.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('bulletins.editor.moveDown')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === caseIds.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t('bulletins.editor.moveDown')}
                      />
                    </Tooltip>
                    <Tooltip title={t('bulletins.editor.remove')}>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => setCaseIds((ids) => ids.filter((x) => x !== id))}
                        aria-label={t('bulletins.editor.remove')}
                      />
                    </Tooltip>
                  </Space>
                </div>
              );
            })}
          </div>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={patch.isPending} disabled={!dirty} data-testid="bulletin-save">
            {t('bulletins.editor.save')}
          </Button>
          <Button onClick={reset} disabled={!dirty}>
            {t('bulletins.editor.reset')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function CandidateMeta({ candidate: c }: { candidate: Picked }) {
  const { t } = useTranslation();
  return (
    <div className="yq-bulletin-case-pick-meta">
      <Space size={6} wrap>
        <span>{c.categoryName}</span>
        {c.departmentName && <span>{c.departmentName}</span>}
        {c.confidentiality === 'anonymised' && <Tag color="gold">{t('demands.confidentiality.anonymised')}</Tag>}
        {c.settledOnTime !== null && (
          <Tag color={c.settledOnTime ? 'green' : 'orange'}>{c.settledOnTime ? t('bulletins.editor.onTime') : t('bulletins.editor.late')}</Tag>
        )}
      </Space>
    </div>
  );
}

function CandidateOption({ candidate: c }: { candidate: CaseCandidate }) {
  const { t } = useTranslation();
  const satisfaction = SATISFACTIONS.find((x) => x === c.satisfaction);
  return (
    <div>
      <div>
        <span className="yq-num">{c.number}</span> {c.title}
      </div>
      <div className="yq-bulletin-case-pick-meta">
        {c.categoryName}
        {c.departmentName && ` · ${c.departmentName}`}
        {c.confidentiality === 'anonymised' && ` · ${t('demands.confidentiality.anonymised')}`}
        {c.settledOnTime !== null && ` · ${c.settledOnTime ? t('bulletins.editor.onTime') : t('bulletins.editor.late')}`}
        {satisfaction && ` · ${t(`demands.satisfaction.${satisfaction}`)}`}
      </div>
    </div>
  );
}
