import { App, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../domain/identity/check-password-strength.js';
import { ROLES, type Role } from '../../domain/identity/roles.js';
import { useApiErrorHandler } from '../app/errors.js';
import { EnterpriseSelect } from './EnterpriseSelect.js';
import { useAllDepartments, useCreateUser, useUpdateUser, type User } from './identity-api.js';

type Values = {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentId?: string | null;
  enterpriseId?: string | null;
  phone?: string;
  email?: string;
};

/** Create a user (with an initial password) or edit one's name, roles, department, enterprise and phone. */
export function UserFormDrawer({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  const departments = useAllDepartments(open);
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const needsDepartment = roles.includes('department');
  const needsEnterprise = roles.includes('enterprise');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        departmentId: user.departmentId,
        enterpriseId: user.enterpriseId,
        phone: user.phone ?? '',
        email: user.email ?? '',
      });
    }
  }, [open, user, form]);

  const submit = (values: Values) => {
    const common = {
      displayName: values.displayName.trim(),
      roles: values.roles,
      departmentId: values.roles.includes('department') ? (values.departmentId ?? null) : null,
      enterpriseId: values.roles.includes('enterprise') ? (values.enterpriseId ?? null) : null,
      phone: values.phone?.trim() || null,
      email: values.email?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        void message.success(user ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: unknown) => onError(error, form, { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password' }),
    };
    if (user) update.mutate({ id: user.id, body: common }, done);
    else create.mutate({ ...common, username: values.username.trim(), password: values.password }, done);
  };

  const departmentOptions = (departments.data?.items ?? [])
    .filter((d) => d.active || d.id === user?.departmentId)
    .map((d) => ({ value: d.id, label: `${d.name}（${t(`departmentKinds.${d.kind}`)}）` }));

  return (
    <Drawer
      open={open}
      size={560}
      title={user ? t('users.edit') : t('users.create')}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roles: [] }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? undefined : t('users.usernameHelp')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.username') }) },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t('users.usernamePattern') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={`${t('password.rule')}；${t('users.initialPasswordHelp')}`}
            rules={[
              { required: true, message: t('common.required', { field: t('users.initialPassword') }) },
              {
                validator: (_, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const weak = checkPasswordStrength(value);
                  if (weak === 'too-short') return Promise.reject(new Error(t('password.tooShort')));
                  if (weak) return Promise.reject(new Error(t('password.needsLetterAndDigit')));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
          <Checkbox.Group className="yq-role-checks">
            {ROLES.map((r) => (
              <Checkbox key={r} value={r}>
                <span>{t(`roles.${r}`)}</span>
                <Typography.Text type="secondary" className="yq-role-desc">
                  {t(`roleDescriptions.${r}`)}
                </Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {needsDepartment && (
          <Form.Item name="departmentId" label={t('users.department')} rules={[{ required: true, message: t('users.departmentRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              options={departmentOptions}
              placeholder={t('common.requiredSelect', { field: t('users.department') })}
            />
          </Form.Item>
        )}
        {needsEnterprise && (
          <Form.Item name="enterpriseId" label={t('users.enterprise')} rules={[{ required: true, message: t('users.enterpriseRequired') }]}>
            <EnterpriseSelect initialLabel={user?.enterpriseName} />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('users.email')} extra={t('users.emailHelp')} rules={[{ type: 'email', max: 120 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
