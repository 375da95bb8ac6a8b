import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../helpers/project-copy.ts';
import { DIFF_BASE, SpecCopy } from '../diff/helpers.ts';

// The CLI's conventions in every command (issue #16): exit 0 when all is well, 1 for problems found
// in the input, 2 for wrong usage or an input that cannot be read; problems on stderr, results on
// stdout; --format json everywhere, github and sarif where there are findings. Each case spawns
// the built CLI (dist/cli, plain JavaScript) once: the machine has two cores.

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(PROJECT, 'dist/cli/cli.js');
const LINT_BASE = join(PROJECT, 'test/fixtures/lint-base');
const RUNTIME = join(PROJECT, 'generated/connectors/index.ts');
const scratch = mkdtempSync(join(tmpdir(), 'ledgerspec-conventions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Folders the cases run in (filled in beforeAll). */
const at = { good: '', broken: '', scaffold: '', connectors: '', diffHead: '' };

// No colour or CI settings from the test runner's own environment: the children's streams are
// pipes, so the output must come out plain and unanimated on its own.
const { FORCE_COLOR: _force, NO_COLOR: _no, CI: _ci, ...env } = process.env;

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder: package.json, a copy of a spec (the small fixture one by default),
 * node_modules from here. */
function project(name: string, edit?: (widget: string) => string, spec = LINT_BASE): string {
  const dir = join(scratch, name);
  cpSync(spec, join(dir, 'spec'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const widget = join(dir, 'spec/schemas/accounting/widget.yaml');
  if (edit) writeFileSync(widget, edit(readFileSync(widget, 'utf8')));
  return dir;
}

function put(file: string, contents: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof contents === 'string' ? contents : `${JSON.stringify(contents, null, 2)}\n`);
}

const WIDGET = {
  platform_id: 'w-1',
  name: 'Sprocket',
  status: 'Active',
  tags: ['blue'],
  gadget_id: 'g-1',
  made_on: '2024-01-01T00:00:00.000Z',
  total: 5,
  parts: [{ amount: 2 }, { amount: 3 }],
  updated_at: '2024-01-01T00:00:00Z',
};

/** A one-entity connector (contacts of the real spec) whose read mapping gives `name` from
 * DisplayName; `expectedName` is what its fixture says the unified record holds. */
function connector(platform: string, expectedName: string): void {
  const dir = join(at.connectors, 'connectors', platform);
  put(
    join(dir, 'connector.ts'),
    `import { defineConnector } from ${JSON.stringify(RUNTIME)};\nexport default defineConnector({ name: 'Demo', recordOf: (payload) => payload, unsupportedEntities: {}, storedRecords: {} });\n`,
  );
  put(
    join(dir, 'mappings/contacts.ts'),
    `import { mapRead, notSupported } from ${JSON.stringify(RUNTIME)};
type Raw = { Id: string; DisplayName: string };
export const read = mapRead<'contacts', Raw>({
  platform_id: (raw) => raw.Id,
  name: (raw) => raw.DisplayName,
  contact_type: () => 'Customer',
  email: () => null,
  tax_number: notSupported('Demo keeps no tax numbers'),
} as never);
`,
  );
  put(join(dir, 'fixtures/contacts/acme.raw.json'), { Id: 'C-1', DisplayName: 'Acme Ltd' });
  put(join(dir, 'fixtures/contacts/acme.unified.json'), {
    platform_id: 'C-1',
    name: expectedName,
    contact_type: 'Customer',
    email: null,
  });
  put(join(dir, 'fixtures/contacts/acme.meta.json'), {
    source: 'Constructed for test/cli/conventions.test.ts',
    verbatim: false,
    notes: 'One contact.',
  });
}

beforeAll(() => {
  ensureCliBundle();
  at.good = project('good');
  put(join(at.good, 'records/widgets/ok.json'), WIDGET);
  put(join(at.good, 'records/widgets/bad.json'), '{\n  "platform_id": "w-2",\n  "total": "five"\n}\n');
  at.broken = project('broken', (t) => t.replace('x-relation: gadgets', 'x-relation: gizmos'));
  // The project's own spec: a new resource refers to its shared parameters and envelopes.
  at.scaffold = project('scaffold', undefined, join(PROJECT, 'spec'));

  at.connectors = join(scratch, 'connectors-project');
  put(join(at.connectors, 'package.json'), { private: true, type: 'module' });
  // node_modules as a project that installed ledgerspec has it: its cache then holds the real
  // spec's compiled document already (keyed by every spec file and the generator), so the runs
  // here do not each start with a cold compile of it.
  symlinkSync(join(PROJECT, 'node_modules'), join(at.connectors, 'node_modules'), 'dir');
  connector('demo', 'Acme Ltd');
  connector('demo-bad', 'Acme Limited');
  put(join(at.connectors, 'connectors/acme-bad/mappings/invoices.ts'), 'export const read = ;\n');
  at.diffHead = new SpecCopy(scratch)
    .remove('schemas/accounting/widget.yaml', '/properties/tags')
    .remove('schemas/accounting/widget.yaml', '/examples/0/tags').dir;
}, 60_000);

type Kind = 'ok' | 'findings' | 'usage';
interface Case {
  command: string;
  kind: Kind;
  cwd: keyof typeof at;
  args: () => string[];
  /** What stdout holds: nothing, or text matching this (a JSON document is parsed). */
  stdout: '' | RegExp | 'json';
  /** What stderr holds: nothing, or text matching this. */
  stderr: '' | RegExp;
}

const REAL_SPEC = ['--spec', join(PROJECT, 'spec')];
const EXIT: Record<Kind, number> = { ok: 0, findings: 1, usage: 2 };

const CASES: Case[] = [
  {
    command: 'lint',
    kind: 'ok',
    cwd: 'good',
    args: () => ['lint'],
    stdout: /^ledgerspec lint: no problems\n$/,
    stderr: '',
  },
  {
    command: 'lint',
    kind: 'findings',
    cwd: 'broken',
    args: () => ['lint'],
    stdout: '',
    stderr:
      /^spec\/schemas\/accounting\/widget\.yaml:30 error \[relation-target\] at \/properties\/gadget_id\/x-relation: [^\n]*\n {2}29 \|[^\n]*\n> 30 \| {5}x-relation: gizmos\n[\s\S]*1 problem\(s\) in 1 file\(s\)\n$/,
  },
  {
    command: 'lint',
    kind: 'usage',
    cwd: 'good',
    args: () => ['lint', '--format', 'xml'],
    stdout: '',
    stderr: /argument 'xml' is invalid/,
  },
  {
    command: 'generate',
    kind: 'ok',
    cwd: 'good',
    args: () => ['generate', '--out', 'out', '--format', 'json'],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'generate',
    kind: 'findings',
    cwd: 'broken',
    args: () => ['generate', '--check', '--out', 'out'],
    stdout: '',
    stderr: /relation-target[\s\S]*nothing was written\.\n$/,
  },
  {
    command: 'generate',
    kind: 'usage',
    cwd: 'good',
    args: () => ['generate', '--watch', '--check'],
    stdout: '',
    stderr: /--watch and --check do not go together/,
  },
  {
    command: 'docs',
    kind: 'ok',
    cwd: 'good',
    args: () => ['docs', '--no-coverage', '--out', 'site', '--format', 'json'],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'docs',
    kind: 'findings',
    cwd: 'broken',
    args: () => ['docs', '--no-coverage', '--out', 'site'],
    stdout: '',
    stderr: /relation-target[\s\S]*nothing was written\.\n$/,
  },
  {
    command: 'docs',
    kind: 'usage',
    cwd: 'good',
    args: () => ['docs', '--bogus'],
    stdout: '',
    stderr: /unknown option '--bogus'/,
  },
  {
    command: 'validate',
    kind: 'ok',
    cwd: 'good',
    args: () => ['validate', 'records/widgets/ok.json', '--format', 'json'],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'validate',
    kind: 'findings',
    cwd: 'good',
    args: () => ['validate', 'records/widgets/bad.json'],
    stdout: '',
    stderr:
      /^records\/widgets\/bad\.json:3 \/total: [^\n]*\n[\s\S]*ledgerspec validate: 1 issue\(s\) in 1 of 1 file\(s\)/,
  },
  {
    command: 'validate',
    kind: 'usage',
    cwd: 'good',
    args: () => ['validate'],
    stdout: '',
    stderr: /missing required argument 'files'/,
  },
  {
    command: 'diff',
    kind: 'ok',
    cwd: 'good',
    args: () => ['diff', DIFF_BASE, DIFF_BASE],
    stdout: /No changes\.\n[\s\S]*No unaccepted breaking changes\.\n$/,
    stderr: '',
  },
  {
    command: 'diff',
    kind: 'findings',
    cwd: 'good',
    args: () => ['diff', DIFF_BASE, at.diffHead],
    stdout: /^Breaking \(3\)$/m,
    stderr: /^3 breaking change\(s\) not accepted: exit 1\./,
  },
  {
    command: 'diff',
    kind: 'usage',
    cwd: 'good',
    args: () => ['diff', '--format', 'xml'],
    stdout: '',
    stderr: /argument 'xml' is invalid/,
  },
  {
    command: 'conformance',
    kind: 'ok',
    cwd: 'connectors',
    args: () => [...REAL_SPEC, 'conformance', '--connector', 'demo', '--no-report', '--format', 'json'],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'conformance',
    kind: 'findings',
    cwd: 'connectors',
    args: () => [...REAL_SPEC, 'conformance', '--connector', 'demo-bad', '--no-report'],
    stdout: /^demo-bad: 1 mapping\(s\)/m,
    stderr:
      /^FAIL demo-bad contacts connectors\/demo-bad\/fixtures\/contacts\/acme\.unified\.json:3 \/name: [^\n]*\[read\]\n[\s\S]*conformance: 1 failure\(s\)\n$/,
  },
  {
    command: 'conformance',
    kind: 'usage',
    cwd: 'connectors',
    args: () => ['conformance', '--format', 'xml'],
    stdout: '',
    stderr: /argument 'xml' is invalid/,
  },
  {
    command: 'scaffold resource',
    kind: 'ok',
    cwd: 'scaffold',
    // The README's example (test/scaffold/readme-example.test.ts runs it too, in a project sharing
    // this one's node_modules and so its cache): whichever runs second generates from the memo.
    args: () => [
      'scaffold',
      'resource',
      'fixed_assets',
      '--area',
      'accounting',
      '--ops',
      'list,get,create',
      '--format',
      'json',
    ],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'scaffold resource',
    kind: 'findings',
    cwd: 'scaffold',
    args: () => ['scaffold', 'resource', 'invoices', '--area', 'accounting'],
    stdout: '',
    stderr: /already defines invoices \(Invoice\)\n$/,
  },
  {
    command: 'scaffold resource',
    kind: 'usage',
    cwd: 'scaffold',
    args: () => ['scaffold', 'resource', 'fixed_assets'],
    stdout: '',
    stderr: /required option '--area <area>' not specified/,
  },
  {
    command: 'scaffold connector',
    kind: 'ok',
    cwd: 'scaffold',
    args: () => ['scaffold', 'connector', 'acme', '--entities', 'invoices', '--format', 'json'],
    stdout: 'json',
    stderr: '',
  },
  {
    command: 'scaffold connector',
    kind: 'findings',
    cwd: 'connectors',
    args: () => [...REAL_SPEC, 'scaffold', 'connector', 'acme-bad', '--entities', 'invoices'],
    stdout: '',
    stderr: /does not parse[\s\S]*nothing was written\n$/,
  },
  {
    command: 'scaffold connector',
    kind: 'usage',
    cwd: 'scaffold',
    args: () => ['scaffold', 'connector', 'Acme_Books'],
    stdout: '',
    stderr: /must be kebab-case/,
  },
];

describe('every command × (ok, findings, usage error): exit code and which stream carries what', () => {
  for (const c of CASES) {
    it(`${c.command}, ${c.kind}: exit ${EXIT[c.kind]}`, () => {
      const result = run(at[c.cwd], c.args());
      expect(result.status, result.stderr).toBe(EXIT[c.kind]);
      if (c.stdout === 'json') expect(JSON.parse(result.stdout)).toBeTypeOf('object');
      else if (c.stdout === '') expect(result.stdout).toBe('');
      else expect(result.stdout).toMatch(c.stdout);
      // validate and conformance say on stderr when they compile validators at run time (these
      // projects have no generated/ of their spec): a notice, not a problem.
      const stderr = result.stderr.replace(
        /^ledgerspec (validate|conformance): compiling validators at run time: .*\n/,
        '',
      );
      if (c.stderr === '') expect(stderr).toBe('');
      else expect(stderr).toMatch(c.stderr);
      // Pipes, not a terminal: no colour, no spinner, no stack trace.
      // eslint-disable-next-line no-control-regex -- an escape character is what it looks for
      expect(result.stdout + result.stderr).not.toMatch(/\u001b|\r|\n\s+at .*:\d+:\d+\)?\n/);
    }, 120_000);
  }
});

describe('machine formats', () => {
  let validateSarif: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    // Draft-04 schema: its `id` and `$schema` dropped, the rest compiles as it is.
    const {
      $schema: _s,
      id: _id,
      ...schema
    } = JSON.parse(readFileSync(join(PROJECT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // Its patterns are written for non-Unicode regular expressions (a lone `]` in one).
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    validateSarif = ajv.compile(schema);
  });

  const sarif = (stdout: string) => {
    const log = JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          message: { text: string };
          locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    return log.runs[0]?.results ?? [];
  };

  it('lint --format sarif: a valid SARIF 2.1.0 log locating the problem', () => {
    const result = run(at.broken, ['lint', '--format', 'sarif']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(sarif(result.stdout)).toEqual([
      expect.objectContaining({
        ruleId: 'relation-target',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'spec/schemas/accounting/widget.yaml' },
              region: { startLine: 30 },
            },
          },
        ],
      }),
    ]);
  });

  it('lint --format github: one workflow annotation per problem', () => {
    const result = run(at.broken, ['lint', '--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=spec\/schemas\/accounting\/widget\.yaml,line=30,title=relation-target::at \/properties\/gadget_id\/x-relation: [^\n]+\n$/,
    );
  });

  it('validate --format sarif', () => {
    const result = run(at.good, ['validate', 'records/widgets/bad.json', '--format', 'sarif']);
    expect(result.status).toBe(1);
    expect(sarif(result.stdout)).toEqual([
      expect.objectContaining({
        level: 'error',
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'records/widgets/bad.json' }, region: { startLine: 3 } } },
        ],
      }),
    ]);
  });

  it('conformance --format sarif', () => {
    const result = run(at.connectors, [
      ...REAL_SPEC,
      'conformance',
      '--connector',
      'demo-bad',
      '--no-report',
      '--format',
      'sarif',
    ]);
    expect(result.status).toBe(1);
    expect(sarif(result.stdout)).toEqual([
      expect.objectContaining({
        ruleId: 'conformance/read',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'connectors/demo-bad/fixtures/contacts/acme.unified.json' },
              region: { startLine: 3 },
            },
          },
        ],
      }),
    ]);
  });

  it('diff --format sarif and github: unaccepted breaking changes are errors at the head file', () => {
    const log = run(at.good, ['diff', DIFF_BASE, at.diffHead, '--format', 'sarif']);
    expect(log.status).toBe(1);
    const results = sarif(log.stdout);
    expect(
      results
        .filter((r) => r.level === 'error')
        .map((r) => r.ruleId)
        .sort(),
    ).toEqual(['request-property-removed', 'request-property-removed', 'response-property-removed']);
    const github = run(at.good, ['diff', DIFF_BASE, at.diffHead, '--format', 'github']);
    expect(github.status).toBe(1);
    expect(github.stdout.trimEnd().split('\n')).toHaveLength(results.length);
    expect(github.stdout).toMatch(/^::error title=response-property-removed::optional field `tags` removed/m);
  });
});

