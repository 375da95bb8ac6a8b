import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../generator/cache/store.ts';
import { memoIn, NO_MEMO } from '../../generator/cache/memo.ts';
import { readInputs } from '../../generator/cache/fingerprint.ts';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { DiagnosticError, type Diagnostic } from '../../generator/diagnostics.ts';
import { generate } from '../../generator/generate.ts';
import { compileSpec, frontStages, specChecks } from '../../generator/pipeline/front.ts';
import { cachedSpecChecks } from '../../generator/pipeline/checks-cache.ts';
import { emitTypes } from '../../generator/emit/types.ts';
import { listFiles } from '../../generator/pipeline/write.ts';
import { sharedMemoCache } from '../helpers/cache.ts';
import { PROJECT_DIR, SPEC_DIR } from '../helpers/spec.ts';
import { countingMemo } from '../helpers/counting-memo.ts';
import { tempDirs } from '../helpers/temp.ts';

// The memo layers generate adds over the emitters' own (spec checks, openapi.d.ts): an entry is
// only ever found for exactly the inputs it was made from, so a warm run writes what a cold one does.

const tempDir = tempDirs('ledgerspec-memo-');
const CURRENCY = 'schemas/accounting/currency.yaml';

function specCopy(): string {
  const dir = tempDir();
  cpSync(SPEC_DIR, dir, { recursive: true });
  return dir;
}

function configFor(specDir: string, cacheDir: string): LedgerspecConfig {
  const outDir = join(tempDir(), 'generated');
  return { ...DEFAULT_CONFIG, specDir, outDir, connectorsDir: join(outDir, '..', 'no-connectors'), cacheDir };
}

/** The spec checks as generate runs them: through the memo, the folder hashed before the load. */
function checksThroughMemo(config: LedgerspecConfig, store: CacheStore): Diagnostic[] {
  const before = readInputs(config);
  const sources = frontStages.load(config);
  return cachedSpecChecks(memoIn(store), config, before, () => specChecks(sources, config.houseRules));
}

const checksCold = (config: LedgerspecConfig) => specChecks(frontStages.load(config), config.houseRules);

describe('the spec checks memo', () => {
  it('answers each spec text and option with what checking it gives, line shifts and house rules included', () => {
    const spec = specCopy();
    const store = new CacheStore(tempDir());
    const config = configFor(spec, store.dir);
    const currency = join(spec, CURRENCY);
    const original = readFileSync(currency, 'utf8');
    // A property without a description breaks a house rule, not the keyword checks.
    const undescribed = original.replace(/\n {4}description: The currency's display name[^\n]*/, '');
    expect(undescribed).not.toBe(original);
    const variants = [undescribed, `# a comment shifts every line\n${undescribed}`, original];
    // Each variant twice: the first pass fills the memo, the second is answered from it. The cold
    // findings of one text and option are computed once and compared with both answers.
    const cold = new Map<string, Diagnostic[]>();
    for (const houseRules of [true, false])
      for (const text of [...variants, ...variants]) {
        writeFileSync(currency, text);
        const options = { ...config, houseRules };
        const key = `${houseRules}\n${text}`;
        if (!cold.has(key)) cold.set(key, checksCold(options));
        expect(checksThroughMemo(options, store)).toEqual(cold.get(key));
      }
    writeFileSync(currency, undescribed);
    const broken = checksThroughMemo(config, store);
    expect(broken.some((d) => d.code === 'property-description' && d.severity === 'error')).toBe(true);
  });

  it('is not asked when a spec file changes between the hashing and the load', () => {
    const spec = specCopy();
    const store = new CacheStore(tempDir());
    const config = configFor(spec, store.dir);
    const before = readInputs(config);
    writeFileSync(join(spec, CURRENCY), `# edited after hashing\n${readFileSync(join(spec, CURRENCY), 'utf8')}`);
    const sources = frontStages.load(config);
    let ran = 0;
    const run = () => (ran++, specChecks(sources));
    cachedSpecChecks(memoIn(store), config, before, run);
    cachedSpecChecks(memoIn(store), config, before, run);
    expect(ran).toBe(2);
  });
});

describe('the openapi.d.ts memo', () => {
  // One spec copy edited twice (compiling the spec and printing openapi.d.ts without the memo are
  // most of the time, so the states are shared): the memo's answers are what openapi-typescript
  // prints, without printing again after a property's description edit, printing anew after a
  // model's own description edit. The memo lives in a cache folder, as generate's does.
  it("answers a property's description edit from the memo and a model's anew, with what openapi-typescript prints", async () => {
    const spec = specCopy();
    const { memo, computed } = countingMemo(memoIn(new CacheStore(tempDir())));
    // compileSpec gives the same IR for the same files; the memo is keyed by the document, not by
    // the IR object.
    let ir = compileSpec({ specDir: spec, rootFile: 'openapi.yaml' });
    const dts = async (useMemo: boolean) => {
      const files = await emitTypes(ir, { memo: useMemo ? memo : NO_MEMO });
      return files.find((f) => f.path === 'openapi.d.ts')!.contents;
    };
    const edit = (from: string, to: string) => {
      const currency = join(spec, CURRENCY);
      writeFileSync(currency, readFileSync(currency, 'utf8').replace(from, to));
      ir = compileSpec({ specDir: spec, rootFile: 'openapi.yaml' });
    };
    const first = await dts(true);
    const printed = computed('openapi-dts');
    expect(await dts(true)).toBe(first);
    expect(computed('openapi-dts')).toBe(printed);

    // A property's description is not printed in openapi.d.ts (its type is Models.X).
    edit("The currency's display name", "The currency's display name, edited");
    const propertyEdited = await dts(true);
    expect(computed('openapi-dts')).toBe(printed);
    expect(propertyEdited).toBe(await dts(false));

    // The model's own description is.
    edit('A currency enabled', 'A currency, edited, enabled');
    const modelEdited = await dts(true);
    expect(computed('openapi-dts')).toBeGreaterThan(printed);
    expect(modelEdited).not.toBe(first);
    expect(modelEdited).toContain('A currency, edited, enabled');
    expect(modelEdited).toBe(await dts(false));
  });
});

describe('a warm generate', () => {
  it('after a hand edit of generated/ writes the committed output again, from the memo layers', async () => {
    const connectorsDir = join(tempDir(), 'connectors');
    cpSync(join(PROJECT_DIR, 'connectors'), connectorsDir, {
      recursive: true,
      filter: (p) => !p.includes('/fixtures/'),
    });
    const config = { ...configFor(SPEC_DIR, sharedMemoCache(tempDir())), connectorsDir };
    await generate(config);
    writeFileSync(join(config.outDir, 'openapi.d.ts'), 'export {};\n');
    const again = await generate(config);
    expect(again.cached).toBe(false);
    expect(again.changes).toEqual([{ path: 'openapi.d.ts', change: 'changed' }]);
    for (const file of listFiles(join(PROJECT_DIR, 'generated')).filter((f) => !f.startsWith('docs/')))
      expect(readFileSync(join(config.outDir, file), 'utf8'), file).toBe(
        readFileSync(join(PROJECT_DIR, 'generated', file), 'utf8'),
      );
  });

  it('fails on a spec the memo once checked clean, after it breaks', async () => {
    const spec = specCopy();
    const config = configFor(spec, sharedMemoCache(tempDir()));
    await generate(config);
    const currency = join(spec, CURRENCY);
    writeFileSync(
      currency,
      readFileSync(currency, 'utf8').replace(/\n {4}description: The currency's display name[^\n]*/, ''),
    );
    await expect(generate(config)).rejects.toBeInstanceOf(DiagnosticError);
  });
});
