/** The counts of an annotation import's report, which add up by construction. */
import type { AnnotationImportOutcome } from '../../shared/api.js';
import { plural } from '../../shared/text/plural.js';

/**
 * The counts of an outcome: what was read, placed and left out. Should the three ever
 * fail to add up, the difference is listed as left out, so the report never shows
 * fewer losses than there were.
 */
export function withCounts(outcome: AnnotationImportOutcome, read: { records: number; annotations: number }, relationsPlaced = 0): AnnotationImportOutcome {
  const placed = Object.values(outcome.added).reduce((total, count) => total + count, 0) + relationsPlaced;
  let leftOut = outcome.failed.reduce((total, failure) => total + (failure.count ?? 1), 0);
  const missing = read.annotations - placed - leftOut;
  if (missing > 0) {
    outcome.failed.push({ where: 'the file', reason: `${plural(missing, 'annotation')} read but neither placed nor reported otherwise`, count: missing });
    leftOut += missing;
  }
  return { ...outcome, counts: { records: read.records, annotations: Math.max(read.annotations, placed + leftOut), placed, leftOut } };
}

