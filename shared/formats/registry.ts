/**
 * Every interchange format, in one registry used by the CLI and the app. An export
 * format encodes the corpus piece by piece — a head, each document with its layers, a
 * tail — so any project streams out in bounded memory.
 */
import type { CorpusDocument } from '../model/corpus.js';
import { encodeCorpusDocument, encodeCorpusHead, encodeCorpusTail, type CorpusHeader } from './factmark-json.js';
import { bratArchiveEncoder } from './brat-archive.js';
import { toClaimReviews } from './claimreview.js';
import { leftOutNote, toConll, type LeftOut, type TagScheme } from './conll.js';
import { toDoccanoLine } from './doccano.js';
import { toLabelStudioTask } from './label-studio.js';
import { toSpacyLines } from './spacy.js';
import { W3C_CONTEXT, w3cAnnotationWriter } from './w3c.js';

/**
 * One export's encoder: it keeps what it needs between pieces (commas, counts). Text
 * formats give strings; archives (brat's folder of files, zipped) give bytes.
 */
export interface CorpusEncoder {
  head(header: CorpusHeader): string | Uint8Array;
  document(doc: CorpusDocument): string | Uint8Array;
  tail(): string | Uint8Array;
  /** What the person exporting should know (spans a format could not hold). */
  notes?(): string[];
}

export interface ExportFormat {
  id: string;
  name: string;
  /** File name ending, with the dot. */
  extension: string;
  mediaType: string;
  /** Bytes, not text: never written to a terminal, and sent without a charset. */
  binary?: boolean;
  /** A fresh encoder for each export. */
  encoder: () => CorpusEncoder;
}

/** Comma-separated pieces inside a JSON array, however many documents add nothing. */
function jsonArrayItems(): (items: string[], indent: string) => string {
  let written = 0;
  return (items, indent) => {
    if (items.length === 0) return '';
    const text = `${written ? ',' : ''}\n${indent}${items.join(`,\n${indent}`)}`;
    written += items.length;
    return text;
  };
}

/** Items one per line, each ending in a newline. */
const lines = (items: string[]) => (items.length ? `${items.join('\n')}\n` : '');

/**
 * A document's W3C annotations, `separator` between them, in batches of 32: each batch is
 * joined into one flat string at once, so the pieces an annotation is glued from die
 * young instead of living on in the old generation until the whole document is joined.
 * That made W3C exports about 15 % faster (bench/RESULTS.md).
 */
function w3cAnnotationBatches(doc: CorpusDocument, separator: string): string[] {
  const batches: string[] = [];
  for (const layer of doc.annotations) {
    const write = w3cAnnotationWriter(doc, layer);
    for (let i = 0; i < layer.spans.length; i += W3C_BATCH) batches.push(layer.spans.slice(i, i + W3C_BATCH).map(write).join(separator));
  }
  return batches;
}
const W3C_BATCH = 32;

