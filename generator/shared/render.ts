import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../package-root.ts';
import { printLiteral, printProperty } from './literal.ts';
import { byCodeUnit } from '../source/compare.ts';

/** The package's templates folder (templates/ beside generator/, or beside dist/ when built). */
export { TEMPLATES_DIR };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * One isolated Handlebars environment for code templates. HTML escaping is off (this is
 * TypeScript, not HTML), so nothing from the spec may reach a template as a bare string: view
 * builders pass identifiers through `identifier()` and everything else through the `json` or
 * `doc` helpers, which make any string safe inside a string literal or a JSDoc comment.
 */
const handlebars = Handlebars.create();
/** JSON as a JavaScript literal: a `"__proto__":` key in an object literal sets the prototype
 * instead of a property, so it is written computed (`["__proto__"]:`), which is an own key. Inside
 * a JSON string a quote is escaped, so only real keys match. */
handlebars.registerHelper('json', (value: unknown) =>
  JSON.stringify(value)?.replace(/([{,])"__proto__":/g, '$1["__proto__"]:'),
);
/** `{{literal value indent}}` and `{{literalEntry key value indent}}`: data in its final layout at a
 * line indented by `indent` spaces (see literal.ts), for templates that skip the format stage. */
handlebars.registerHelper('literal', (value: unknown, indent: unknown) => printLiteral(value, Number(indent)));
handlebars.registerHelper('literalEntry', (key: unknown, value: unknown, indent: unknown) =>
  printProperty(String(key), value, Number(indent)),
);
handlebars.registerHelper('doc', (value: unknown) => docText(String(value ?? '')));
handlebars.registerHelper('ident', (value: unknown) => identifier(String(value)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const sources = new Map<string, string>();
/** Every partial registered, by name: its text. */
const partials = new Map<string, string>();

/** Renders templates/<path> with `view`; `strict` makes a missing view field an error, not ''. */
export function renderTemplate(path: string, view: object): string {
  let template = compiled.get(path);
  if (!template) {
    template = handlebars.compile(templateSource(path), { noEscape: true, strict: true, knownHelpersOnly: false });
    compiled.set(path, template);
  }
  return template(view);
}

/** Everything a render of templates/<path> depends on besides its view and the helpers (the
 * generator's code): its path, its text and every partial's name and text. */
export function templateInputs(path: string): string[] {
  const partialParts = [...partials].sort(([a], [b]) => byCodeUnit(a, b)).flat();
  return [path, templateSource(path), ...partialParts];
}

function templateSource(path: string): string {
  let source = sources.get(path);
  if (source === undefined) {
    source = readFileSync(new URL(path, TEMPLATES_DIR), 'utf8');
    sources.set(path, source);
  }
  return source;
}

/** Forgets compiled templates, so the next render reads templates/ again (watch mode). */
export function clearTemplateCache(): void {
  compiled.clear();
  sources.clear();
}

/** Registers every `<name>.hbs` in templates/<dir> as the partial `<name>`. */
export function registerPartials(dir: string): void {
  const folder = new URL(dir, TEMPLATES_DIR);
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.hbs'))
    .sort()) {
    const name = file.slice(0, -'.hbs'.length);
    const text = readFileSync(new URL(file, folder), 'utf8');
    handlebars.registerPartial(name, text);
    partials.set(name, text);
  }
}

/** A name that is safe as a TypeScript identifier, or an error naming it. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${JSON.stringify(name)} cannot be a TypeScript identifier`);
  return name;
}

/** Text for the inside of a JSDoc comment: `*\/` can't close it and each line gets its ` * `. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\r?\n/g, '\n * ');
}

/** A verbatim copy of templates/<path>: runtime code that is the same for every spec. */
export function templateFile(path: string): string {
  return readFileSync(new URL(path, TEMPLATES_DIR), 'utf8');
}
