import Type from 'typebox';
import { IsoDate, StringEnum, Text } from './common.js';

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  status: Type.Union([Type.Literal('official'), Type.Literal('provisional')]),
  notice: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  builtIn: Type.Boolean(),
  offRanges: Type.Array(Type.Object({ name: Type.String(), from: Type.String(), to: Type.String() })),
  adjustedWorkdays: Type.Array(Type.String()),
});

export const CalendarOverride = Type.Object({
  date: IsoDate,
  kind: Type.Union([Type.Literal('closure'), Type.Literal('working')]),
  reason: Text(200, 1),
});
export const CalendarOverrideBody = Type.Object(CalendarOverride.properties, { additionalProperties: false });

export const DueQuery = Type.Object(
  { from: IsoDate, days: Type.Integer({ minimum: 0, maximum: 366 }) },
  { additionalProperties: false },
);
export const DueReply = Type.Object({ due: Type.String(), provisional: Type.Boolean() });

export const MonthQuery = Type.Object(
  { year: Type.Integer({ minimum: 2004, maximum: 2100 }), month: Type.Integer({ minimum: 1, maximum: 12 }) },
  { additionalProperties: false },
);
export const CalendarDay = Type.Object({
  date: Type.String(),
  workingDay: Type.Boolean(),
  kind: StringEnum(['workday', 'weekend', 'holiday', 'adjusted-workday', 'zone-closure', 'zone-working'] as const),
  reason: Type.String(),
  provisional: Type.Boolean(),
});
