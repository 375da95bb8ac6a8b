// Apart from path-items.ts so the CLI can list the kinds in --help without loading the spec model.

export type CrudKind = 'list' | 'get' | 'create' | 'update' | 'delete';

export const CRUD_KINDS: readonly CrudKind[] = ['list', 'get', 'create', 'update', 'delete'];
