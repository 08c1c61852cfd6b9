import { pgTable, uuid, text, timestamp, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';

/** One row per change: who, when, what, before and after (design.md, Data). */
export const auditEntries = pgTable(
  'audit_entries',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.id] }),
    index('audit_entries_at_idx').on(t.zoneId, t.at),
    index('audit_entries_entity_idx').on(t.zoneId, t.entity, t.entityId),
  ],
);
