// ESLint over every hand-written file; `npm run lint` runs it after `prettier --check .`, and
// test/lint/guards.test.ts proves the layer rule and the formatter check fail on seeded mistakes.
// Formatting is prettier's alone: eslint-config-prettier (last) turns off every rule it would fight.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (ARCHITECTURE.md, "Layers"), as eslint-plugin-boundaries file categories: each file
 * is in the first layer whose pattern matches it. Why this plugin: it is an allow-list — a layer may import
 * only what its row below names, so a new folder or a new wrong-way import fails until someone
 * decides where it belongs — and it classifies single files, which pipeline/ needs (its front
 * stages sit below the IR, front.ts/stages.ts orchestrate every stage).
 * Imports are resolved as TypeScript resolves them (scripts/eslint-resolver.cjs).
 */
const LAYER_FILES = [
  ['templates', 'templates/**'],
  ['generated', 'generated/**'],
  ['base', 'generator/{diagnostics,spec-extensions,package-root,version,import-typescript}.ts'],
  ['config', 'generator/{config,project-root}.ts'],
  ['source', 'generator/source/**'],
  ['front', 'generator/pipeline/{bundle,bundle-referenced,normalize,derive-examples,derive-write-schemas}.ts'],
  ['ir', 'generator/ir/**'],
  ['plan', 'generator/plan/**'],
  ['shared', 'generator/shared/**'],
  ['invariants', 'generator/invariants/**'],
  ['cache', 'generator/cache/**'],
  ['output', 'generator/pipeline/{format,write,kill-points}.ts'],
  ['validation', 'generator/validation/**'],
  ['emit', 'generator/emit/**'],
  ['lint', 'generator/lint/**'],
  ['diff', 'generator/diff/**'],
  ['connector-tools', 'generator/connectors/**'],
  ['scaffold', 'generator/scaffold/**'],
  ['pipeline', 'generator/{pipeline/front,pipeline/stages,pipeline/compiled-spec,pipeline/checks-cache,generate}.ts'],
  ['commands', 'generator/commands/**'],
  ['cli', 'generator/cli.ts'],
  ['connectors', 'connectors/**'],
  ['sandbox', 'sandbox/**'],
  ['bench', 'bench/**'],
  ['test', 'test/**'],
  ['tooling', '{bin,scripts}/**'],
  ['tooling', '{eslint,vitest,ledgerspec}.config.{js,ts}'],
];

/** What each layer may import besides itself. Read a row as "may import"; everything else fails. */
const FOUNDATION = ['base', 'source'];
const LAYERS = {
  // Runtime code copied verbatim into generated/: it cannot know the generator exists.
  templates: [],
  // Diagnostics order their output with source's comparator; source reports with diagnostics.
  base: ['source'],
  source: ['base'],
  // The spec's stages in their order: each reads only what comes before it.
  front: [...FOUNDATION],
  // The discriminator table's types are the validators runtime's (templates/validators/issues.ts).
  ir: [...FOUNDATION, 'templates'],
  // The NamePlan names resources with the labels scaffold and the emitters use.
  plan: [...FOUNDATION, 'ir', 'shared'],
  // What emitters, connector tools, lint and scaffold share (labels, templating, mapping facts,
  // the coverage model, connector layout); the connectors runtime's types come from templates/.
  shared: [...FOUNDATION, 'ir', 'templates'],
  // The x-invariants vocabulary: lint checks declarations, conformance runs the checks.
  invariants: [...FOUNDATION],
  // The cache's keys cover the config and the connectors' files; config bundling is cached.
  cache: [...FOUNDATION, 'config', 'ir', 'shared'],
  config: [...FOUNDATION, 'cache'],
  output: [...FOUNDATION, 'ir', 'cache'],
  // The generated validators are exported under the NamePlan's names.
  validation: [...FOUNDATION, 'ir', 'plan', 'shared', 'cache', 'templates'],
  // The consumers of the IR: none of them imports another.
  // config: the emitter names the config selects emitters by (EMITTER_NAMES).
  emit: [...FOUNDATION, 'config', 'ir', 'plan', 'shared', 'cache', 'validation'],
  lint: [...FOUNDATION, 'ir', 'shared', 'invariants', 'validation', 'templates'],
  diff: [...FOUNDATION, 'front', 'output'],
  'connector-tools': [...FOUNDATION, 'ir', 'shared', 'invariants', 'cache', 'validation', 'output', 'templates'],
  // scaffold writes spec text the house rules accept, so it reads lint's tables.
  scaffold: [...FOUNDATION, 'shared', 'lint', 'output'],
  // generate() and the lazily loaded stage bundle run every stage in order.
  pipeline: [
    ...FOUNDATION,
    ...['config', 'front', 'ir', 'plan', 'shared', 'cache', 'output', 'validation'],
    ...['emit', 'lint', 'connector-tools'],
  ],
  commands: [
    ...FOUNDATION,
    ...['config', 'front', 'ir', 'plan', 'shared', 'invariants', 'cache', 'output', 'validation'],
    ...['emit', 'lint', 'diff', 'connector-tools', 'scaffold', 'pipeline'],
  ],
  cli: [...FOUNDATION, 'config', 'pipeline', 'scaffold', 'commands'],
  // People's connectors are written against the generated package, as any user's code would be.
  connectors: ['generated'],
  // The sandbox serves the generated server and reads connector fixtures through the tools.
  sandbox: ['generated', 'templates', 'shared', 'connector-tools', 'connectors'],
  // Benchmarks, tests and tooling drive everything; only tooling imports tests (`npm run golden`
  // regenerates the golden trees with the tests' own configuration).
  bench: LAYER_FILES.map(([type]) => type).filter((type) => type !== 'test'),
  test: LAYER_FILES.map(([type]) => type),
  tooling: LAYER_FILES.map(([type]) => type),
};

