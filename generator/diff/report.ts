import type { Change, ChangeLevel, DiffResult, OperationRef } from './model.ts';
import { LEVELS } from './model.ts';
import { describeOperation } from './operations.ts';

const HEADINGS: Record<ChangeLevel, string> = {
  breaking: 'Breaking',
  'potentially-breaking': 'Potentially breaking',
  'non-breaking': 'Non-breaking',
};
const CHANGELOG_HEADINGS: Record<ChangeLevel, string> = {
  breaking: 'Breaking',
  'potentially-breaking': 'Potentially breaking',
  'non-breaking': 'Added & changed',
};

/** Breaking changes no acknowledgement or flag accepted: what makes the command exit 1. */
export function unaccepted(result: DiffResult): Change[] {
  return result.changes.filter((c) => c.level === 'breaking' && !c.accepted);
}

export function summary(result: DiffResult) {
  const count = (level: ChangeLevel) => result.changes.filter((c) => c.level === level).length;
  return {
    breaking: count('breaking'),
    potentiallyBreaking: count('potentially-breaking'),
    nonBreaking: count('non-breaking'),
    unacceptedBreaking: unaccepted(result).length,
  };
}

/** The JSON report: the result with a summary; changes already sorted, no timestamps. */
export function jsonReport(result: DiffResult): string {
  return JSON.stringify(
    {
      base: result.base,
      head: result.head,
      summary: summary(result),
      semver: result.semver,
      changes: result.changes,
      unusedAcknowledgements: result.unusedAcknowledgements,
    },
    null,
    2,
  );
}

/** The default report: changes grouped by level, each with its pointer and source line. */
export function textReport(result: DiffResult): string[] {
  const lines = [`ledgerspec diff: ${sideLabel(result.base)} → ${sideLabel(result.head)}`];
  if (result.changes.length === 0) lines.push('', 'No changes.');
  for (const level of LEVELS) {
    const changes = result.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    lines.push('', `${HEADINGS[level]} (${changes.length})`);
    for (const c of changes) {
      const where = c.source ? `  ${c.source.file}${c.source.line ? `:${c.source.line}` : ''}` : '';
      lines.push(
        `  [${c.id}] ${operationsLabel(c.operations)}${c.operations.length ? ': ' : ''}${c.message}${c.accepted ? ` (accepted: ${c.accepted.reason})` : ''}`,
      );
      lines.push(`      at ${c.pointer || '/'}${where}`);
    }
  }
  for (const a of result.unusedAcknowledgements)
    lines.push(
      '',
      `warning: acknowledgement [${a.id}] at ${a.pointer} matches no breaking change (stale or mistyped?)`,
    );
  lines.push('', `Suggested version bump: ${semverLine(result)}`);
  const open = unaccepted(result).length;
  const accepted = result.changes.filter((c) => c.accepted).length;
  lines.push(
    open
      ? `${open} breaking change(s) not accepted: exit 1. Accept them with --allow-breaking, or list { id, pointer, reason } under info.x-ledgerspec-accepted-breaking-changes in the head spec.`
      : `No unaccepted breaking changes${accepted ? ` (${accepted} accepted)` : ''}.`,
  );
  return lines;
}

export interface ChangelogOptions {
  /** Heading version; default: the head's info.version when it differs from the base's, else Unreleased. */
  release?: string;
  /** Heading date, as given (no clock is read: output stays reproducible). */
  date?: string;
}

/** A changelog entry: `## <version> — <date>`, the suggested bump, then one section per level. */
export function markdownEntry(result: DiffResult, options: ChangelogOptions = {}): string {
  const version =
    options.release ??
    (result.head.version && result.head.version !== result.base.version ? result.head.version : 'Unreleased');
  const lines = [
    `## ${version}${options.date ? ` — ${options.date}` : ''}`,
    '',
    `Suggested version bump: ${semverLine(result)}.`,
  ];
  if (result.changes.length === 0) lines.push('', 'No API changes.');
  for (const level of LEVELS) {
    const changes = result.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    lines.push('', `### ${CHANGELOG_HEADINGS[level]}`, '');
    for (const c of changes) {
      const ops = c.operations.length ? `**${operationsLabel(c.operations)}**: ` : '';
      const accepted = c.accepted ? ` Accepted: ${c.accepted.reason}` : '';
      lines.push(`- ${ops}${escapeMarkdown(c.message)} (\`${c.id}\` at \`${c.pointer || '/'}\`)${accepted}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function semverLine(result: DiffResult): string {
  const { bump, base, next, head, headSatisfies, note } = result.semver;
  const parts: string[] = [bump];
  if (base && next && next !== base) parts.push(`(${base} → ${next})`);
  if (head && next && headSatisfies === false && head !== base)
    parts.push(`— head declares ${head}, which is less than ${next}`);
  if (note) parts.push(`— ${note}`);
  return parts.join(' ');
}

function sideLabel(side: DiffResult['base']): string {
  return side.version ? `${side.label} (${side.version})` : side.label;
}

function operationsLabel(operations: OperationRef[]): string {
  const [first] = operations;
  if (!first) return '';
  return operations.length === 1
    ? describeOperation(first)
    : `${describeOperation(first)} and ${operations.length - 1} more`;
}

/** Messages quote names in backticks already; only characters that would start markup elsewhere. */
function escapeMarkdown(text: string): string {
  return text.replace(/([<>])/g, '\\$1');
}
