/** A spec split the way DigitalOcean splits its public spec: operations, responses, parameters,
 * models and examples in files that only relative `$ref`s reach (test/fixtures/multi-file-spec/,
 * constructed after that layout). The whole of DigitalOcean's spec (2,900 files) was generated the
 * same way by hand; see the session notes for the figures. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../generator/diagnostics.ts';
import { frontStages } from '../../generator/pipeline/front.ts';
import { schemaKeywordProblems } from '../../generator/lint/schema-keywords.ts';
import type { JsonObject } from '../../generator/source/schema-walk.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/multi-file-spec');
const sources = frontStages.load({ specDir: FIXTURE, rootFile: 'openapi.yaml' });
const document = frontStages.bundle(sources) as any;
const schemas = document.components.schemas as Record<string, JsonObject>;
const tempDir = tempDirs('ledgerspec-multi-file-');

describe('bundling a spec split into files only $refs reach', () => {
  it('loads every file a $ref leads to, inside the spec folder', () => {
    const names = sources.referenced.map((f) => f.path.slice(FIXTURE.length + 1));
    expect(names).toContain('resources/droplets/droplets_list.yml');
    expect(names).toContain('shared/models/error.yml');
    expect(names).toContain('resources/droplets/examples/droplet.yml');
    expect(names).toHaveLength(18);
  });

  it('copies operations, path items, parameters, responses and headers in place', () => {
    const list = document.paths['/v2/droplets'].get;
    expect(list.operationId).toBe('droplets_list');
    expect(list.parameters.map((p: JsonObject) => p.name)).toEqual(['per_page', 'tag_name']);
    expect(list.responses['200'].headers['ratelimit-limit'].schema).toEqual({ type: 'integer' });
    expect(list.responses['401'].description).toBe('Unauthorized');
    const item = document.paths['/v2/droplets/{droplet_id}'];
    expect(item.parameters[0].name).toBe('droplet_id');
    expect(item.get.operationId).toBe('droplets_get');
  });

  it('hoists schemas into components once, named by their file, recursion included', () => {
    expect(schemas.Droplet).toMatchObject({ type: 'object', required: ['id', 'name'] });
    expect((schemas.Droplet!.properties as any).children.items).toEqual({ $ref: '#/components/schemas/Droplet' });
    expect((schemas.Droplet!.properties as any).region).toEqual({ $ref: '#/components/schemas/region' });
    expect(schemas.error).toMatchObject({ required: ['id', 'message'] });
    const listed = document.paths['/v2/droplets'].get.responses['200'].content['application/json'].schema;
    expect(listed.properties.droplets.items).toEqual({ $ref: '#/components/schemas/Droplet' });
    expect(Object.keys(schemas).sort()).toEqual([
      'Droplet',
      'action',
      'action_reboot',
      'action_resize',
      'error',
      'region',
    ]);
  });

  it('copies a $ref that stands for a whole properties map, not a schema', () => {
    const body = document.paths['/v2/droplets'].post.requestBody.content['application/json'].schema;
    expect(body.properties).toEqual({ name: { type: 'string' }, size: { type: 'string' } });
  });

  it('rewrites discriminator mappings that name files', () => {
    expect((schemas.action!.discriminator as any).mapping).toEqual({
      reboot: '#/components/schemas/action_reboot',
      resize: '#/components/schemas/action_resize',
    });
  });

  it('resolves examples kept in files: an examples map entry and a lone-$ref example', () => {
    const ok = document.paths['/v2/droplets/{droplet_id}'].get.responses['200'].content['application/json'];
    expect(ok.example).toEqual({ droplet: { id: 3164444, name: 'example.com' } });
    const all = document.paths['/v2/droplets'].get.responses['200'].content['application/json'].examples;
    expect(all['All Droplets'].value.droplets[0].id).toBe(3164444);
  });

  it('leaves no file $ref behind: every ref is local', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.filter((r) => !r.startsWith('"$ref":"#/'))).toEqual([]);
  });

  it('warns, does not refuse, on an escape only unicode-mode regular expressions forbid', () => {
    const found = schemaKeywordProblems(sources, { unknownFormat: 'warning' }).filter(
      (d) => d.code === 'schema-pattern',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: expect.stringMatching(/parameters\.yml$/), line: 13 });
  });

  it('does not follow a $ref out of the spec folder: a dangling-ref error with file and line', () => {
    const root = tempDir();
    cpSync(FIXTURE, join(root, 'spec'), { recursive: true });
    writeFileSync(join(root, 'secret.yml'), 'operationId: outside\nresponses: {}\n');
    const rootFile = join(root, 'spec/openapi.yaml');
    const withoutComponents = readFileSync(rootFile, 'utf8').replace(/components:[\s\S]*$/, '');
    writeFileSync(rootFile, `${withoutComponents}  /v2/outside:\n    get:\n      $ref: '../secret.yml'\n`);
    const loaded = frontStages.load({ specDir: join(root, 'spec'), rootFile: 'openapi.yaml' });
    expect(loaded.referenced.some((f) => f.path.endsWith('secret.yml'))).toBe(false);
    const error = (() => {
      try {
        frontStages.bundle(loaded);
      } catch (e) {
        return e;
      }
    })() as DiagnosticError;
    expect(error).toBeInstanceOf(DiagnosticError);
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'dangling-ref',
        file: rootFile,
        pointer: '/paths/~1v2~1outside/get/$ref',
        line: expect.any(Number),
      }),
    ]);
  });
});
