import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { templateFile } from '../shared/render.ts';
import { memoizedRender } from './render-memo.ts';
import { emitContext, type EmitContext } from './index.ts';
import { entityMetaView } from './server/entity-view.ts';
import { handlerGroupView } from './server/handler-view.ts';
import { operationSchemas, serverValidatorsModule } from './server/request-schemas.ts';
import { routeView, servedOperations } from './server/route-view.ts';
import { fastifyRouteSchema, sharedSchemas } from './server/fastify-schemas.ts';
import { modelExports } from './validators.ts';

/** Runtime files that are the same for every spec, copied verbatim from templates/server/runtime/
 * (hand-written, already in the house style: `printed`, the format stage leaves them as they are). */
const RUNTIME = [
  'body-shape.ts',
  'cursor.ts',
  'docs-route.ts',
  'errors.ts',
  'idempotency.ts',
  'plugin-runtime.ts',
  'query.ts',
  'request-id.ts',
  'types.ts',
  'write-jobs.ts',
] as const;

/** generated/server/: the route table, entity metadata, typed handler interfaces, the request and
 * response validators (Ajv standalone, a module of their own so a client never loads them), and
 * the Fastify plugin binding them to the runtime. Nothing for a spec without resources. */
export function emitServer(ir: SpecIR, context?: Partial<EmitContext>): GeneratedFile[] {
  const { memo, names } = emitContext(ir, context);
  const render = memoizedRender(memo);
  const operations = servedOperations(ir.operations);
  if (operations.length === 0 || ir.entities.length === 0) return [];
  const routes = operations.map((op) => routeView(op, names));
  const served = new Set(operations.map((op) => op.entity));
  const entities = ir.entities.filter((e) => served.has(e.name));
  const groups = entities.map((e) =>
    handlerGroupView(
      e,
      operations.filter((op) => op.entity === e.name),
      names,
    ),
  );
  const schemas = operations.flatMap((op) => Object.values(operationSchemas(op, names)));
  return [
    { path: 'server/routes.ts', contents: render('server/routes.ts.hbs', { routes }) },
    {
      path: 'server/entities.ts',
      contents: render('server/entities.ts.hbs', { entities: entities.map(entityMetaView) }),
      printed: true,
    },
    { path: 'server/handlers.ts', contents: render('server/handlers.ts.hbs', { groups }) },
    {
      path: 'server/schemas.ts',
      contents: render('server/schemas.ts.hbs', {
        shared: sharedSchemas(ir.schemas),
        routes: operations.map((op) => fastifyRouteSchema(op, names)),
      }),
      printed: true,
    },
    { path: 'server/plugin.ts', contents: render('server/plugin.ts.hbs', {}) },
    { path: 'server/index.ts', contents: render('server/index.ts.hbs', {}) },
    {
      path: 'server/validators.js',
      contents: serverValidatorsModule(ir.schemas, schemas, modelExports(ir, names), memo),
    },
    {
      path: 'server/validators.d.ts',
      contents: render('server/validators.d.ts.hbs', { names: schemas.map((s) => s.name) }),
    },
    ...RUNTIME.map((file) => ({
      path: `server/${file}`,
      contents: templateFile(`server/runtime/${file}`),
      printed: true as const,
    })),
  ];
}
