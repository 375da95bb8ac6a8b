import type { UnsupportedEntity } from '../../templates/connectors/runtime/mapping.ts';

/* The coverage report's model: what `connectors/coverage.ts` computes and both the coverage pages
 * (`connectors/coverage-*.ts`) and the docs site (`emit/docs/`) print. */

/** Where one unified field stands in one connector. */
export type FieldStatus = 'mapped' | 'todo' | 'not-supported' | 'no-mapping';

export interface FieldCoverage {
  field: string;
  status: FieldStatus;
  /** The reason given with notSupported(...), or the todo's text. */
  note?: string;
}

export interface EntityCoverage {
  entity: string;
  /** no-mapping: no mappings/<entity>.ts; not-supported: the connector declares the platform lacks it. */
  status: 'mapped' | 'not-supported' | 'no-mapping';
  reason?: string;
  /** The platform's documentation page behind a not-supported reason. */
  docs?: string;
  read: FieldCoverage[];
  /** For a writable entity with a write mapping. */
  write?: FieldCoverage[];
  /** The spec takes writes of this entity (it has a Create model). */
  writable: boolean;
  /** A writable entity the platform has, but takes no writes of (the connector's readOnlyEntities). */
  readOnly?: UnsupportedEntity;
  /** Absolute paths of the mapping module and the fixtures folder, when they exist. */
  mappingFile?: string;
  fixturesDir?: string;
  /** What conformance found for this mapping (when it ran over it). */
  conformance?: ConformanceTally;
}

export interface ConformanceTally {
  cases: number;
  verbatim: number;
  constructed: number;
  writes: number;
  roundTrips: number;
  failures: number;
  warnings: number;
}

export interface ConnectorCoverage {
  platform: string;
  name: string;
  entities: EntityCoverage[];
}
