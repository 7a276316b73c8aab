import type { z } from 'astro/zod';

interface ObjectLike {
  shape: Record<string, unknown>;
  _zod: { def: { catchall?: unknown } };
}

function isObjectWithCatchall(schema: unknown): schema is ObjectLike {
  const candidate = schema as Partial<ObjectLike>;
  return typeof candidate.shape === 'object' && candidate._zod?.def.catchall !== undefined;
}

export interface CompiledRowSchema {
  schema: z.ZodType<unknown>;
  /** The schema is an object with a catch-all of cells: only `declared` keys are checked. */
  catchallOnly: boolean;
  declared: ReadonlySet<string>;
}

/**
 * How the data check validates rows against a row schema. For an object schema with a
 * catch-all of cells, only the declared keys go through zod: every other value is a
 * `Cell` by construction (the normaliser produced it from the column's metadata type),
 * and checking 147 census columns a second time tripled the time of the check.
 */
export function compileRowSchema(schema: z.ZodType<unknown>): CompiledRowSchema {
  if (!isObjectWithCatchall(schema)) return { schema, catchallOnly: false, declared: new Set() };
  return { schema, catchallOnly: true, declared: new Set(Object.keys(schema.shape)) };
}
