import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from '../shared/render.ts';
import { STATE_LABEL, type Cell, type CellState, type CoverageView, type EntityRow } from './coverage-view.ts';

/** HTML escaping is on in this environment (unlike the code templates'): it renders a web page. */
const html = Handlebars.create();
/** `{{count 1 "fixture"}}` → "1 fixture"; `{{count 3 "entity" "entities"}}` → "3 entities". */
html.registerHelper(
  'count',
  (n: number, one: string, ...rest: unknown[]) =>
    `${n} ${n === 1 ? one : typeof rest[0] === 'string' ? rest[0] : `${one}s`}`,
);

/** What the state filter offers: the cell states, then facts a cell can have besides its state. */
const STATE_FILTERS: { value: string; label: string }[] = [
  ...(Object.keys(STATE_LABEL) as CellState[]).map((value) => ({ value, label: STATE_LABEL[value] })),
  { value: 'writes-not-mapped', label: 'writes not mapped yet' },
  { value: 'read-only', label: 'read only on the platform' },
  { value: 'failing', label: 'conformance failing' },
];

/** The coverage report as one self-contained HTML page (templates/reports/coverage.html.hbs):
 * styles and the filter script inline, nothing fetched. */
export function coverageHtml(view: CoverageView): string {
  const template = html.compile(readFileSync(new URL('reports/coverage.html.hbs', TEMPLATES_DIR), 'utf8'), {
    strict: false,
  });
  return template({
    connectors: view.connectors,
    states: STATE_FILTERS,
    entities: view.entities.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, tags: tagsOf(cell).join(' ') })),
      fieldRows: fieldRows(row),
      notes: notesOf(row),
    })),
  });
}

/** The values of the state filter this cell matches. */
function tagsOf(cell: Cell): string[] {
  const tags: string[] = [cell.state];
  if (cell.writeNote === 'writes not mapped yet') tags.push('writes-not-mapped');
  if (cell.readOnly) tags.push('read-only');
  if (cell.conformance && !cell.conformance.pass) tags.push('failing');
  return tags;
}

function fieldRows(row: EntityRow) {
  return row.fields.map((field) => ({
    field,
    cells: row.cells.map((cell) => {
      const f = cell.fields.find((candidate) => candidate.field === field);
      return {
        platform: cell.platform,
        status: f?.status ?? 'no-mapping',
        label: f?.label ?? STATE_LABEL['no-mapping'],
        ...(f?.note ? { note: f.note } : {}),
      };
    }),
  }));
}

/** The reasons, in words on the page (not only in a tooltip): entities and fields the platform
 * lacks, and writable entities it takes no writes of. */
function notesOf(row: EntityRow) {
  return row.cells.flatMap((cell) => {
    const who = { platform: cell.platform, name: cell.name };
    if (cell.state === 'not-supported')
      return [
        {
          ...who,
          text: `no ${row.entity}: ${cell.reason ?? 'not supported by the platform'}`,
          ...(cell.docs ? { docs: cell.docs } : {}),
        },
      ];
    const fields = cell.fields
      .filter((f) => f.status === 'not-supported')
      .map((f) => ({ ...who, field: f.field, text: f.note ?? 'not supported by the platform' }));
    return cell.readOnly
      ? [
          { ...who, text: `takes no writes of ${row.entity}: ${cell.readOnly.reason}`, docs: cell.readOnly.docs },
          ...fields,
        ]
      : fields;
  });
}
