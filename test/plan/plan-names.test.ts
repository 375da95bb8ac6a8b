import { describe, expect, it } from 'vitest';
import { claimNames } from '../../generator/plan/claims.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import { parseSourceText } from '../../generator/source/yaml-file.ts';
import type { ModelIR, OperationIR, SpecIR } from '../../generator/ir/model.ts';
import { buildIR } from '../../generator/ir/build-ir.ts';

const model = (name: string): ModelIR => ({ name, ref: `#/components/schemas/${name}`, schema: {}, kind: 'model' });
const operation = (operationId: string, path: string, method: OperationIR['method'] = 'get'): OperationIR => ({
  operationId,
  method,
  path,
  kind: 'get',
  summary: '',
  description: '',
  tags: [],
  parameters: [],
  responses: [],
  reply: 'record',
});
const spec = (models: string[], operations: OperationIR[] = []): SpecIR => ({
  ...buildIR({}),
  models: models.map(model),
  entities: [],
  operations,
});
const types = (ir: SpecIR) =>
  Object.fromEntries([...planNames(ir).plan.models].map(([key, n]) => [key, `${n.type} types/${n.file}.ts`]));

describe('planNames', () => {
  it('names every model type and file, whatever its key', () => {
    expect(types(spec(['api_error', 'Pet', '200', '名前', 'class']))).toEqual({
      api_error: 'ApiError types/api_error.ts',
      Pet: 'Pet types/pet.ts',
      '200': '_200 types/200.ts',
      名前: 'U540DU524D types/u540_du524_d.ts',
      class: 'Class types/class.ts',
    });
  });

  it('is stable: adding a colliding name leaves every existing name as it was', () => {
    const before = types(spec(['ApiError', 'api_error', 'Pet']));
    // New keys that are not their own identifier come after the existing ones in code-point order
    // (`~` > `_`, `p` > `a`): they get the suffixes (the rule in claimNames).
    const after = types(spec(['ApiError', 'api_error', 'Pet', 'api~error', 'pet', 'Index']));
    for (const [key, names] of Object.entries(before)) expect(after[key]).toBe(names);
    expect(after).toEqual({
      ApiError: 'ApiError types/api_error.ts',
      api_error: 'ApiError2 types/api_error2.ts',
      'api~error': 'ApiError3 types/api_error3.ts',
      Pet: 'Pet types/pet.ts',
      pet: 'Pet2 types/pet2.ts',
      Index: 'Index types/index2.ts',
    });
  });

  it('keeps an operationId that is an identifier, makes one of any other, and plans its server validators', () => {
    const { plan, diagnostics } = planNames(
      spec(
        [],
        [operation('listPets', '/pets'), operation('get-pet', '/pets/{id}'), operation('delete', '/x', 'delete')],
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(plan.operations.get('get /pets')).toMatchObject({ id: 'listPets', page: 'listPets' });
    expect(plan.operations.get('get /pets/{id}')).toMatchObject({
      id: 'getPet',
      page: 'get-pet',
      requestSchemas: { Query: 'getPetQuery', Body: 'getPetBody' },
    });
    expect(plan.operations.get('delete /x')?.id).toBe('delete_');
  });

  it('reports two operations sharing an operationId, in the file and at the line where it is written', () => {
    const root = parseSourceText(
      'spec/openapi.yaml',
      'openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: same\n  /b:\n    $ref: paths/b.yaml#/item\n',
    );
    const pathFile = parseSourceText(
      'spec/paths/b.yaml',
      '# B\nitem:\n  get:\n    summary: B\n    operationId: same\n',
    );
    const { diagnostics } = planNames(spec([], [operation('same', '/a'), operation('same', '/b')]), {
      root,
      paths: [pathFile],
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'plan-names',
        severity: 'error',
        file: 'spec/paths/b.yaml',
        pointer: '/item/get/operationId',
        line: 5,
      }),
    ]);
    const inRoot = planNames(spec([], [operation('same', '/b'), operation('same', '/a')]), { root, paths: [] });
    expect(inRoot.diagnostics).toEqual([
      expect.objectContaining({ file: 'spec/openapi.yaml', pointer: '/paths/~1a/get/operationId', line: 5 }),
    ]);
  });
});

describe('claimNames', () => {
  it('gives exact names first, then the rest in code-point order, never by locale', () => {
    const names = claimNames([
      { identity: 'b_x', wanted: 'BX' },
      { identity: 'BX', wanted: 'BX' },
      { identity: 'Z', wanted: 'BX', exact: false },
      { identity: 'a', wanted: 'BX' },
    ]);
    expect(Object.fromEntries(names)).toEqual({ BX: 'BX', Z: 'BX2', a: 'BX3', b_x: 'BX4' });
  });

  it('keeps names apart by a fold (one file per name on a case-insensitive file system)', () => {
    const names = claimNames(
      [
        { identity: 'getPet', wanted: 'getPet' },
        { identity: 'getpet', wanted: 'getpet' },
      ],
      { fold: (n) => n.toLowerCase() },
    );
    expect(Object.fromEntries(names)).toEqual({ getPet: 'getPet', getpet: 'getpet2' });
  });

  it('puts a _ before a counter after a trailing digit', () => {
    const names = claimNames([
      { identity: 'V1', wanted: 'V1' },
      { identity: 'v1', wanted: 'V1' },
    ]);
    expect(names.get('v1')).toBe('V1_2');
  });
});
