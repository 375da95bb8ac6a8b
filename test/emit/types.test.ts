import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.ts';
import type { GeneratedFile, SpecIR } from '../../generator/ir/model.ts';
import { compileSpec, frontStages } from '../../generator/pipeline/front.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

const THIRD_PARTY = { specDir: join(PROJECT_DIR, 'test/fixtures/third-party'), rootFile: 'openapi-3.0.yaml' };

/** The third-party spec skips lint: the project's layout rules (operation-id, list-pagination)
 * reject paths like /pets, which is right for our spec and beside the point for this one. */
function thirdPartyIR(): SpecIR {
  return frontStages.ir(frontStages.normalize(frontStages.bundle(frontStages.load(THIRD_PARTY))));
}

/** Type-level checks, compiled by tsc beside the generated files (expectTypeOf is vitest's). */
const PROJECT_AGREE = `import { expectTypeOf } from 'expect-type';
import type { components, paths } from './openapi.js';
import type { Integration, IntegrationCreate, InvoicePayment, InvoicePaymentCreate, InvoiceUpdate } from './types/index.js';

type ListItem = paths['/accounting/invoice_payments']['get']['responses'][200]['content']['application/json']['data'][number];
expectTypeOf<ListItem>().toEqualTypeOf<InvoicePayment>();
expectTypeOf<components['schemas']['InvoicePayment']>().toEqualTypeOf<InvoicePayment>();
type CreateBody = NonNullable<paths['/accounting/invoice_payments']['post']['requestBody']>['content']['application/json']['data'];
expectTypeOf<CreateBody>().toEqualTypeOf<InvoicePaymentCreate[]>();
type UpdateBody = NonNullable<paths['/accounting/invoices']['patch']['requestBody']>['content']['application/json']['data'];
expectTypeOf<UpdateBody>().toEqualTypeOf<InvoiceUpdate[]>();
// @ts-expect-error the read type and the create type differ, so the check above can fail
expectTypeOf<ListItem>().toEqualTypeOf<InvoicePaymentCreate>();

expectTypeOf<Integration>().not.toHaveProperty('client_secret');
expectTypeOf<IntegrationCreate>().toHaveProperty('client_secret');
expectTypeOf<InvoicePayment>().toHaveProperty('platform_id');
expectTypeOf<InvoicePaymentCreate>().not.toHaveProperty('platform_id');
expectTypeOf<InvoicePaymentCreate>().not.toHaveProperty('invoice');
`;

const THIRD_PARTY_AGREE = `import { expectTypeOf } from 'expect-type';
import type { paths } from './openapi.js';
import type { Category, Inventory, Pet, PetBase, User } from './types/index.js';

expectTypeOf<paths['/pets']['get']['responses'][200]['content']['application/json']['items'][number]>().toEqualTypeOf<Pet>();
expectTypeOf<Extract<Pet, { petType: 'cat' }>['huntingSkill']>().toEqualTypeOf<'clueless' | 'lazy' | 'adventurous' | 'aggressive' | undefined>();
expectTypeOf<Inventory[string]>().toEqualTypeOf<number | undefined>();
expectTypeOf<NonNullable<Category['children']>[number]>().toEqualTypeOf<Category>();
expectTypeOf<User['username']>().toEqualTypeOf<string | undefined>();
expectTypeOf<User['status']>().toEqualTypeOf<PetBase['status']>();
expectTypeOf<Pet['petType']>().toEqualTypeOf<'cat' | 'dog'>();
expectTypeOf<paths['/store/inventory']['get']['responses'][200]['content']['application/json']>().toEqualTypeOf<Inventory>();
`;

let project: SpecIR;
let thirdParty: SpecIR;
let projectFiles: GeneratedFile[];
let thirdPartyFiles: GeneratedFile[];
const tmp = mkdtempSync(join(tmpdir(), 'ledgerspec-types-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  project = await projectIR();
  thirdParty = thirdPartyIR();
  [projectFiles, thirdPartyFiles] = await Promise.all([emitTypes(project), emitTypes(thirdParty)]);
}, 30_000);

function write(dir: string, files: GeneratedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(tmp, dir, file.path)), { recursive: true });
    writeFileSync(join(tmp, dir, file.path), file.contents);
  }
}

function file(files: GeneratedFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.contents;
}

/** Every `export interface|type X` outside index.ts, with the file that declares it. */
function declarations(files: GeneratedFile[]): { name: string; path: string }[] {
  return files
    .filter((f) => f.path.startsWith('types/') && f.path !== 'types/index.ts')
    .flatMap((f) =>
      [...f.contents.matchAll(/^export (?:interface|type|enum) (\w+)/gm)].map((m) => ({
        name: m[1] as string,
        path: f.path,
      })),
    );
}

