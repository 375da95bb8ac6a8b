import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { mappingFacts } from '../shared/mapped-fields.ts';
import { identifier, templateFile } from '../shared/render.ts';
import { memoizedRender } from './render-memo.ts';
import { emitContext, type EmitContext } from './index.ts';
import { modelNames, resourceNames } from '../plan/name-plan.ts';

/** generated/connectors/: the unified types each connector mapping is checked against
 * (entities.ts), and the mapping runtime they are written with (copied verbatim). */
export function emitConnectors(ir: SpecIR, context?: Partial<EmitContext>): GeneratedFile[] {
  const { memo, names } = emitContext(ir, context);
  const render = memoizedRender(memo);
  const facts = mappingFacts(ir);
  const entities = facts.map((f) => ({
    entity: f.entity,
    title: identifier(resourceNames(names, f.entity).type),
    omitted: f.omittedFields.map((name) => JSON.stringify(name)).join(' | '),
    fields: f.readFields.map((field) => field.name),
  }));
  const writable = facts.flatMap((f) =>
    f.write
      ? [
          {
            entity: f.entity,
            model: identifier(modelNames(names, f.write.model).type),
            fields: f.write.fields.map((field) => field.name),
          },
        ]
      : [],
  );
  const typeImports = [...new Set([...entities.map((e) => e.title), ...writable.map((w) => w.model)])]
    .sort()
    .join(', ');
  return [
    {
      path: 'connectors/entities.ts',
      contents: render('connectors/entities.ts.hbs', { entities, writable, typeImports }),
    },
    { path: 'connectors/index.ts', contents: render('connectors/index.ts.hbs', {}) },
    { path: 'connectors/runtime/mapping.ts', contents: templateFile('connectors/runtime/mapping.ts'), printed: true },
  ];
}
