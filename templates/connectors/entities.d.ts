/**
 * What `runtime/mapping.ts` imports as `../entities.js`, for code that reads the runtime from
 * templates/ rather than from a generated tree: the generator's connector tools, which load the
 * connectors of any spec. `generate` writes the real `entities.ts` (from `entities.ts.hbs`, one key
 * per entity of the spec) beside the copied runtime; this file is never copied.
 */
export type MappedRecords = Record<string, Record<string, unknown>>;
export type CreateBodies = Record<string, Record<string, unknown>>;
export type MappedEntity = string;
export type WritableEntity = string;
