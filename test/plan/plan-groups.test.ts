import { describe, expect, it } from 'vitest';
import type { OperationIR } from '../../generator/ir/model.ts';
import { looseOperationsByTag, planGroupMethods, planGroups } from '../../generator/plan/plan-groups.ts';

/** An operation of no resource, as a third-party spec has them. */
function op(method: OperationIR['method'], path: string, operationId: string, tags: string[] = []): OperationIR {
  return {
    operationId,
    method,
    path,
    kind: 'action',
    summary: '',
    description: '',
    tags,
    parameters: [],
    responses: [],
    reply: 'record',
  };
}

describe('client groups for operations of no resource', () => {
  it('names each tag a camelCase property beside the areas, never one of theirs', () => {
    const groups = planGroups(['', '1-Click Applications', 'Asset', 'accounting', 'abc', 'Abc'], ['accounting']);
    expect(groups.get('Asset')).toEqual({
      property: 'asset',
      factory: 'assetOperations',
      clientInterface: 'AssetOperations',
      file: 'asset',
    });
    expect(groups.get('accounting')!.property).toBe('accounting2');
    expect(groups.get('')).toEqual({
      factory: 'untaggedOperations',
      clientInterface: 'UntaggedOperations',
      file: 'untagged',
    });
    // A tag that starts with a digit: the factory and the interface are imported side by side.
    const click = groups.get('1-Click Applications')!;
    expect(click.property).toBe('_1ClickApplications');
    expect(click.clientInterface).not.toBe(click.factory);
    // `abc` and `Abc` are two properties, but one interface name and one file on a case-insensitive disk.
    expect(new Set([groups.get('abc')!.clientInterface, groups.get('Abc')!.clientInterface]).size).toBe(2);
    expect(new Set([groups.get('abc')!.file.toLowerCase(), groups.get('Abc')!.file.toLowerCase()]).size).toBe(2);
  });

  it('names methods by operationId, safe and unique per group; untagged ones never shadow a group', () => {
    const ops = [
      op('get', '/pets/{id}', 'get-pet', ['Pets']),
      op('delete', '/pets/{id}', 'delete', ['Pets']),
      op('get', '/assets', 'asset'),
      op('get', '/errors', '200'),
      op('post', '/things', ''),
    ];
    const byTag = looseOperationsByTag(ops);
    const groups = planGroups([...byTag.keys()].sort(), []);
    groups.set('Asset', {
      property: 'asset',
      factory: 'assetOperations',
      clientInterface: 'AssetOperations',
      file: 'asset',
    });
    const methods = planGroupMethods(byTag, groups, []);
    expect(Object.fromEntries(methods)).toEqual({
      'get /pets/{id}': 'getPet',
      'delete /pets/{id}': 'delete',
      'get /assets': 'asset2',
      'get /errors': '_200',
      'post /things': 'postThings',
    });
  });
});
