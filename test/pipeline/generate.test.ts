import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { generate } from '../../generator/generate.ts';
import { listFiles } from '../../generator/pipeline/write.ts';
import { yamlFilesIn } from '../../generator/source/spec-sources.ts';
import { PROJECT_DIR, SPEC_DIR } from '../helpers/spec.ts';

const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-gen-'));
  temps.push(dir);
  return dir;
}

function configFor(specDir: string, outDir: string): LedgerspecConfig {
  return { ...DEFAULT_CONFIG, specDir, outDir, connectorsDir: join(outDir, '..', 'no-connectors') };
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
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function copySpec(): string {
  const dir = tempDir();
  cpSync(SPEC_DIR, dir, { recursive: true });
  return dir;
}

describe('generate', () => {
  it('is deterministic: twice, and from a copy of the spec with every key shuffled', async () => {
    const first = tempDir();
    const second = tempDir();
    await generate(configFor(SPEC_DIR, first));
    const again = await generate(configFor(SPEC_DIR, first));
    expect(again.changes).toEqual([]);
    const shuffled = copySpec();
    const random = seeded(20261121);
    for (const file of yamlFilesIn(shuffled)) writeFileSync(file, stringify(shuffleKeys(parse(readFileSync(file, 'utf8')), random)));
    await generate(configFor(shuffled, second));
    const a = snapshot(first);
    const b = snapshot(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
  });

  it('--check names the stale file after a one-field spec change, and writes nothing', async () => {
    const out = tempDir();
    await generate(configFor(SPEC_DIR, out));
    const spec = copySpec();
    const currency = join(spec, 'schemas/accounting/currency.yaml');
    const added = "  iso_numeric:\n    type: [string, 'null']\n    description: The ISO 4217 numeric code.\n  symbol:\n";
    writeFileSync(currency, readFileSync(currency, 'utf8').replace('  symbol:\n', added));
    const before = snapshot(out);
    const cli = spawnSync('node', [BIN, '--spec', spec, 'generate', '--check', '--out', out], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/^stale: .*openapi\.json \(differs\)$/m);
    expect(snapshot(out)).toEqual(before);
  });

  // Lithuanian sorts `y` between `i` and `j`, Turkish cases `i` its own way: the committed
  // generated/ (made here in the C locale) must be current under both.
  it.each(['lt_LT.UTF-8', 'tr_TR.UTF-8'])('does not depend on time zone or locale (%s)', (locale) => {
    const env = { ...process.env, TZ: 'Pacific/Kiritimati', LANG: locale, LC_ALL: locale };
    const cli = spawnSync('node', [BIN, 'generate', '--check'], { cwd: PROJECT_DIR, encoding: 'utf8', env });
    expect(cli.stdout, cli.stdout + cli.stderr).toContain('is up to date');
    expect(cli.status).toBe(0);
  });

  it('--check passes when the output is current', () => {
    const out = tempDir();
    spawnSync('node', [BIN, 'generate', '--out', out], { cwd: PROJECT_DIR, encoding: 'utf8' });
    const cli = spawnSync('node', [BIN, 'generate', '--check', '--out', out], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(cli.stdout).toContain('is up to date');
    expect(cli.status).toBe(0);
  });
});

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
      expect: /schemas\/accounting\/invoice\.yaml:\d+ error \[dangling-ref\] at \/properties\/line_items\/items\/\$ref: \$ref "..\/common\/line_items.yaml" leads to no file/,
    },
    'a duplicate operationId': {
      file: 'paths/accounting/bills.yaml',
      edit: (t: string) => t.replace('operationId: getBill', 'operationId: listBills'),
      expect: /paths\/accounting\/bills\.yaml:\d+ error \[operation-id\] at \/item\/get\/operationId: operationId listBills is used twice/,
    },
  };

  it.each(Object.entries(cases))('%s: one screen with file, line and pointer, exit 1, output untouched', async (_name, c) => {
    const out = tempDir();
    await generate(configFor(SPEC_DIR, out));
    const before = snapshot(out);
    const spec = copySpec();
    const target = join(spec, c.file);
    writeFileSync(target, c.edit(readFileSync(target, 'utf8')));
    const cli = spawnSync('node', [BIN, '--spec', spec, 'generate', '--out', out], { cwd: spec, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(c.expect);
    expect(cli.stderr).toContain('nothing was written');
    expect(cli.stderr.split('\n').length).toBeLessThan(25);
    expect(snapshot(out)).toEqual(before);
  });
});
