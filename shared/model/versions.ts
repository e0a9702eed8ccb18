/**
 * Format versions and migrations. Every file carries `format` and `version`. A file of
 * an older version is migrated in memory on read (and written in the current version
 * only when the user next saves it); a newer version is refused, never rewritten.
 */
import { FactmarkError } from '../errors.js';
import { ANNOTATIONS_FORMAT } from './annotations.js';
import { CLAIMS_FORMAT } from './claims.js';
import { DOCUMENT_FORMAT } from './document.js';
import { ENTITIES_FORMAT } from './entities.js';
import { PROJECT_FORMAT } from './project.js';

export const FILE_FORMATS = [PROJECT_FORMAT, DOCUMENT_FORMAT, ANNOTATIONS_FORMAT, ENTITIES_FORMAT, CLAIMS_FORMAT] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The version this build reads and writes, per format. */
export const CURRENT_VERSION = 1;

/** A step from version N to N+1 over the raw JSON, before schema validation. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[format][n] upgrades a file from version n to n+1. Empty while version 1 is
 * the only one; the first change to a format adds its step here and a fixture test.
 */
export const MIGRATIONS: Record<FileFormat, Partial<Record<number, Migration>>> = {
  [PROJECT_FORMAT]: {},
  [DOCUMENT_FORMAT]: {},
  [ANNOTATIONS_FORMAT]: {},
  [ENTITIES_FORMAT]: {},
  [CLAIMS_FORMAT]: {},
};

/** Checks `format`/`version` and brings the data up to CURRENT_VERSION. */
export interface MigrationTable {
  currentVersion: number;
  migrations: Record<FileFormat, Partial<Record<number, Migration>>>;
}

export function migrateToCurrent(
  format: FileFormat,
  data: Record<string, unknown>,
  file: string,
  { currentVersion, migrations }: MigrationTable = { currentVersion: CURRENT_VERSION, migrations: MIGRATIONS },
): Record<string, unknown> {
  if (data.format !== format) {
    const found = typeof data.format === 'string' ? `"${data.format}"` : 'no "format" field';
    throw new FactmarkError('UNKNOWN_FORMAT', `${file}: expected a "${format}" file, found ${found}`, { file, path: '$.format' });
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FactmarkError('INVALID', `${file}: "version" must be a whole number from 1 up`, { file, path: '$.version' });
  }
  if (version > currentVersion) {
    throw new FactmarkError(
      'NEWER_VERSION',
      `${file} was written in ${format} version ${version}; this Factmark reads up to version ${currentVersion}. Update Factmark to open it — the file is left as it is.`,
      { file, path: '$.version' },
    );
  }
  let current = data;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[format][v];
    if (!step) throw new FactmarkError('INVALID', `${file}: no migration from ${format} version ${v}`, { file, path: '$.version' });
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