export const EXPORT_FORMATS = {
  'factmark-json': {
    id: 'factmark-json',
    name: 'Factmark JSON (the whole corpus in one file)',
    extension: '.json',
    mediaType: 'application/json',
    encoder: () => {
      let documents = 0;
      return { head: encodeCorpusHead, document: (doc) => encodeCorpusDocument(doc, documents++ === 0), tail: () => encodeCorpusTail(documents === 0) };
    },
  },
  'factmark-jsonl': {
    id: 'factmark-jsonl',
    name: 'Factmark JSON Lines (one document with its layers per line)',
    extension: '.jsonl',
    mediaType: 'application/jsonl',
    encoder: () => ({ head: () => '', document: (doc) => `${JSON.stringify(doc)}\n`, tail: () => '' }),
  },
  w3c: {
    id: 'w3c',
    name: 'W3C Web Annotation (JSON-LD collection)',
    extension: '.jsonld',
    mediaType: 'application/ld+json',
    encoder: () => {
      const items = jsonArrayItems();
      return {
        head: () => `{\n  "@context": ${JSON.stringify(W3C_CONTEXT)},\n  "type": "AnnotationCollection",\n  "first": {\n    "type": "AnnotationPage",\n    "items": [`,
        document: (doc) => items(w3cAnnotationBatches(doc, ',\n      '), '      '),
        tail: () => '\n    ]\n  }\n}\n',
      };
    },
  },
  'w3c-jsonl': {
    id: 'w3c-jsonl',
    name: 'W3C Web Annotation (one annotation per line)',
    extension: '.jsonl',
    mediaType: 'application/jsonl',
    encoder: () => ({ head: () => '', document: (doc) => lines(w3cAnnotationBatches(doc, '\n')), tail: () => '' }),
  },
  brat: {
    id: 'brat',
    name: 'brat standoff (a zip of annotator folders with .txt and .ann files, and annotation.conf)',
    extension: '.zip',
    mediaType: 'application/zip',
    binary: true,
    encoder: bratArchiveEncoder,
  },
  spacy: {
    id: 'spacy',
    name: 'spaCy JSONL (text and code point spans, one line per layer)',
    extension: '.jsonl',
    mediaType: 'application/jsonl',
    encoder: () => ({ head: () => '', document: toSpacyLines, tail: () => '' }),
  },
  doccano: {
    id: 'doccano',
    name: 'doccano sequence labelling JSONL (UTF-16 offsets, first layer of each document)',
    extension: '.jsonl',
    mediaType: 'application/jsonl',
    encoder: () => ({ head: () => '', document: (doc) => toDoccanoLine(doc, doc.annotations[0]?.annotator ?? '') ?? '', tail: () => '' }),
  },
  'label-studio': {
    id: 'label-studio',
    name: 'Label Studio tasks (JSON, one annotation per layer)',
    extension: '.json',
    mediaType: 'application/json',
    encoder: () => {
      const items = jsonArrayItems();
      return { head: () => '[', document: (doc) => items([JSON.stringify(toLabelStudioTask(doc))], '  '), tail: () => '\n]\n' };
    },
  },
  conll: {
    id: 'conll',
    name: 'CoNLL-2003 columns, IOB2 tags (tokens; overlapping spans: first and longest wins)',
    extension: '.conll',
    mediaType: 'text/plain',
    encoder: () => tokenLevel('iob2'),
  },
  bioes: {
    id: 'bioes',
    name: 'Token and BIOES tag per line (same tokens and rule)',
    extension: '.tsv',
    mediaType: 'text/tab-separated-values',
    encoder: () => tokenLevel('bioes'),
  },
  claimreview: {
    id: 'claimreview',
    name: 'schema.org ClaimReview skeletons for every claim (JSON-LD)',
    extension: '.jsonld',
    mediaType: 'application/ld+json',
    encoder: () => {
      const items = jsonArrayItems();
      return { head: () => '[', document: (doc) => items(toClaimReviews(doc).map((review) => JSON.stringify(review)), '  '), tail: () => '\n]\n' };
    },
  },
} as const satisfies Record<string, ExportFormat>;

function tokenLevel(scheme: TagScheme): CorpusEncoder {
  const leftOut: LeftOut = { overlapping: 0, noToken: 0 };
  return {
    head: () => '',
    document: (doc) => {
      const result = toConll(doc, scheme);
      leftOut.overlapping += result.leftOut.overlapping;
      leftOut.noToken += result.leftOut.noToken;
      return result.text;
    },
    tail: () => '',
    notes: () => leftOutNote(leftOut),
  };
}

export type ExportFormatId = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

/** Formats annotations can be imported from (into one annotator's layers). */
export const IMPORT_FORMAT_IDS = ['factmark-json', 'factmark-jsonl', 'w3c', 'brat', 'spacy', 'doccano', 'label-studio'] as const;
export type ImportFormatId = (typeof IMPORT_FORMAT_IDS)[number];

/** How the app offers each import format: a name, and the files its picker accepts (zips always). */
export const IMPORT_FORMATS: Record<ImportFormatId, { name: string; accept: string }> = {
  'factmark-json': { name: 'Factmark JSON corpus (adds the documents the project lacks)', accept: '.json' },
  'factmark-jsonl': { name: 'Factmark JSON Lines (adds the documents the project lacks)', accept: '.jsonl,.json' },
  w3c: { name: 'W3C Web Annotation (a collection, a list, or one per line)', accept: '.json,.jsonld,.jsonl' },
  brat: { name: 'brat standoff (.ann with its .txt, and annotation.conf)', accept: '.ann,.txt,.conf' },
  spacy: { name: 'spaCy JSONL (text and code point spans)', accept: '.jsonl,.json' },
  doccano: { name: 'doccano sequence labelling JSONL', accept: '.jsonl,.json' },
  'label-studio': { name: 'Label Studio tasks JSON', accept: '.json' },
};
