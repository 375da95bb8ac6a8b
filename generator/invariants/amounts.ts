/**
 * Amount arithmetic for the invariants. Platforms round every amount they report (a line, a tax,
 * a total) to the currency's smallest unit on its own, so a sum of n rounded amounts can be off
 * the rounded total by up to half a unit per amount. The tolerance is therefore one cent (0.01,
 * or the declaration's `tolerance`) per amount summed: 0.01 × the number of lines for a lines
 * sum, 0.01 × the number of terms for a formula.
 */

/** Default rounding tolerance per amount summed, in units of the document's currency. */
export const TOLERANCE_PER_AMOUNT = 0.01;

/** A number, or undefined for null, absent or anything else. */
export function amount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The tolerance for a sum of `count` rounded amounts (at least one). */
export function tolerance(count: number, perAmount = TOLERANCE_PER_AMOUNT): number {
  return perAmount * Math.max(1, count);
}

/** Whether two amounts agree within `allowed`; float noise (1e-9) never counts. */
export function agrees(a: number, b: number, allowed: number): boolean {
  return Math.abs(a - b) <= allowed + 1e-9;
}

/** A number as people read it, without float noise: 0.1 + 0.2 shows as 0.3. */
export function show(value: number): string {
  return String(Number(value.toFixed(9)));
}

/** `684.25 ± 0.03`: what a check expected, with its tolerance. */
export function within(value: number, allowed: number): string {
  return `${show(value)} ± ${show(allowed)}`;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of an array field that are objects; undefined when the field is not an array. */
export function records(value: unknown): Record<string, unknown>[] | undefined {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : undefined;
}

/** A pointer segment for a property name. */
export function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
