/**
 * The corpus export (`factmark export --format json`): one self-contained JSON file with
 * the label schema, every document with its text and metadata, and every annotator's
 * layer on it. Meant for scripts and for other tools; the project folder stays the
 * working copy.
 */
import { z } from 'zod';
import { checkLayerIds, layerFields } from './annotations.js';
import { Timestamp, formatTag } from './common.js';
import { SourceDocument } from './document.js';
import { CanonicalClaims } from './claims.js';
import { CanonicalEntities } from './entities.js';
import { checkLabelSchema, projectFields } from './project.js';

export const CORPUS_FORMAT = 'factmark-corpus';

/** A layer inside the corpus: the annotation file less what the document already says. */
export const CorpusLayer = z.looseObject(layerFields).superRefine(checkLayerIds);
export type CorpusLayer = z.infer<typeof CorpusLayer>;

export const CorpusDocument = SourceDocument.omit({ format: true, version: true }).safeExtend({
  annotations: z.array(CorpusLayer).describe('One layer per annotator who has a file for this document'),
});
export type CorpusDocument = z.infer<typeof CorpusDocument>;

export const CorpusExport = z.looseObject({
  format: formatTag(CORPUS_FORMAT),
  version: z.literal(1),
  exportedAt: Timestamp,
  project: z.looseObject(projectFields).superRefine(checkLabelSchema),
  entities: CanonicalEntities,
  claims: CanonicalClaims.optional().describe('The canonical claims (claims.json), when the project has any'),
  documents: z.array(CorpusDocument),
});
export type CorpusExport = z.infer<typeof CorpusExport>;
