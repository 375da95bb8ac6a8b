import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { renderTemplate, registerPartials, templateFile } from './templating/render.ts';
import { clientAreas } from './client/view.ts';
import { byCodeUnit } from '../source/compare.ts';

/** The runtime half of the client: the same for every spec, copied verbatim. */
const RUNTIME_FILES = [
  'errors.ts',
  'jobs.ts',
  'middleware.ts',
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
export function emitClient(ir: SpecIR): GeneratedFile[] {
  registerPartials('client/partials/');
  const areas = clientAreas(ir);
  const resources = areas.flatMap((a) => a.resources);
  return [
    {
      path: 'client/index.ts',
      contents: renderTemplate('client/index.ts.hbs', {
        areas,
        resources: [...resources].sort((a, b) => byCodeUnit(a.file, b.file)),
      }),
    },
    ...resources.map((view) => ({
      path: `client/resources/${view.file}.ts`,
      contents: renderTemplate('client/resource.ts.hbs', view),
    })),
    ...RUNTIME_FILES.map((file) => ({
      path: `client/runtime/${file}`,
      contents: templateFile(`client/runtime/${file}`),
      printed: true as const,
    })),
  ];
}
