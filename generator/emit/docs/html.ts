import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import type { OperationIR, SpecIR } from '../../ir/model.ts';
import { operationNames, resourceNames } from '../../plan/name-plan.ts';
import { planFor } from '../../plan/plan-names.ts';
import { TEMPLATES_DIR } from '../../shared/render.ts';

/** The docs' Handlebars environment. Unlike the code templates', HTML escaping is on: every
 * `{{value}}` from the spec is escaped, and the templates use no triple-stash. The one helper
 * that returns markup (`text`) escapes each piece itself before adding its `<code>` tags. */
const html = Handlebars.create();

/** Prose from the spec with its `code spans` shown as code; everything escaped. */
html.registerHelper('text', (value: unknown) => {
  const pieces = String(value ?? '').split('`');
  const out = pieces.map((piece, i) =>
    i % 2 === 1 && i < pieces.length - 1
      ? `<code>${html.escapeExpression(piece)}</code>`
      : html.escapeExpression(i % 2 === 1 ? `\`${piece}` : piece),
  );
  return new html.SafeString(out.join(''));
});
/** Pretty JSON for a `<pre>`; escaped by the normal `{{…}}` rule. */
html.registerHelper('pretty', (value: unknown) => JSON.stringify(value, null, 2));
/** Blank-line separated paragraphs of a description. */
html.registerHelper('paragraphs', (value: unknown) =>
  String(value ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean),
);
html.registerHelper('eq', (a: unknown, b: unknown) => a === b);
html.registerHelper('indent', (depth: number) => `padding-left: ${0.55 + 1.1 * Number(depth)}rem`);

let partialsLoaded = false;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders templates/docs/<name>.html.hbs inside the shared layout partial. */
export function renderDocsPage(name: string, view: object): string {
  if (!partialsLoaded) loadPartials();
  let template = compiled.get(name);
  if (!template) {
    template = html.compile(readFileSync(new URL(`docs/${name}.html.hbs`, TEMPLATES_DIR), 'utf8'), { strict: false });
    compiled.set(name, template);
  }
  return template(view);
}

function loadPartials(): void {
  const folder = new URL('docs/partials/', TEMPLATES_DIR);
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.hbs'))
    .sort()) {
    html.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(new URL(file, folder), 'utf8'));
  }
  partialsLoaded = true;
}

/** A file name made only of safe characters, so a name from the spec can never leave the site
 * folder or break out of an attribute. */
export function pageFile(kind: 'operation' | 'model', name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`docs: ${JSON.stringify(name)} cannot be used in a page name`);
  return `${kind}-${name}.html`;
}

/** The page of an operation, under the name the NamePlan gives it. */
export function operationPage(ir: SpecIR, op: OperationIR): string {
  return pageFile('operation', operationNames(planFor(ir), op).page);
}

/** The data-model page of a resource (by x-entity), under the name the NamePlan gives it. */
export function modelPage(ir: SpecIR, entity: string): string {
  return pageFile('model', resourceNames(planFor(ir), entity).page);
}
