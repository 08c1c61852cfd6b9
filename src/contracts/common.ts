import Type from 'typebox';

/** Shared building blocks for request and response schemas. */
export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });

export const Paging = {
  // Bounded so that (page - 1) × pageSize stays a valid SQL OFFSET (a bigint) rather than a 500.
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

export const Page = <T extends Type.TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });
export type PageOf<T> = { items: T[]; total: number };

export const Ok = Type.Object({ ok: Type.Boolean() });

/** A string that must be one of `values` (JSON Schema enum), typed as their union. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