describe('emitTypes', () => {
  it('writes one file per model, an index and openapi.d.ts', () => {
    for (const [ir, files] of [
      [project, projectFiles],
      [thirdParty, thirdPartyFiles],
    ] as const) {
      const modelFiles = files.filter((f) => f.path.startsWith('types/') && f.path !== 'types/index.ts');
      expect(modelFiles).toHaveLength(ir.models.length);
      expect(files.map((f) => f.path)).toContain('openapi.d.ts');
      const index = file(files, 'types/index.ts');
      expect(index.match(/^export type \{ \w+ \} from '\.\/\w+\.js';$/gm)).toHaveLength(ir.models.length);
    }
    expect(file(projectFiles, 'types/invoice_payment.ts')).toMatch(/^export interface InvoicePayment \{$/m);
    expect(file(projectFiles, 'types/invoice_payment_create.ts')).toMatch(
      /^export interface InvoicePaymentCreate \{$/m,
    );
    expect(file(projectFiles, 'types/index.ts')).toContain(
      "export type { InvoicePayment } from './invoice_payment.js';",
    );
    expect(file(thirdPartyFiles, 'types/index.ts')).toContain("export type { ApiError } from './api_error.js';");
  });

  it('declares every name once, models first in their file, no counter-suffixed names', () => {
    for (const [ir, files] of [
      [project, projectFiles],
      [thirdParty, thirdPartyFiles],
    ] as const) {
      const names = declarations(files).map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((n) => /\d$/.test(n))).toEqual([]);
      const exported = [...file(files, 'types/index.ts').matchAll(/^export type \{ (\w+) \}/gm)].map((m) => m[1]);
      expect(exported).toHaveLength(ir.models.length);
      expect(names).toEqual(expect.arrayContaining(exported));
    }
    // Inline titled sub-schemas are named after the model that owns them.
    const nested = declarations(projectFiles).filter(
      (d) => d.name.endsWith('AllocationLink') || d.name.endsWith('SyncConfig'),
    );
    expect(nested).toEqual([
      { name: 'AllocationLineAllocationLink', path: 'types/allocation_line.ts' },
      { name: 'InviteLinkSyncConfig', path: 'types/invite_link.ts' },
      { name: 'InviteLinkCreateSyncConfig', path: 'types/invite_link_create.ts' },
      { name: 'InviteLinkUpdateSyncConfig', path: 'types/invite_link_update.ts' },
    ]);
    expect(
      declarations(thirdPartyFiles)
        .filter((d) => d.name.endsWith('Meta'))
        .map((d) => d.name)
        .sort(),
    ).toEqual(['OwnerMeta', 'PetBaseMeta']);
  });

  it('names what a $ref points into once, in the file of the component that holds it', () => {
    expect(file(projectFiles, 'types/account.ts')).toMatch(/^category\?: AccountCategory$/m);
    expect(file(projectFiles, 'types/account.ts')).toMatch(/^export type AccountCategory = /m);
    expect(file(thirdPartyFiles, 'types/user.ts')).toContain("import type { PetBaseStatus } from './pet_base.js';");
    expect(declarations(thirdPartyFiles).filter((d) => d.name === 'PetBaseStatus')).toEqual([
      { name: 'PetBaseStatus', path: 'types/pet_base.ts' },
    ]);
  });

  it('documents types and properties from the spec', () => {
    const text = file(projectFiles, 'types/invoice_payment.ts');
    expect(text).toMatch(
      /\/\*\*\n \* A payment received from a customer[^\n]*\n \*\/\nexport interface InvoicePayment/,
    );
    expect(text).toMatch(
      /\/\*\*\n \* The amount paid, in the payment's currency, tax included\.\n \*\/\namount\?: \(number \| null\)/,
    );
    expect(text).toContain("import type { AllocationLine } from './allocation_line.js';");
  });

  it('keeps writeOnly fields out of read types and readOnly fields out of write types', () => {
    const prop = (path: string, name: string) => new RegExp(`^${name}\\??:`, 'm').test(file(projectFiles, path));
    expect(prop('types/integration.ts', 'client_secret')).toBe(false);
    expect(prop('types/integration_create.ts', 'client_secret')).toBe(true);
    expect(prop('types/integration_update.ts', 'client_secret')).toBe(true);
    expect(prop('types/invoice_payment.ts', 'platform_id')).toBe(true);
    expect(prop('types/invoice_payment.ts', 'invoice')).toBe(true);
    expect(prop('types/invoice_payment_create.ts', 'platform_id')).toBe(false);
    expect(prop('types/invoice_payment_create.ts', 'invoice')).toBe(false);
    expect(prop('types/invoice_payment_update.ts', 'updated_at')).toBe(false);
    // A third-party model has no write variants: its type is the read shape.
    expect(/^password\??:/m.test(file(thirdPartyFiles, 'types/user.ts'))).toBe(false);
    expect(/^id\??:/m.test(file(thirdPartyFiles, 'types/user.ts'))).toBe(true);
  });

  it('links openapi.d.ts component schemas to the model types', () => {
    const dts = file(projectFiles, 'openapi.d.ts');
    expect(dts).toContain("import type * as Models from './types/index.js';");
    expect(dts).toMatch(/^ {4}InvoicePayment: Models\.InvoicePayment;$/m);
    expect(dts).toMatch(/^ {4}InvoicePaymentCreate: Models\.InvoicePaymentCreate;$/m);
    expect(file(thirdPartyFiles, 'openapi.d.ts')).toMatch(/^ {4}api_error: Models\.ApiError;$/m);
  });

  it('is deterministic: the same spec gives byte-identical files', async () => {
    expect(await emitTypes(compileSpec({ specDir: join(PROJECT_DIR, 'spec'), rootFile: 'openapi.yaml' }))).toEqual(
      projectFiles,
    );
    expect(await emitTypes(thirdPartyIR())).toEqual(thirdPartyFiles);
  }, 30_000);

  it('type-checks under tsc --strict, and openapi.d.ts agrees with the model types', () => {
    write('project', projectFiles);
    write('third-party', thirdPartyFiles);
    writeFileSync(join(tmp, 'project/agree.ts'), PROJECT_AGREE);
    writeFileSync(join(tmp, 'third-party/agree.ts'), THIRD_PARTY_AGREE);
    symlinkSync(join(PROJECT_DIR, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const compilerOptions = {
      strict: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      noEmit: true,
      skipLibCheck: false,
      types: [],
    };
    writeFileSync(
      join(tmp, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, include: ['project/**/*', 'third-party/**/*'] }),
    );
    // `tsc -p <tmp>`, in-process (test/helpers/compile.ts): tsc's diagnostics, none.
    expect(typeCheckProject(tmp)).toBe('');
  }, 30_000);
});
