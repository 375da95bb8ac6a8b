// Run by crash-safety.test.ts in a child process, so LEDGERSPEC_TEST_KILL_AT can kill it: does
// what generate's write stage does (recover, then switch both folders in with one journal).
import { planChanges, recoverSwitch, switchIn } from '../../../generator/pipeline/write.ts';

const [generated, mappings, want] = process.argv.slice(2) as [string, string, string];
const wanted = JSON.parse(want) as { generated: Record<string, string>; mappings: Record<string, string> };
const files = (tree: Record<string, string>) => Object.entries(tree).map(([path, contents]) => ({ path, contents }));
recoverSwitch([generated, mappings], [generated, mappings]);
const mapped = files(wanted.mappings);
switchIn(generated, [
  { dir: mappings, files: mapped, changes: planChanges(mappings, mapped).filter((c) => c.change !== 'removed') },
  { dir: generated, files: files(wanted.generated), changes: planChanges(generated, files(wanted.generated)) },
]);