describe('anywhere in the project', () => {
  it('finds the project root from a subfolder, and --quiet leaves only problems', () => {
    const sub = join(at.good, 'spec/schemas/accounting');
    const result = run(sub, ['lint', '--verbose']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ledgerspec lint: no problems\n');
    expect(result.stderr).toContain(`project root: ${at.good} (found above the working folder)`);
    const quiet = run(sub, ['--quiet', 'validate', '../../../records/widgets/ok.json']);
    expect(quiet).toEqual({ status: 0, stdout: '', stderr: '' }); // the notice too is left out
  });

  it('loads ledgerspec.config.ts and connectors in a package that is not "type": "module" (npm init\'s default)', () => {
    const dir = join(scratch, 'commonjs-project');
    cpSync(join(at.connectors, 'connectors/demo'), join(dir, 'connectors/demo'), { recursive: true });
    put(join(dir, 'package.json'), { private: true });
    put(join(dir, 'ledgerspec.config.ts'), "export default { connectorsDir: 'connectors' };\n");
    // No cache: the config is then imported through tsx too, not bundled by esbuild.
    const result = spawnSync(
      process.execPath,
      [CLI, ...REAL_SPEC, 'conformance', '--connector', 'demo', '--no-report'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...env, LEDGERSPEC_CACHE: 'off' },
      },
    );
    expect(result.stderr).not.toMatch(/cannot load/);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^demo: 1 mapping\(s\), 1 fixture case\(s\)/m);
  });

  it('exits 2, without a stack trace, when ledgerspec.config.ts does not load', () => {
    const dir = project('bad-config');
    writeFileSync(join(dir, 'ledgerspec.config.ts'), "throw new Error('no settings today');\n");
    const result = run(join(dir, 'spec'), ['lint']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`ledgerspec: cannot load ${join(dir, 'ledgerspec.config.ts')}: no settings today\n`);
  });
});
