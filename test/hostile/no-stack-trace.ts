import { expect } from 'vitest';

/** A stack frame ("    at fn (file.ts:1:2)") or an error name followed by a file path: what a
 * user must never see from any command or answer. */
const STACK_FRAME = /^\s+at .+(\(|\s)(node:|file:|\/|[A-Za-z]:\\)/m;
const ERROR_WITH_PATH = /\b[A-Z][A-Za-z]*Error: .*(\/[\w.-]+\/[\w.-]+\.(?:ts|js|mjs|cjs)\b|node:internal)/;
const INTERNALS = /node_modules\/|node:internal\//;

/** Fails when `output` holds a stack trace, an error message pointing into source files, or a
 * path into node_modules or Node's internals. */
export function expectNoStackTrace(output: string, label = 'output'): void {
  expect(STACK_FRAME.test(output), `${label} has a stack frame:\n${output.slice(0, 2000)}`).toBe(false);
  expect(ERROR_WITH_PATH.test(output), `${label} has an error naming a source file:\n${output.slice(0, 2000)}`).toBe(
    false,
  );
  expect(INTERNALS.test(output), `${label} names node_modules or Node internals:\n${output.slice(0, 2000)}`).toBe(
    false,
  );
}
