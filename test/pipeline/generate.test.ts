import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/commands/generate.ts';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { generate } from '../../generator/generate.ts';
import { listFiles } from '../../generator/pipeline/write.ts';
import { yamlFilesIn } from '../../generator/source/spec-sources.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { PROJECT_DIR, SPEC_DIR } from '../helpers/spec.ts';

const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-gen-'));
  temps.push(dir);
  return dir;
}

// One cache for the file's in-process runs: the first fills it, later ones format from it (and
// must give the same bytes as a cold run) or are answered from its record.
const CACHE = tempDir();

function configFor(specDir: string, outDir: string, cacheDir: string | undefined = CACHE): LedgerspecConfig {
  return { ...DEFAULT_CONFIG, specDir, outDir, connectorsDir: join(outDir, '..', 'no-connectors'), cacheDir };
}

/** Runs `work` with the process's time zone set to `tz`, then puts the zone back. Node applies a
 * change of process.env.TZ at once (Date and Intl), unlike the locale, which is fixed per process. */
async function inTimeZone<T>(tz: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** generated/ of the project's spec, made once (cold: an empty cache) in Newfoundland's time zone
 * (UTC−3:30): the first test compares it byte for byte with a run in the runner's own zone. Copies
 * serve the tests that need an up-to-date output folder to start from. */
let baseline: Promise<string> | undefined;
function upToDateOutput(): Promise<string> {
  baseline ??= (async () => {
    const dir = tempDir();
    const cold = await inTimeZone('America/St_Johns', () => generate(configFor(SPEC_DIR, dir)));
    expect(cold.cached).toBe(false);
    return dir;
  })();
  return baseline;
}

async function copyOfOutput(): Promise<string> {
  const dir = tempDir();
  cpSync(await upToDateOutput(), dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Deterministic Fisher-Yates over every object's keys, seeded. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  return Object.fromEntries(keys.map((k) => [k, shuffleKeys((value as Record<string, unknown>)[k], random)]));
}

function seeded(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function copySpec(): string {
  const dir = tempDir();
  cpSync(SPEC_DIR, dir, { recursive: true });
  return dir;
}

describe('generate', () => {
  it("is deterministic: cold (in UTC−3:30), from its own record, and from a copy of the spec with every key shuffled (formatted from the cache, in the runner's time zone)", async () => {
    const first = await upToDateOutput();
    const again = await generate(configFor(SPEC_DIR, first));
    expect(again.cached).toBe(true);
    expect(again.changes).toEqual([]);
    const second = tempDir();
    const shuffled = copySpec();
    const random = seeded(20261121);
    for (const file of yamlFilesIn(shuffled))
      writeFileSync(file, stringify(shuffleKeys(parse(readFileSync(file, 'utf8')), random)));
    const warm = await generate(configFor(shuffled, second));
    expect(warm.cached).toBe(false);
    const a = snapshot(first);
    const b = snapshot(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
  });

  it('never answers from the cache when the output was edited by hand: --check names the file', async () => {
    const out = await copyOfOutput();
    const edited = join(out, 'types/index.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}// edited\n`);
    const check = await generate(configFor(SPEC_DIR, out), { check: true });
    expect(check.cached).toBe(false);
    expect(check.changes).toEqual([{ path: 'types/index.ts', change: 'changed' }]);
  });

  it('--check names the stale file after a one-field spec change, and writes nothing', async () => {
    const out = await copyOfOutput();
    const spec = copySpec();
    const currency = join(spec, 'schemas/accounting/currency.yaml');
    const added =
      "  iso_numeric:\n    type: [string, 'null']\n    description: The ISO 4217 numeric code.\n  symbol:\n";
    writeFileSync(currency, readFileSync(currency, 'utf8').replace('  symbol:\n', added));
    const before = snapshot(out);
    // In-process, with the CLI's own output: the same lines, without a second load of the generator.
    const cli = capturedOutput();
    expect(await runGenerate(configFor(spec, out), { check: true }, cli.output)).toBe(1);
    expect(cli.stderr()).toMatch(/^stale: .*openapi\.json \(differs\)$/m);
    expect(snapshot(out)).toEqual(before);
  });

  // Lithuanian sorts `y` between `i` and `j`, Turkish cases `i` its own way and writes numbers and
  // dates its own way; Kiritimati is UTC+14 (another date than UTC most of the day), Nepal's offset
  // is +5:45: the committed generated/ (made in the C locale) must be what each of them makes, in
  // the project (--check) and with --out elsewhere (byte-compared). The default locale is fixed per
  // process, so each child has a locale and a time zone of its own (a third zone, UTC−3:30, is the
  // in-process cold run above). Each run has a cache of its own holding formatted files and parsed
  // spec files only (keyed by their text, so an emitter that depended on the locale would miss the
  // format entries; the YAML parser reads no locale), never a record of a run that could answer
  // without emitting, nor any other memo (made in the runner's locale).
  const committed = () =>
    new Map(
      listFiles(join(PROJECT_DIR, 'generated'))
        .filter((f) => !f.startsWith('docs/'))
        .map((f) => [f, readFileSync(join(PROJECT_DIR, 'generated', f), 'utf8')]),
    );
  it.each([
    { locale: 'lt_LT.UTF-8', tz: 'Pacific/Kiritimati', out: false },
    { locale: 'tr_TR.UTF-8', tz: 'Asia/Kathmandu', out: true },
  ])('does not depend on locale or time zone ($locale, $tz, --out elsewhere: $out)', async ({ locale, tz, out }) => {
    await upToDateOutput();
    const cache = tempDir();
    for (const area of ['format', 'parsed']) cpSync(join(CACHE, area), join(cache, area), { recursive: true });
    const env = { ...process.env, TZ: tz, LANG: locale, LC_ALL: locale };
    const outDir = out ? join(tempDir(), 'elsewhere') : undefined;
    const args = [BIN, 'generate', ...(outDir ? ['--out', outDir] : ['--check']), '--cache-dir', cache];
    const cli = spawnSync('node', args, { cwd: PROJECT_DIR, encoding: 'utf8', env });
    expect(cli.stdout).toMatch(/ · emit \d+ms/);
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    if (outDir) expect(snapshot(outDir)).toEqual(committed());
    else expect(cli.stdout).toContain('is up to date');
  });

  it('--check passes when the output is current', async () => {
    const out = await copyOfOutput();
    const cli = spawnSync('node', [BIN, 'generate', '--check', '--out', out], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(cli.stdout).toContain('is up to date');
    expect(cli.status).toBe(0);
  });
});

// The CLI's own exit codes and streams for generate are the spawned runs above (and
// test/cli/conventions.test.ts); a broken spec is reported by the command's run function, called
// in-process with the CLI's Output.
describe('a broken spec', () => {
  const cases = {
    'a YAML syntax error': {
      file: 'schemas/accounting/currency.yaml',
      edit: (t: string) => t.replace('  symbol:\n', '  symbol: [\n'),
      expect: /schemas\/accounting\/currency\.yaml:\d+ error \[yaml-syntax\] at \//,
    },
    'a dangling $ref': {
      file: 'schemas/accounting/invoice.yaml',
      edit: (t: string) => t.replace('$ref: ../common/line_item.yaml', '$ref: ../common/line_items.yaml'),
      expect:
        /schemas\/accounting\/invoice\.yaml:\d+ error \[dangling-ref\] at \/properties\/line_items\/items\/\$ref: \$ref "..\/common\/line_items.yaml" leads to no file/,
    },
    'a duplicate operationId': {
      file: 'paths/accounting/bills.yaml',
      edit: (t: string) => t.replace('operationId: getBill', 'operationId: listBills'),
      expect:
        /paths\/accounting\/bills\.yaml:\d+ error \[operation-id\] at \/item\/get\/operationId: operationId listBills is used twice/,
    },
  };

  it.each(Object.entries(cases))(
    '%s: one screen with file, line and pointer, exit 1, output untouched',
    async (_name, c) => {
      const out = await copyOfOutput();
      const before = snapshot(out);
      const spec = copySpec();
      const target = join(spec, c.file);
      writeFileSync(target, c.edit(readFileSync(target, 'utf8')));
      const cli = capturedOutput();
      expect(await runGenerate(configFor(spec, out), { check: false }, cli.output)).toBe(1);
      expect(cli.stdout()).toBe('');
      expect(cli.stderr()).toMatch(c.expect);
      expect(cli.stderr()).toContain('nothing was written');
      expect(cli.stderr().split('\n').length).toBeLessThan(25);
      expect(snapshot(out)).toEqual(before);
    },
  );
});
