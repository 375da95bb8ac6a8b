/* What the generate run's merge stage (connectors/merge-stage.ts) gives back per mapping file and
 * the run record (cache/run-record.ts) keeps, so a cached run reports the same merges. */

/** The merge of one mapping file: its new text when that differs, and what changed. */
export interface MappingUpdate {
  /** Relative to the connectors folder: `xero/mappings/invoices.ts`. */
  path: string;
  /** The merged text; undefined when the file is already in step with the spec. */
  contents?: string;
  added: string[];
  flagged: string[];
}
