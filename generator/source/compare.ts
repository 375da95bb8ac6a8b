/** Orders strings by code unit, the same on every machine: `localeCompare` follows the machine's
 * locale (in Lithuanian, `y` sorts between `i` and `j`), which would make generated output, and so
 * `generate --check`, depend on where it runs. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
