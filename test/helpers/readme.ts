import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './spec.ts';

/** A fenced ```sh block of the README: its commands (continuation lines joined) and the line the
 * fence opens at, with the `<!-- readme-test: … -->` note written just above it, if any. */
export interface ShellBlock {
  line: number;
  commands: string[];
  note?: string;
}

export function readmeShellBlocks(readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8')): ShellBlock[] {
  const lines = readme.split('\n');
  const blocks: ShellBlock[] = [];
  lines.forEach((text, index) => {
    if (text !== '```sh') return;
    const end = lines.indexOf('```', index + 1);
    const note = /^<!-- readme-test: (.*) -->$/.exec(lines[index - 1] ?? '')?.[1];
    blocks.push({
      line: index + 1,
      commands: joinContinuations(lines.slice(index + 1, end)),
      ...(note ? { note } : {}),
    });
  });
  return blocks;
}

/** One entry per command: a line ending in `\` goes on with the next; comments and blank lines go. */
function joinContinuations(lines: string[]): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const line of lines) {
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    pending += line;
    if (pending.endsWith('\\')) pending = `${pending.slice(0, -1)} `;
    else {
      commands.push(pending);
      pending = '';
    }
  }
  return commands;
}