/**
 * Functions over the caps when the caps were set, each held at the size it had (a ratchet: they may
 * shrink, not grow). Splitting them is work of its own: the JSON Schema walkers and the conformance
 * runner are one long decision each, issues.ts is runtime code copied into generated/.
 * `complexity` is the branch count, `lines` the function's length; new entries need a reason.
 */
const OVER_THE_CAPS = {
  'templates/validators/issues.ts': { complexity: 36, lines: 92 }, // describe: one message per Ajv keyword
  'test/server/prism-proxy.test.ts': { complexity: 35 }, // exampleFor: an example for each schema shape
  'generator/diff/schema-view.ts': { complexity: 34 }, // mergeAllOf, ownView: every keyword that can merge
  'generator/connectors/conformance.ts': { complexity: 28, lines: 93 }, // entity, readCase: the check list
  'connectors/xero/mappings/bank_transactions.ts': { complexity: 28 }, // request: transfer or transaction, checked
  'generator/connectors/fixtures.ts': { complexity: 24 }, // readFixtureMeta: one check per meta field
  'connectors/xero/reports.ts': { complexity: 22 }, // reportTree: Xero's report rows
  'generator/validation/json-syntax.ts': { lines: 114 }, // jsonProblem: a hand-written JSON scanner
  'bench/generate.ts': { lines: 107 }, // measure: the benchmark's scenario, step by step
  'generator/diff/rules/parameters.ts': { lines: 80 },
  'generator/diff/rules/request-body.ts': { lines: 74 },
  'generator/diff/rules/responses.ts': { lines: 65 },
};
const capsOf = ({ complexity, lines }) => ({
  ...(complexity && { complexity: ['error', complexity] }),
  ...(lines && { 'max-lines-per-function': ['error', { max: lines, skipBlankLines: true, skipComments: true }] }),
});

const layerRule = {
  default: 'disallow',
  policies: Object.entries(LAYERS).map(([type, allowed]) => ({
    from: { file: { categories: type } },
    allow: { to: { file: { categories: { anyOf: [type, ...allowed] } } } },
  })),
};

export default tseslint.config(
  {
    ignores: [
      'generated/**',
      'dist/**',
      'coverage/**',
      '.scratch/**',
      'test/.artifacts/**',
      'test/fixtures/**',
      // Golden trees: generated output of the third-party fixtures, checked by regenerate-and-diff.
      'test/golden/**',
      'connectors/*/fixtures/**',
      // Browser script served as a static asset of the docs site, not part of the build.
      'templates/docs/assets/**',
    ],
  },
  js.configs.recommended,
  // Syntax-only rules: the type-aware ones would type-check the whole project once more per run.
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { boundaries },
    settings: {
      // Files, not folders: the layers of pipeline/ and of generator/'s own files are single files.
      'boundaries/files': LAYER_FILES.map(([category, pattern]) => ({ category, pattern, exclusive: true })),
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // `.js` specifiers of `.ts` files resolve too: Node's resolver alone would leave them unchecked.
      'import/resolver': { [fileURLToPath(new URL('scripts/eslint-resolver.cjs', import.meta.url))]: {} },
    },
    rules: {
      'boundaries/dependencies': ['error', layerRule],
      // A file outside every layer would be checked by nothing: a new file in pipeline/ or in
      // generator/ itself has to be given its layer here first.
      'boundaries/no-unknown-files': 'error',
      // `_`-named bindings are deliberately unused: a rest sibling that drops a key, a skipped slot.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Caps for new code. 20 branches and 60 lines hold every function but those in OVER_THE_CAPS;
      // past them a function reads better split. Depth 4: nothing in the tree goes deeper.
      complexity: ['error', 20],
      'max-depth': ['error', 4],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // Prettier breaks code at 120 but not comments, strings or template text; those get the same
      // width. A URL cannot be broken, a regular expression literal is clearer whole.
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // A describe block is a list of cases: its length is how many there are. 200 holds the
      // longest (test/connectors/invariants.test.ts); an `it` body that long would still be odd.
      'max-lines-per-function': ['error', { max: 200, skipBlankLines: true, skipComments: true }],
      // Tests read JSON bodies and servers' untyped hooks; `any` there is the honest type.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // CommonJS because eslint-module-utils loads import resolvers with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // `{}` is the type of "no parameters" / "no body" (QueryOf, ArgsOf…), not a stand-in for object.
    files: ['templates/client/runtime/{types,operation-types}.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  ...Object.entries(OVER_THE_CAPS).map(([file, caps]) => ({ files: [file], rules: capsOf(caps) })),
  prettier,
);
