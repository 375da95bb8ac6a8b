import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { registerPartials, templateFile } from '../shared/render.ts';
import { memoizedRender } from './render-memo.ts';
import { clientAreas } from './client/view.ts';
import { operationGroups } from './client/operations-view.ts';
import { byCodeUnit } from '../source/compare.ts';
import { emitContext, type EmitContext } from './index.ts';

/** The runtime half of the client: the same for every spec, copied verbatim. */
const RUNTIME_FILES = [
  'errors.ts',
  'jobs.ts',
  'middleware.ts',
  'operation-types.ts',
  'options.ts',
  'pagination.ts',
  'query.ts',
  'result.ts',
  'retry.ts',
  'transport.ts',
  'types.ts',
  'validate.ts',
];

/** generated/client/: one resource module per entity (templates/client/resource.ts.hbs), the
 * createClient entry (index.ts.hbs) and the fetch-only runtime. */
export function emitClient(ir: SpecIR, context?: Partial<EmitContext>): GeneratedFile[] {
  registerPartials('client/partials/');
  const { memo, names: plan } = emitContext(ir, context);
  const render = memoizedRender(memo);
  const areas = clientAreas(ir, plan);
  const resources = areas.flatMap((a) => a.resources);
  const groups = operationGroups(ir, plan);
  return [
    {
      path: 'client/index.ts',
      contents: render('client/index.ts.hbs', {
        areas,
        resources: [...resources].sort((a, b) => byCodeUnit(a.file, b.file)),
        groups,
        taggedGroups: groups.filter((g) => g.property !== undefined),
        rootGroup: groups.find((g) => g.property === undefined),
        apiKeyHeader: ir.apiKey?.header,
        apiKeyRequired: ir.apiKey?.required === true,
      }),
    },
    ...resources.map((view) => ({
      path: `client/resources/${view.file}.ts`,
      contents: render('client/resource.ts.hbs', view),
    })),
    ...groups.map((view) => ({
      path: `client/operations/${view.file}.ts`,
      contents: render('client/operations.ts.hbs', view),
    })),
    ...RUNTIME_FILES.map((file) => ({
      path: `client/runtime/${file}`,
      contents: templateFile(`client/runtime/${file}`),
      printed: true as const,
    })),
  ];
}
