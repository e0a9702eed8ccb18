/**
 * Records of other tools that carry their own text (spaCy, doccano, Label Studio,
 * CoNLL): each is placed on the project's document with the same text, a final line
 * break aside (an article file often ends in one that the tool's record lost), or
 * becomes a new document, as a brat import does. Spans keep the file's label names
 * here; the import maps them to labels afterwards (label-apply.ts).
 */
import path from 'node:path';
import type { ImportFailure } from '../../shared/api.js';
import { annotationsIn, type ForeignDocument, type ForeignRecord } from '../../shared/formats/codec.js';
import { conllBlocks, fromConllBlock, looksLikeColumns } from '../../shared/formats/conll/decode.js';
import { fromDoccano } from '../../shared/formats/doccano/decode.js';
import { fromLabelStudio, labelStudioTasks, type LabelStudioNames } from '../../shared/formats/label-studio/decode.js';
import { fromSpacy } from '../../shared/formats/spacy/decode.js';
import { DOCUMENT_FORMAT, documentIdFor, type SourceDocument } from '../../shared/model/document.js';
import { parseJsonText } from '../../shared/model/parse.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { makeQuote } from '../../shared/text/quote.js';
import { sha256Text } from '../store/hash.js';
import type { ProjectStore } from '../store/project-store.js';
import { LayerCollector, parseJsonOrLines, type Found } from './annotation-import.js';

export type RecordFormat = 'spacy' | 'doccano' | 'label-studio' | 'conll';

export interface RecordOptions {
  /** doccano 1.x label id → name. */
  doccanoLabels?: ReadonlyMap<string, string> | undefined;
  importedBy: string | null;
  now: Date;
}

/** A file's records, each read into text and spans (or why not). */
function readRecords(format: RecordFormat, text: string, file: string, options: RecordOptions): { records: ForeignRecord[]; labelStudio?: LabelStudioNames } {
  if (format === 'conll' || (format === 'doccano' && looksLikeColumns(text))) return { records: conllBlocks(text).map(fromConllBlock) };
  if (format === 'label-studio') {
    let names: LabelStudioNames | undefined;
    const records = labelStudioTasks(parseJsonText(text, file)).map((task) => {
      const read = fromLabelStudio(task);
      names ??= read.names;
      return read;
    });
    return names ? { records, labelStudio: names } : { records };
  }
  const read = format === 'spacy' ? fromSpacy : (value: unknown) => fromDoccano(value, options.doccanoLabels ? { labelNames: options.doccanoLabels } : {});
  return { records: parseJsonOrLines(text, file).map(read) };
}

/** A text without the one line break it may end in: how record and document texts are matched. */
const withoutFinalBreak = (text: string) => text.replace(/\r?\n$/, '');

export interface RecordsFound extends Found {
  labelStudio?: LabelStudioNames;
}

/**
 * Every record of a file, placed: on a document of the project (same text, a final line
 * break aside) or on a new document made from it. Spans and relations are grouped by
 * document and by the annotator the record names.
 */
export async function findInRecords(store: ProjectStore, format: RecordFormat, text: string, file: string, options: RecordOptions): Promise<RecordsFound> {
  const { records, labelStudio } = readRecords(format, text, file, options);
  const documents = await Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
  const byText = new Map(documents.map((doc) => [sha256Text(withoutFinalBreak(doc.text)), doc] as const));
  const collector = new LayerCollector();
  const failed: ImportFailure[] = [];
  const notes = new Set<string>();
  const documentsAdded: { documentId: string; from: string }[] = [];
  const stamp = options.now.toISOString();
  const prefix = `s_${format.replace('-', '')}_`;
  let spanCount = 0;
  let annotations = 0;
  const what = format === 'conll' || (format === 'doccano' && looksLikeColumns(text)) ? 'document' : format === 'label-studio' ? 'task' : 'record';

  for (const [r, record] of records.entries()) {
    const where = `${what} ${r + 1}`;
    if (!record.ok) {
      annotations += record.annotations;
      failed.push({ where, reason: record.reason, count: record.annotations });
      continue;
    }
    const foreign = record.value;
    annotations += annotationsIn(foreign);
    for (const note of foreign.notes ?? []) notes.add(note);
    for (const problem of foreign.problems) failed.push({ where: `${where}, ${problem.where}`, reason: problem.reason, count: problem.annotations });
    if (foreign.spans.length === 0 && foreign.relations.length === 0) continue;
    let doc = byText.get(sha256Text(withoutFinalBreak(foreign.text)));
    if (!doc) {
      doc = await addRecordDocument(store, foreign, file, foreign.name ?? String(r + 1), options);
      byText.set(sha256Text(withoutFinalBreak(doc.text)), doc);
      documentsAdded.push({ documentId: doc.id, from: `${where}${foreign.name && foreign.name !== String(r + 1) ? ` (${foreign.name})` : ''}` });
    }
    const offsets = createOffsetIndex(doc.text);
    const ids = new Map<string, string>();
    for (const span of foreign.spans) {
      const at = `${where}${span.where ? `, ${span.where}` : ''}`;
      if (span.end > offsets.length) {
        failed.push({ where: at, reason: `offsets ${span.start}-${span.end} run past the document's text` });
        continue;
      }
      const id = `${prefix}${++spanCount}`;
      if (span.id !== undefined) ids.set(`${span.annotator ?? ''}\u0000${span.id}`, id);
      collector.add(doc.id, span.annotator ?? null, { id, label: span.label, start: span.start, end: span.end, quote: makeQuote(offsets, span.start, span.end), attributes: {}, createdAt: stamp, updatedAt: stamp, ...(span.note ? { note: span.note } : {}) }, at);
    }
    for (const [k, relation] of foreign.relations.entries()) {
      const at = `${where}${relation.where ? `, ${relation.where}` : ''}`;
      const from = ids.get(`${relation.annotator ?? ''}\u0000${relation.from}`);
      const to = ids.get(`${relation.annotator ?? ''}\u0000${relation.to}`);
      if (!from || !to) {
        failed.push({ where: at, reason: 'one of its spans was left out' });
        continue;
      }
      const layer = collector.layer(doc.id, relation.annotator ?? null);
      const id = `r_${prefix.slice(2)}${r + 1}_${k + 1}`;
      layer.relations.push({ id, type: relation.type, from, to });
      layer.origin.set(id, at);
    }
  }
  const result: RecordsFound = { ...collector.result(failed), records: records.length, annotations, notes: [...notes], documentsAdded };
  return labelStudio ? { ...result, labelStudio } : result;
}

/** A new document from a record's text, remembering the file and the record it came from. */
async function addRecordDocument(store: ProjectStore, record: ForeignDocument, file: string, name: string, options: RecordOptions): Promise<SourceDocument> {
  const sha256 = sha256Text(record.text);
  const doc: SourceDocument = {
    format: DOCUMENT_FORMAT,
    version: 1,
    id: documentIdFor(sha256),
    sha256,
    meta: {
      title: `${path.basename(file)} ${name.startsWith('line ') ? name : `#${name}`}`,
      outlet: null,
      author: null,
      url: null,
      published: null,
      language: null,
      source: { file: path.basename(file), record: name, importedAt: options.now.toISOString(), importedBy: options.importedBy },
    },
    text: record.text,
  };
  await store.addDocument(doc);
  return doc;
}
