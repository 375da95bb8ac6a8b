import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CacheStore, hashOf } from '../../generator/cache/store.ts';
import { packageFingerprint, readInputs, runKey } from '../../generator/cache/fingerprint.ts';
import { DEFAULT_CONFIG, loadConfig, type LedgerspecConfig } from '../../generator/config.ts';
import { generate } from '../../generator/generate.ts';
import { PROJECT_DIR, SPEC_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

// The cache may only ever be asked for what it holds: every entry is named by the hash of all that
// determines it. These tests change each kind of input and check that the key changes with it.
// (test/pipeline/generate.test.ts checks cold, warm and recorded runs give the same bytes.)

const tempDir = tempDirs('ledgerspec-cache-');

/** A third-party spec (no house rules) with one warning: a format Ajv does not know. */
const WARNING_SPEC = `openapi: 3.1.0
info: { title: Warned, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
components:
  schemas:
    Thing:
      type: object
      properties:
        code: { type: string, format: made-up }
`;

function projectCopy(): LedgerspecConfig {
  const root = tempDir();
  cpSync(SPEC_DIR, join(root, 'spec'), { recursive: true });
  cpSync(join(PROJECT_DIR, 'connectors/xero/mappings'), join(root, 'connectors/xero/mappings'), { recursive: true });
  return {
    ...DEFAULT_CONFIG,
    specDir: join(root, 'spec'),
    outDir: join(root, 'generated'),
    connectorsDir: join(root, 'connectors'),
  };
}

describe('the run key', () => {
  it('changes with a spec file, a new spec file, a mapping file and the options; not with anything else', () => {
    const config = projectCopy();
    const key = () => runKey(config, readInputs(config));
    const original = key();
    expect(key()).toBe(original);
    writeFileSync(join(config.connectorsDir, 'coverage.md'), 'a report is not an input');
    expect(key()).toBe(original);

    const currency = join(config.specDir, 'schemas/accounting/currency.yaml');
    writeFileSync(currency, readFileSync(currency, 'utf8').replace('description:', 'description: Edited.'));
    const afterSpecEdit = key();
    expect(afterSpecEdit).not.toBe(original);
    writeFileSync(join(config.specDir, 'schemas/accounting/new.yaml'), 'type: object\n');
    const afterNewFile = key();
    expect(afterNewFile).not.toBe(afterSpecEdit);
    const mapping = join(config.connectorsDir, 'xero/mappings/invoices.ts');
    writeFileSync(mapping, `${readFileSync(mapping, 'utf8')}\n// a hand-written note\n`);
    const afterMappingEdit = key();
    expect(afterMappingEdit).not.toBe(afterNewFile);
    expect(runKey({ ...config, houseRules: false }, readInputs(config))).not.toBe(afterMappingEdit);
    expect(runKey({ ...config, rootFile: 'other.yaml' }, readInputs(config))).not.toBe(afterMappingEdit);
  });

  it('is the same for a copy of the project elsewhere, whatever the working folder', () => {
    const config = projectCopy();
    const copy = projectCopy();
    const key = (c: LedgerspecConfig) => runKey(c, readInputs(c));
    const original = key(config);
    expect(key(copy)).toBe(original);
    const elsewhere = vi.spyOn(process, 'cwd').mockReturnValue(copy.specDir);
    try {
      expect(key(copy)).toBe(original);
    } finally {
      elsewhere.mockRestore();
    }
    const currency = join(copy.specDir, 'schemas/accounting/currency.yaml');
    writeFileSync(currency, readFileSync(currency, 'utf8').replace('description:', 'description: Edited.'));
    expect(key(copy)).not.toBe(original);
  });

  it("replays a recorded run's warnings in a copy of the project as the copy's files", async () => {
    const cacheDir = tempDir();
    const project = () => {
      const root = tempDir();
      mkdirSync(join(root, 'spec'));
      writeFileSync(join(root, 'spec/openapi.yaml'), WARNING_SPEC);
      return {
        ...DEFAULT_CONFIG,
        specDir: join(root, 'spec'),
        outDir: join(root, 'out'),
        houseRules: false,
        cacheDir,
        connectorsDir: join(root, 'connectors'),
      };
    };
    const first = project();
    const cold = await generate(first);
    expect(cold.warnings.map((w) => w.file)).toEqual([join(first.specDir, 'openapi.yaml')]);
    const second = project();
    cpSync(first.outDir, second.outDir, { recursive: true });
    const replayed = await generate(second);
    expect(replayed.cached).toBe(true);
    expect(replayed.warnings.map((w) => w.file)).toEqual([join(second.specDir, 'openapi.yaml')]);
  });

  it('changes with any template or generator file of the package that runs', () => {
    const copy = tempDir();
    for (const part of ['package.json', 'generator', 'templates'])
      cpSync(join(PROJECT_DIR, part), join(copy, part), { recursive: true });
    const original = packageFingerprint(copy);
    expect(packageFingerprint(PROJECT_DIR)).toBe(original);
    const template = join(copy, 'templates/client/resource.ts.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n`);
    const afterTemplate = packageFingerprint(copy);
    expect(afterTemplate).not.toBe(original);
    writeFileSync(
      join(copy, 'generator/emit/types.ts'),
      `${readFileSync(join(copy, 'generator/emit/types.ts'), 'utf8')}\n`,
    );
    expect(packageFingerprint(copy)).not.toBe(afterTemplate);
  });
});

describe('the store', () => {
  it('answers what was put, misses what was not, and never fails a run', () => {
    const store = new CacheStore(tempDir());
    const key = hashOf('some', 'input');
    expect(store.get('format', key)).toBeUndefined();
    store.put('format', key, 'formatted');
    expect(store.get('format', key)).toBe('formatted');
    // A regular file where the cache folder should be (ENOTDIR). Not /proc: Node's recursive mkdir
    // loops forever there.
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const unwritable = new CacheStore(join(blocker, 'cache'));
    expect(() => unwritable.put('format', key, 'x')).not.toThrow();
    expect(unwritable.get('format', key)).toBeUndefined();
  });

  it('hashes parts, not their concatenation', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
  });
});

describe('the configured cache', () => {
  it('defaults to node_modules/.cache/ledgerspec; LEDGERSPEC_CACHE=off turns it off', async () => {
    const dir = tempDir();
    expect((await loadConfig(dir)).cacheDir).toBe(join(dir, 'node_modules/.cache/ledgerspec'));
    expect((await loadConfig(dir, { cacheDir: false })).cacheDir).toBeUndefined();
    process.env.LEDGERSPEC_CACHE = 'off';
    try {
      expect((await loadConfig(dir)).cacheDir).toBeUndefined();
    } finally {
      delete process.env.LEDGERSPEC_CACHE;
    }
  });
});

describe('the config bundle', () => {
  it('imports ledgerspec.config.ts and what it imports, keeps import.meta.url, and follows edits of either', async () => {
    const { configBundle } = await import('../../generator/cache/config-bundle.ts');
    const project = tempDir();
    writeFileSync(join(project, 'shared.ts'), "export const outDir: string = 'out-one';\n");
    const config = join(project, 'ledgerspec.config.ts');
    writeFileSync(
      config,
      "import { outDir } from './shared.ts';\nexport default { outDir, here: import.meta.url } as { outDir: string; here: string };\n",
    );
    const store = new CacheStore(join(project, 'cache'));
    const load = async () =>
      (
        (await import(`${pathToFileURL((await configBundle(store, config))!).href}`)) as {
          default: { outDir: string; here: string };
        }
      ).default;
    expect(await load()).toEqual({ outDir: 'out-one', here: pathToFileURL(config).href });
    writeFileSync(join(project, 'shared.ts'), "export const outDir: string = 'out-two';\n");
    expect((await load()).outDir).toBe('out-two');
    writeFileSync(config, "export default { outDir: 'out-three' };\n");
    expect((await load()).outDir).toBe('out-three');
  });

  it('is not made when the config does not parse (tsx then reports it)', async () => {
    const { configBundle } = await import('../../generator/cache/config-bundle.ts');
    const project = tempDir();
    writeFileSync(join(project, 'ledgerspec.config.ts'), 'export default {');
    expect(
      await configBundle(new CacheStore(join(project, 'cache')), join(project, 'ledgerspec.config.ts')),
    ).toBeUndefined();
  });
});

describe('the run record', () => {
  it('trusts an unchanged stat only, so a same-size edit long after the record is still seen', async () => {
    const { saveRun, recordedRun, outputHashes } = await import('../../generator/cache/run-record.ts');
    const out = tempDir();
    const store = new CacheStore(join(out, '.cache'));
    const files = [{ path: 'a.ts', contents: 'export const a = 1;\n' }];
    writeFileSync(join(out, 'a.ts'), files[0]!.contents);
    saveRun(store, 'key', out, outputHashes(files), [], []);
    // As if recorded long ago: stats are then trusted without reading the file.
    const aged = JSON.parse(store.get('runs', 'key')!) as { recordedAt: number };
    store.put('runs', 'key', JSON.stringify({ ...aged, recordedAt: aged.recordedAt - 60_000 }));
    expect(recordedRun(store, 'key', out)?.files.map((f) => f.contents)).toEqual([files[0]!.contents]);
    writeFileSync(join(out, 'a.ts'), 'export const a = 2;\n');
    expect(recordedRun(store, 'key', out)).toBeUndefined();
  });
});

describe("the last run's output, for comparing an edit's output without reading it", () => {
  it('gives the hash of each file whose stat is as recorded, and never of one edited since', async () => {
    const { saveRun, trustedOutput, outputHashes } = await import('../../generator/cache/run-record.ts');
    const { planChanges } = await import('../../generator/pipeline/write.ts');
    const out = tempDir();
    const store = new CacheStore(tempDir());
    const files = [
      { path: 'a.ts', contents: 'export const a = 1;\n' },
      { path: 'b.ts', contents: 'export const b = 1;\n' },
    ];
    for (const file of files) writeFileSync(join(out, file.path), file.contents);
    saveRun(store, 'some key', out, outputHashes(files), [], []);
    // Just recorded: every file is racy, none is trusted.
    expect(trustedOutput(store, out).size).toBe(0);
    // As if recorded a minute after the files were written: their stats are then trusted.
    const record = JSON.parse(store.get('runs', 'some key')!) as { recordedAt: number };
    store.put('runs', 'some key', JSON.stringify({ ...record, recordedAt: record.recordedAt + 60_000 }));
    expect(trustedOutput(store, out)).toEqual(new Map(outputHashes(files).map((f) => [f.path, f.hash])));

    // b.ts edited by hand, same size: no longer trusted, so it is read and its edit is seen.
    writeFileSync(join(out, 'b.ts'), 'export const b = 2;\n');
    const trusted = trustedOutput(store, out);
    expect([...trusted.keys()]).toEqual(['a.ts']);
    const reads: string[] = [];
    const known = (path: string, contents: string) => {
      const hash = trusted.get(path);
      if (hash === undefined) reads.push(path);
      return hash === undefined ? undefined : hash === hashOf(contents);
    };
    expect(planChanges(out, files, known)).toEqual([{ path: 'b.ts', change: 'changed' }]);
    expect(reads).toEqual(['b.ts']);
    // A new a.ts is told changed by its hash alone.
    const next = [{ path: 'a.ts', contents: 'export const a = 3;\n' }, files[1]!];
    expect(planChanges(out, next, known)).toEqual([
      { path: 'a.ts', change: 'changed' },
      { path: 'b.ts', change: 'changed' },
    ]);
  });
});

describe('the mapping merge through the memo', () => {
  it('remembers a file in step, and merges again when the spec adds a field or the file changes', async () => {
    const [{ mergeConnectorMappings }, { memoIn }, { buildIR }, { projectIR }] = await Promise.all([
      import('../../generator/connectors/merge-stage.ts'),
      import('../../generator/cache/memo.ts'),
      import('../../generator/ir/build-ir.ts'),
      import('../helpers/spec.ts'),
    ]);
    const config = projectCopy();
    const memo = memoIn(new CacheStore(tempDir()));
    const ir = await projectIR();
    const cold = await mergeConnectorMappings(ir, config.connectorsDir, memo);
    const warm = await mergeConnectorMappings(ir, config.connectorsDir, memo);
    expect(warm).toEqual(cold);
    expect(warm.updates.filter((u) => u.contents !== undefined)).toEqual([]);

    const grown = structuredClone(ir.document) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    grown.components.schemas.Invoice!.properties.ledgerspec_test_field = {
      type: ['string', 'null'],
      description: 'A field new to the spec.',
    };
    const merged = await mergeConnectorMappings(buildIR(grown as never), config.connectorsDir, memo);
    const invoices = merged.updates.find((u) => u.path === 'xero/mappings/invoices.ts');
    expect(invoices?.contents).toContain("ledgerspec_test_field: todo('A field new to the spec.')");

    const mapping = join(config.connectorsDir, 'xero/mappings/invoices.ts');
    writeFileSync(
      mapping,
      readFileSync(mapping, 'utf8').replace('export const read', 'export const read_broken = ;\nexport const read'),
    );
    const broken = await mergeConnectorMappings(ir, config.connectorsDir, memo);
    expect(broken.diagnostics.some((d) => d.code === 'mapping-syntax' && d.severity === 'error')).toBe(true);
  });
});
