import Type from 'typebox';
import { StringEnum, Uuid, Text, Paging } from './common.js';

import { ROLES, DEPARTMENT_KINDS } from '../domain/identity/roles.js';

export { ROLES, DEPARTMENT_KINDS };
export type { Role, DepartmentKind } from '../domain/identity/roles.js';

export const RoleSchema = StringEnum(ROLES);
export const DepartmentKindSchema = StringEnum(DEPARTMENT_KINDS);

export const LoginBody = Type.Object(
  {
    username: Text(64, 1),
    password: Text(200, 1),
    zone: Type.Optional(Text(64, 1)),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  zoneId: Uuid,
  zoneName: Type.String(),
  roles: Type.Array(RoleSchema),
  departmentId: Type.Optional(Uuid),
  enterpriseId: Type.Optional(Uuid),
  mustChangePassword: Type.Boolean(),
  csrfToken: Type.String(),
});
export type Me = Type.Static<typeof Me>;

export const LoginReply = Type.Object({ user: Me, csrfToken: Type.String() });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Text(200, 1), newPassword: Text(200, 8) },
  { additionalProperties: false },
);

export const Department = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: DepartmentKindSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  userCount: Type.Integer(),
});
export type Department = Type.Static<typeof Department>;

export const DepartmentQuery = Type.Object(
  { kind: Type.Optional(DepartmentKindSchema), q: Type.Optional(Text(100)), ...Paging },
  { additionalProperties: false },
);
export const DepartmentCreate = Type.Object(
  { name: Text(100, 1), kind: DepartmentKindSchema, phone: Type.Optional(Type.Union([Text(40), Type.Null()])) },
  { additionalProperties: false },
);
export const DepartmentPatch = Type.Object(
  {
    name: Type.Optional(Text(100, 1)),
    kind: Type.Optional(DepartmentKindSchema),
    phone: Type.Optional(Type.Union([Text(40), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 120, format: 'email', description: 'for e-mail copies of notifications' }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  departmentId: Type.Union([Uuid, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  enterpriseId: Type.Union([Uuid, Type.Null()]),
  enterpriseName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
export type User = Type.Static<typeof User>;

export const UserQuery = Type.Object(
  {
    q: Type.Optional(Text(100)),
    role: Type.Optional(RoleSchema),
    departmentId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
    ...Paging,
  },
  { additionalProperties: false },
);
export const UserCreate = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    displayName: Text(64, 1),
    password: Text(200, 8),
    roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
    departmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    enterpriseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    phone: Type.Optional(Type.Union([Text(40), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 120, format: 'email', description: 'for e-mail copies of notifications' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Text(64, 1)),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, uniqueItems: true })),
    departmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    enterpriseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    phone: Type.Optional(Type.Union([Text(40), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 120, format: 'email', description: 'for e-mail copies of notifications' }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** A role and how many active users of the zone hold it (labels and descriptions live in the web's translations). */
export const RoleSummary = Type.Object({ role: RoleSchema, userCount: Type.Integer() });
export type RoleSummary = Type.Static<typeof RoleSummary>;

export const ResetPasswordBody = Type.Object({ newPassword: Text(200, 8) }, { additionalProperties: false });

export const ZoneSettings = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultDeadlineDays: Type.Integer(),
  visitMinWeeks: Type.Integer({ description: '无事不扰: weeks between two visits to one enterprise below which planning warns (0 = never)' }),
  visitBackdateDays: Type.Integer({ description: 'how many days back a visit may be recorded' }),
  bulletinMinRanked: Type.Integer({ description: '月通报: a department with fewer demands in the month is listed but not ranked' }),
  isDemo: Type.Boolean(),
});
export const ZonePatch = Type.Object(
  {
    name: Type.Optional(Text(100, 1)),
    timeZone: Type.Optional(Text(64, 1)),
    defaultDeadlineDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    visitMinWeeks: Type.Optional(Type.Integer({ minimum: 0, maximum: 52 })),
    visitBackdateDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
    bulletinMinRanked: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);
