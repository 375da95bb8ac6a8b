import { planChanges, recoverSwitch, switchIn } from '../../../generator/pipeline/write.ts';

export type Tree = Record<string, string>;

/** What generate's write stage does: recover, then switch both folders in with one journal. */
export function switchBoth(generated: string, mappings: string, wanted: { generated: Tree; mappings: Tree }): void {
  const files = (tree: Tree) => Object.entries(tree).map(([path, contents]) => ({ path, contents }));
  recoverSwitch([generated, mappings], [generated, mappings]);
  const mapped = files(wanted.mappings);
  switchIn(generated, [
    { dir: mappings, files: mapped, changes: planChanges(mappings, mapped).filter((c) => c.change !== 'removed') },
    { dir: generated, files: files(wanted.generated), changes: planChanges(generated, files(wanted.generated)) },
  ]);
}
