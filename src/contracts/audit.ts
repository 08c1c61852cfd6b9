import Type from 'typebox';
import { Uuid, IsoDate, Text, Paging } from './common.js';

export const AuditEntry = Type.Object({
  id: Uuid,
  at: Type.String(),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Type.Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    entity: Type.Optional(Text(64)),
    entityId: Type.Optional(Text(64)),
    action: Type.Optional(Text(64)),
    actorId: Type.Optional(Uuid),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...Paging,
  },
  { additionalProperties: false },
);
