import type { LedgerspecConfig } from '../config.ts';
import { buildIR } from '../ir/build-ir.ts';
import type { SpecIR } from '../ir/model.ts';
import type { JsonObject } from '../source/schema-walk.ts';
import { generatorFingerprint, specInputs } from '../cache/fingerprint.ts';
import { CacheStore, hashOf } from '../cache/store.ts';

type SpecConfig = Pick<LedgerspecConfig, 'specDir' | 'rootFile' | 'cacheDir'> &
  Partial<Pick<LedgerspecConfig, 'houseRules'>>;

/** compileSpec for the commands that read the spec without generating (validate, conformance,
 * docs, scaffold connector): the document a clean spec compiles to is kept in the cache under the
 * hash of every spec file and the running generator, so a later run with the same spec skips YAML
 * parsing, bundling and lint (a second of CPU or more: lint compiles every schema with Ajv) and
 * only rebuilds the IR, which is cheap. A spec with errors is never cached: it throws every time. */
export async function compileSpecCached(config: SpecConfig): Promise<SpecIR> {
  if (config.cacheDir === undefined) return (await import('./front.ts')).compileSpec(config);
  const store = new CacheStore(config.cacheDir);
  const key = hashOf(
    generatorFingerprint(),
    config.specDir,
    config.rootFile,
    config.houseRules === false ? 'no-house-rules' : 'house-rules',
    ...[...specInputs(config)].map(([file, hash]) => `${file}\0${hash}`),
  );
  const hit = store.get('documents', key);
  if (hit !== undefined) return buildIR(JSON.parse(hit) as JsonObject);
  const ir = (await import('./front.ts')).compileSpec(config);
  store.put('documents', key, JSON.stringify(ir.document));
  return ir;
}
