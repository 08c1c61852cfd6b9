import { pgTable, uuid, text, integer, date, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';

/** An official arrangement loaded after release (replaces a provisional year). */
export const calendarArrangements = pgTable(
  'calendar_arrangements',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    year: integer('year').notNull(),
    notice: text('notice').notNull(),
    data: jsonb('data').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    importedBy: uuid('imported_by'),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.year] })],
);

/** The zone's own closures or extra working days, with a reason. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    zoneId: uuid('zone_id').notNull().references(() => zones.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.date] })],
);
