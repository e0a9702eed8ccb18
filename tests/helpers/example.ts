/** The reference project of format v1 (../shared/format-v1), read as plain JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleProject } from './paths.js';

export const EXAMPLE_DOC_ID = 'd_827ea7de7a88';

export function readExample(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(exampleProject, relative), 'utf8')) as Record<string, unknown>;
}

export const exampleFiles = {
  manifest: 'factmark.json',
  document: `documents/${EXAMPLE_DOC_ID}.json`,
  alice: `annotations/alice/${EXAMPLE_DOC_ID}.json`,
  bob: `annotations/bob/${EXAMPLE_DOC_ID}.json`,
  entities: 'entities.json',
} as const;

/** A deep copy to mutate in a test. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
