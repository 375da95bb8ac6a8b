import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The files that take longest, longest first (wall seconds in the last full run, where they
// were spawned processes, generations, browsers and Prism; conformance-cli and diff/cli left the
// list when they moved in-process, docs-browser moved down when its page loop got cheaper). A
// fresh CI clone has no record of earlier runs, so vitest would start the largest files first;
// starting the longest ones first instead lets the workers finish together rather than one
// running a slow file alone at the end. Files not listed follow in vitest's own order (its
// recorded durations when it has them).
const LONGEST_FIRST = [
  'test/docs/readme-shell.test.ts',
  'test/scaffold/readme-example.test.ts',
  'test/cli/conventions.test.ts',
  'test/pipeline/generate.test.ts',
  'test/docs/docs-browser.test.ts',
  'test/package/tarball.test.ts',
  'test/pipeline/memo-layers.test.ts',
  'test/server/prism-proxy.test.ts',
  'test/server/prism-mock.test.ts',
  'test/hostile/spec-generate.test.ts',
  'test/hostile/crash-safety.test.ts',
  'test/connectors/merge.test.ts',
  'test/pipeline/watch.test.ts',
  'test/pipeline/real-multi-file-spec.test.ts',
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/'));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    const byVitest = await super.sort(files);
    // Array.prototype.sort is stable: unlisted files keep vitest's order among themselves.
    return byVitest.sort((a, b) => rank(a) - rank(b));
  }
}
