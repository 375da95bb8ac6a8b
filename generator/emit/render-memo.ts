import { NO_MEMO, type Memo } from '../cache/memo.ts';
import { renderTemplate, templateInputs } from '../shared/render.ts';

export type Render = (path: string, view: object) => string;

/** `renderTemplate` through the memo (area `templates`): a render is a pure function of its
 * template, the partials and its view (the helpers are the generator's code, which names every
 * memo entry), so an edit re-renders only the files whose view it changes, and a new process
 * compiles only the templates it still renders. */
export function memoizedRender(memo: Memo): Render {
  if (memo === NO_MEMO) return renderTemplate;
  return (path, view) =>
    memo.sync('templates', [...templateInputs(path), viewKey(path, view)], () => renderTemplate(path, view));
}

/** The view as JSON, refusing what JSON would not tell apart (a function, a Map, a class
 * instance, a number JSON prints as null): two views with one key must render the same. */
function viewKey(path: string, view: object): string {
  return JSON.stringify(view, (key, value: unknown) => {
    if (isJsonValue(value)) return value;
    throw new Error(`templates: the view of ${path} holds a value JSON cannot key at ${JSON.stringify(key)}`);
  });
}

function isJsonValue(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
