import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { documentAjv, modelKey } from '../../generator/validation/document-ajv.ts';
import { shareMetaSchema } from '../../generator/validation/shared-meta-schema.ts';

const META = 'https://json-schema.org/draft/2020-12/schema';
const document = { components: { schemas: { A: { type: 'object', properties: { n: { type: 'integer' } } } } } };

describe('shareMetaSchema', () => {
  it('gives Ajvs of the same result options one compiled meta-schema, and others their own', () => {
    const first = documentAjv(document);
    const second = documentAjv(document);
    const defaulting = documentAjv(document, { useDefaults: true });
    expect(second.getSchema(META)).toBe(first.getSchema(META));
    expect(defaulting.getSchema(META)).not.toBe(first.getSchema(META));
  });

  it('leaves an Ajv that prints standalone code its own, so the code is the same in every run of a process', () => {
    // A format no other test uses: a meta-schema key of its own, compiled first by `printed()`.
    const own = { components: { schemas: { A: { type: 'string', format: 'printed-once' } } } };
    const printed = () => {
      const ajv = documentAjv(own, { code: { source: true, esm: true, lines: false } });
      return standaloneCode.default(ajv, { A: modelKey('A') });
    };
    const first = printed();
    documentAjv(own);
    expect(printed()).toBe(first);
  });

  it('refuses a bad schema with the error Ajv gives when it compiled the meta-schema itself', () => {
    const bad = { type: 'object', properties: { n: { type: 'integr', minLength: '5' } } };
    const own = new Ajv2020({ allErrors: true });
    const shared = new Ajv2020({ allErrors: true });
    shareMetaSchema(new Ajv2020({ allErrors: true }));
    shareMetaSchema(shared);
    const message = (ajv: Ajv2020) => {
      try {
        ajv.compile(bad);
      } catch (error) {
        return (error as Error).message;
      }
      return 'compiled';
    };
    // Each Ajv compiles `bad` once: Ajv keeps a schema it was given even when it refused it.
    const ownMessage = message(own);
    expect(ownMessage).toMatch(
      /^schema is invalid: data\/properties\/n\/type must be equal to one of the allowed values/,
    );
    expect(message(shared)).toBe(ownMessage);
    expect(shared.validateSchema(bad)).toBe(false);
    expect(shared.errors).toEqual(own.validateSchema(bad) ? null : own.errors);
  });
});
