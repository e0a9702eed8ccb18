/**
 * The formats, as data: ids, names, file endings and media types. This is all that the
 * api contract and the renderer know of formats; the encoders and decoders themselves
 * (the format folders beside this file) are put together in main/formats/registry.ts and
 * run only in the service.
 */

export interface ExportFormatInfo {
  id: string;
  name: string;
  /** File name ending, with the dot. */
  extension: string;
  mediaType: string;
  /** Bytes, not text: never written to a terminal, and sent without a charset. */
  binary?: boolean;
}

export const EXPORT_FORMATS = {
  'factmark-json': { id: 'factmark-json', name: 'Factmark JSON (the whole corpus in one file)', extension: '.json', mediaType: 'application/json' },
  'factmark-jsonl': { id: 'factmark-jsonl', name: 'Factmark JSON Lines (one document with its layers per line)', extension: '.jsonl', mediaType: 'application/jsonl' },
  w3c: { id: 'w3c', name: 'W3C Web Annotation (JSON-LD collection)', extension: '.jsonld', mediaType: 'application/ld+json' },
  'w3c-jsonl': { id: 'w3c-jsonl', name: 'W3C Web Annotation (one annotation per line)', extension: '.jsonl', mediaType: 'application/jsonl' },
  brat: { id: 'brat', name: 'brat standoff (a zip of annotator folders with .txt and .ann files, and annotation.conf)', extension: '.zip', mediaType: 'application/zip', binary: true },
  spacy: { id: 'spacy', name: 'spaCy JSONL (text and code point spans, one line per layer)', extension: '.jsonl', mediaType: 'application/jsonl' },
  doccano: { id: 'doccano', name: 'doccano sequence labelling JSONL (UTF-16 offsets, first layer of each document)', extension: '.jsonl', mediaType: 'application/jsonl' },
  'label-studio': { id: 'label-studio', name: 'Label Studio tasks (JSON, one annotation per layer)', extension: '.json', mediaType: 'application/json' },
  conll: { id: 'conll', name: 'CoNLL-2003 columns, IOB2 tags (tokens; overlapping spans: first and longest wins)', extension: '.conll', mediaType: 'text/plain' },
  'conll-2col': { id: 'conll-2col', name: 'CoNLL two columns, token TAB IOB2 tag, no -DOCSTART- (what doccano\'s CoNLL import loads)', extension: '.conll', mediaType: 'text/plain' },
  bioes: { id: 'bioes', name: 'Token and BIOES tag per line (same tokens and rule)', extension: '.tsv', mediaType: 'text/tab-separated-values' },
  claimreview: { id: 'claimreview', name: 'schema.org ClaimReview skeletons for every claim (JSON-LD)', extension: '.jsonld', mediaType: 'application/ld+json' },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormatId = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

/** Formats annotations can be imported from (into one annotator's layers). */
export const IMPORT_FORMAT_IDS = ['factmark-json', 'factmark-jsonl', 'w3c', 'brat', 'spacy', 'doccano', 'label-studio', 'conll'] as const;
export type ImportFormatId = (typeof IMPORT_FORMAT_IDS)[number];

/** How the app offers each import format: a name, and the files its picker accepts (zips always). */
export const IMPORT_FORMATS: Record<ImportFormatId, { name: string; accept: string }> = {
  'factmark-json': { name: 'Factmark JSON corpus (adds the documents the project lacks)', accept: '.json' },
  'factmark-jsonl': { name: 'Factmark JSON Lines (adds the documents the project lacks)', accept: '.jsonl,.json' },
  w3c: { name: 'W3C Web Annotation (a collection, a list, or one per line)', accept: '.json,.jsonld,.jsonl' },
  brat: { name: 'brat standoff (.ann with its .txt, and annotation.conf)', accept: '.ann,.txt,.conf' },
  spacy: { name: 'spaCy JSONL (text and code point spans)', accept: '.jsonl,.json' },
  doccano: { name: 'doccano JSONL (labels, entities and relations, 1.x annotations) or CoNLL columns', accept: '.jsonl,.json,.conll,.txt' },
  'label-studio': { name: 'Label Studio tasks JSON (one layer per annotator)', accept: '.json' },
  conll: { name: 'CoNLL columns (token … tag; IOB1, IOB2, BIOES; -DOCSTART- optional)', accept: '.conll,.txt,.tsv,.bio,.iob' },
};

/** Formats whose files say whose each annotation is, so an annotator name is optional. */
export const FORMATS_WITH_ANNOTATORS: readonly ImportFormatId[] = ['factmark-json', 'factmark-jsonl', 'label-studio', 'doccano'];
