import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../platform/context.js';
import { ErrorResponse, IdParams, Ok, Page } from '../../contracts/common.js';
import {
  ChangePasswordBody, Department, DepartmentCreate, DepartmentPatch, DepartmentQuery, LoginBody, LoginReply, Me, ResetPasswordBody, User,
  RoleSummary, UserCreate, UserPatch, UserQuery, ZonePatch, ZoneSettings,
} from '../../contracts/identity.js';
import { changePassword, login, logout, type SessionInfo } from './auth.service.js';
import { actorOf, sessionOf, SESSION_COOKIE } from './session.hook.js';
import { createUser, getUser, listRoles, listUsersFor, patchUser, resetPassword, unlockUser } from './users.service.js';
import { createDepartment, listDepartmentsFor, patchDepartment, removeDepartment } from './departments.service.js';
import { getZone, patchZone } from '../zone/zone.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

function presentMe(s: SessionInfo) {
  const a = s.actor;
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    zoneId: a.zoneId,
    zoneName: s.zoneName,
    roles: [...a.roles],
    ...(a.departmentId ? { departmentId: a.departmentId } : {}),
    ...(a.enterpriseId ? { enterpriseId: a.enterpriseId } : {}),
    mustChangePassword: s.mustChangePassword,
    csrfToken: s.csrfToken,
  };
}

export const identityRoutes = (ctx: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: '登录 Sign in',
      description: 'Sets the httpOnly session cookie and returns the CSRF token to send back in `x-csrf-token` on every state-changing request.',
      body: LoginBody,
      response: { 200: LoginReply, ...errors, 423: ErrorResponse },
    },
  }, async (request, reply) => {
    const { cookie, session, expiresAt } = await login(ctx, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    reply.setCookie(SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    return { user: presentMe(session), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 200: Ok, ...errors } } }, async (request, reply) => {
    await logout(ctx, sessionOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: Me, ...errors } } }, async (request) =>
    presentMe(sessionOf(request)),
  );

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: '修改密码 Change password', body: ChangePasswordBody, response: { 200: Ok, ...errors } },
  }, async (request) => {
    await changePassword(ctx, sessionOf(request), request.body.currentPassword, request.body.newPassword);
    return { ok: true };
  });

  app.get('/api/roles', {
    schema: { tags: ['identity'], summary: '角色及持有人数 Roles and how many users hold each', response: { 200: Type.Array(RoleSummary), ...errors } },
  }, async (request) => listRoles(ctx, actorOf(request)));

  app.get('/api/departments', {
    schema: { tags: ['identity'], summary: '部门列表 Departments', querystring: DepartmentQuery, response: { 200: Page(Department), ...errors } },
  }, async (request) => listDepartmentsFor(ctx, actorOf(request), request.query));
  app.post('/api/departments', {
    schema: { tags: ['identity'], summary: '新建部门', body: DepartmentCreate, response: { 200: Department, ...errors } },
  }, async (request) => createDepartment(ctx, actorOf(request), request.body));
  app.patch('/api/departments/:id', {
    schema: { tags: ['identity'], summary: '修改部门', params: IdParams, body: DepartmentPatch, response: { 200: Department, ...errors } },
  }, async (request) => patchDepartment(ctx, actorOf(request), request.params.id, request.body));
  app.delete('/api/departments/:id', {
    schema: { tags: ['identity'], summary: '删除部门（无用户时）', params: IdParams, response: { 200: Ok, ...errors } },
  }, async (request) => {
    await removeDepartment(ctx, actorOf(request), request.params.id);
    return { ok: true };
  });

  app.get('/api/users', {
    schema: { tags: ['identity'], summary: '用户列表 Users', querystring: UserQuery, response: { 200: Page(User), ...errors } },
  }, async (request) => listUsersFor(ctx, actorOf(request), request.query));
  app.get('/api/users/:id', {
    schema: { tags: ['identity'], summary: '用户', params: IdParams, response: { 200: User, ...errors } },
  }, async (request) => getUser(ctx, actorOf(request), request.params.id));
  app.post('/api/users', {
    schema: { tags: ['identity'], summary: '新建用户', body: UserCreate, response: { 200: User, ...errors } },
  }, async (request) => createUser(ctx, actorOf(request), request.body));
  app.patch('/api/users/:id', {
    schema: { tags: ['identity'], summary: '修改用户', params: IdParams, body: UserPatch, response: { 200: User, ...errors } },
  }, async (request) => patchUser(ctx, actorOf(request), request.params.id, request.body));
  app.post('/api/users/:id/reset-password', {
    schema: { tags: ['identity'], summary: '重置密码', params: IdParams, body: ResetPasswordBody, response: { 200: Ok, ...errors } },
  }, async (request) => {
    await resetPassword(ctx, actorOf(request), request.params.id, request.body.newPassword);
    return { ok: true };
  });
  app.post('/api/users/:id/unlock', {
    schema: { tags: ['identity'], summary: '解除锁定', params: IdParams, response: { 200: User, ...errors } },
  }, async (request) => unlockUser(ctx, actorOf(request), request.params.id));

  app.get('/api/zone', { schema: { tags: ['zone'], summary: '园区设置', response: { 200: ZoneSettings, ...errors } } }, async (request) =>
    getZone(ctx, actorOf(request)),
  );
  app.patch('/api/zone', {
    schema: { tags: ['zone'], summary: '修改园区设置', body: ZonePatch, response: { 200: ZoneSettings, ...errors } },
  }, async (request) => patchZone(ctx, actorOf(request), request.body));
};
