/**
 * The encoders of every export format, by id: the formats' code, put together for the
 * service (imported here in main/ only, so the renderer never carries encoders, zip or
 * JSON writers; it knows formats from shared/formats/catalog.ts).
 */
import { bratArchiveEncoder } from '../../shared/formats/brat/encode.js';
import type { ExportFormatId } from '../../shared/formats/catalog.js';
import { claimReviewEncoder } from '../../shared/formats/claimreview/encode.js';
import type { CorpusEncoder } from '../../shared/formats/codec.js';
import { BIOES_TSV, CONLL_2003, CONLL_TWO_COLUMN, tokenLevelEncoder } from '../../shared/formats/conll/encode.js';
import { doccanoEncoder } from '../../shared/formats/doccano/encode.js';
import { factmarkJsonEncoder, factmarkJsonlEncoder } from '../../shared/formats/factmark-json/encode.js';
import { labelStudioEncoder } from '../../shared/formats/label-studio/encode.js';
import { spacyEncoder } from '../../shared/formats/spacy/encode.js';
import { w3cEncoder, w3cJsonlEncoder } from '../../shared/formats/w3c/encode.js';

/** A fresh encoder for each export. */
export const ENCODERS: Record<ExportFormatId, () => CorpusEncoder> = {
  'factmark-json': factmarkJsonEncoder,
  'factmark-jsonl': factmarkJsonlEncoder,
  w3c: w3cEncoder,
  'w3c-jsonl': w3cJsonlEncoder,
  brat: bratArchiveEncoder,
  spacy: spacyEncoder,
  doccano: doccanoEncoder,
  'label-studio': labelStudioEncoder,
  conll: () => tokenLevelEncoder(CONLL_2003),
  'conll-2col': () => tokenLevelEncoder(CONLL_TWO_COLUMN),
  bioes: () => tokenLevelEncoder(BIOES_TSV),
  claimreview: claimReviewEncoder,
};
