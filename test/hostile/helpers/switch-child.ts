// Run by crash-safety.test.ts in a child process, so LEDGERSPEC_TEST_KILL_AT can kill it: does
// what generate's write stage does (recover, then switch both folders in with one journal).
import { switchBoth } from './switch-both.ts';

const [generated, mappings, want] = process.argv.slice(2) as [string, string, string];
switchBoth(generated, mappings, JSON.parse(want));
