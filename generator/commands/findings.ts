import { sep } from 'node:path';

/** One problem a command found, in the shape CI formats need: GitHub workflow annotations and
 * SARIF 2.1.0 (code scanning). Each command maps its own problems (lint diagnostics, validate
 * issues, conformance failures, diff changes) to this. */
export interface Finding {
  /** Stable rule id, e.g. `dangling-ref`, `conformance/read`, `response-property-removed`. */
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  /** Path relative to the working folder (where CI checked the repository out). */
  file?: string;
  line?: number;
  column?: number;
}

export type MachineFormat = 'github' | 'sarif';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The findings as the one document or the lines the format wants. */
export function formatFindings(
  format: MachineFormat,
  findings: readonly Finding[],
  tool: { name: string; version: string },
): string[] {
  return format === 'github' ? findings.map(githubAnnotation) : [JSON.stringify(sarifLog(findings, tool), null, 2)];
}

/** `::error file=spec/x.yaml,line=3,col=5,title=rule::message`: GitHub shows it on that line of
 * the pull request. Values are escaped as the runner expects (% CR LF, and : , in properties). */
export function githubAnnotation(f: Finding): string {
  const props = [
    f.file && `file=${escapeProperty(toPosix(f.file))}`,
    f.line && `line=${f.line}`,
    f.line && f.column && `col=${f.column}`,
    `title=${escapeProperty(f.ruleId)}`,
  ].filter(Boolean);
  const command = f.level === 'note' ? 'notice' : f.level;
  return `::${command} ${props.join(',')}::${escapeData(f.message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A SARIF 2.1.0 log with one run: the rules seen, one result per finding, each located by a
 * relative URI (and region, when the line is known). */
export function sarifLog(findings: readonly Finding[], tool: { name: string; version: string }) {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, rules: ruleIds.map((id) => ({ id })) } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIds.indexOf(f.ruleId),
          level: f.level,
          message: { text: f.message },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: fileUri(f.file) },
                      ...(f.line
                        ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}

/** A relative path as a URI reference: posix separators, each segment percent-encoded. */
function fileUri(file: string): string {
  return toPosix(file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
