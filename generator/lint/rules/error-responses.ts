import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { LintContext, OperationSite } from '../context.ts';
import { findParameter, resolvedParameters } from '../operation-parameters.ts';
import { keptFindings, type Finding } from '../kept-findings.ts';
import type { LintRule } from '../rule.ts';

/** The shared response each error status is declared with. */
export const ERROR_RESPONSES: Readonly<Record<string, string>> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'OperationDenied',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'PayloadTooLarge',
  '415': 'UnsupportedMediaType',
  '422': 'IdempotencyKeyReused',
  '429': 'RateLimited',
  '500': 'ServerError',
};

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** The error statuses the generated server can answer an operation with, and why. */
export function errorStatusesOf(ctx: LintContext, op: OperationSite): Map<string, string> {
  const out = new Map<string, string>([
    ['400', 'any request may carry an invalid or unknown parameter'],
    ['401', 'every operation checks the api_key header'],
    ['429', 'every operation may be rate-limited'],
    ['500', 'every operation may fail unexpectedly'],
  ]);
  const params = resolvedParameters(ctx, op).map(({ param }) => param);
  if (params.some((p) => p.in === 'path') || findParameter(ctx, op, 'company_id') || bodyHasCompany(ctx, op))
    out.set('404', 'it names a record or a company that may not exist');
  if (BODY_METHODS.has(op.method)) {
    out.set('403', 'a write may be refused in the current state (operation-denied)');
    out.set('413', 'the server reads a body on this method and limits its size');
    out.set('415', 'the server reads a body on this method and takes only application/json');
  }
  if (params.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key'))
    out.set('422', 'it takes an Idempotency-Key, which may be reused with another request');
  return out;
}

function bodyHasCompany(ctx: LintContext, op: OperationSite): boolean {
  const body = ctx.deref(op.file, op.operation.requestBody);
  const content =
    isObject(body.value) && isObject(body.value.content) ? body.value.content['application/json'] : undefined;
  const schema = isObject(content) ? ctx.deref(body.file, content.schema).value : undefined;
  return isObject(schema) && isObject(schema.properties) && 'company_id' in schema.properties;
}

/** A spec states its error responses once, in components.responses under the names above; the
 * rule asks for each status whose shared response the spec defines (a spec without the house's
 * error responses, such as a third-party one, is not held to them). */
export const errorResponses: LintRule = {
  code: 'error-responses',
  description:
    'Every operation declares each error status the generated server can send for it (those whose shared response the spec defines).',
  check: (ctx) => {
    const root = ctx.sources.root;
    const components =
      isObject(root.data) && isObject(root.data.components) && isObject(root.data.components.responses)
        ? root.data.components.responses
        : {};
    const defined = new Set(
      Object.entries(ERROR_RESPONSES)
        .filter(([, name]) => name in components)
        .map(([status]) => status),
    );
    return ctx.operations.flatMap((op) => {
      const responses = isObject(op.operation.responses) ? op.operation.responses : {};
      return [...errorStatusesOf(ctx, op)]
        .filter(([status]) => defined.has(status) && !(status in responses))
        .map(([status, why]) =>
          ctx.diagnostic(
            'error-responses',
            op.file,
            `${op.pointer}/responses`,
            `${String(op.operation.operationId)} does not declare ${status}, which the server sends because ${why} (use $ref: …#/components/responses/${ERROR_RESPONSES[status]})`,
          ),
        );
    });
  },
};

/** Replaces Redocly's media type example check, which cannot follow refs once a schema has an
 * absolute $id (the same reason as schema-examples). */
export const responseExamples: LintRule = {
  code: 'response-examples',
  description: 'Every example of a shared response (components.responses) validates against its schema.',
  check: (ctx) => {
    const root = ctx.sources.root;
    const components = isObject(root.data) && isObject(root.data.components) ? root.data.components : {};
    const responses = isObject(components.responses) ? components.responses : {};
    // Kept in generate's memo under the responses and the schema files (kept-findings.ts).
    return keptFindings(ctx, 'response-examples', [root], [JSON.stringify(responses)], () =>
      Object.entries(responses).flatMap(([name, response]) => responseFindings(ctx, name, response)),
    );
  },
};

function responseFindings(ctx: LintContext, name: string, response: unknown): Finding[] {
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const finding = (pointer: string, message: string): Finding => ({ file: 0, pointer, message });
  return Object.entries(content).flatMap(([type, media]): Finding[] => {
    if (!isObject(media)) return [];
    const at = `/components/responses/${name}/content/${type.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const examples: [string, unknown][] = [];
    if ('example' in media) examples.push([`${at}/example`, media.example]);
    if (isObject(media.examples))
      for (const [key, ex] of Object.entries(media.examples))
        if (isObject(ex) && 'value' in ex) examples.push([`${at}/examples/${key}/value`, ex.value]);
    if (examples.length === 0) return [];
    const schema = ctx.deref(ctx.sources.root, media.schema).value as JsonObject | undefined;
    const id = isObject(schema) && typeof schema.$id === 'string' ? schema.$id : undefined;
    if (!id)
      return [
        finding(
          `${at}/schema`,
          `the examples of response ${name} cannot be checked: its schema must be a $ref to a schema file`,
        ),
      ];
    const validate = ctx.registry().getSchema(id);
    if (!validate) return [finding(`${at}/schema`, `schema ${id} does not compile`)];
    return examples.flatMap(([pointer, example]) =>
      validate(example)
        ? []
        : (validate.errors ?? []).map((e) =>
            finding(
              `${pointer}${e.instancePath}`,
              `example of response ${name} is invalid at ${e.instancePath || '/'}: ${e.message ?? e.keyword}`,
            ),
          ),
    );
  });
}
