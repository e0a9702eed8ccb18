/**
 * Annotations made elsewhere, into a project's layers. Each format's reader turns a file
 * into found layers (spans and relations per document, and per annotator when the file
 * says whose they are); `mergeFoundLayers` then adds them to the layers on disk, checking
 * each against the text and the label schema like a save does. Whatever cannot be
 * placed is reported with its position in the file, never dropped silently.
 */
import type { AnnotationImportOutcome } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { fromDoccano } from '../../shared/formats/doccano/decode.js';
import { type ForeignRecord } from '../../shared/formats/codec.js';
import { fromLabelStudio, labelStudioTasks } from '../../shared/formats/label-studio/decode.js';
import { fromSpacy } from '../../shared/formats/spacy/decode.js';
import { spansFromW3C, w3cAnnotations } from '../../shared/formats/w3c/decode.js';
import type { AnnotationLayer, Relation, Span } from '../../shared/model/annotations.js';
import { checkLayer, type LayerContext } from '../../shared/model/consistency.js';
import { CorpusDocument, CorpusExport, type CorpusLayer } from '../../shared/model/corpus.js';
import type { SourceDocument } from '../../shared/model/document.js';
import { isRecord, parseJsonText, validateWith } from '../../shared/model/parse.js';
import { insertSpan, newSpanId } from '../../shared/model/spans.js';
import { anchorSpans } from '../../shared/text/anchoring.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { makeQuote } from '../../shared/text/quote.js';
import { acceptCorpusLayer } from '../store/fast-accept.js';
import { sha256Text } from '../store/hash.js';
import type { ProjectStore } from '../store/project-store.js';

/** Spans and relations for one document, as a file gave them. */
export interface FoundLayer {
  documentId: string;
  /** Whose layer the file says this is (a Factmark corpus does); null: the importer's. */
  annotator: string | null;
  spans: Span[];
  relations: Relation[];
  /** Where each span and relation came from in the file (record, annotation or line). */
  origin: Map<string, string>;
}

export interface Found {
  layers: FoundLayer[];
  failed: AnnotationImportOutcome['failed'];
}

/** A JSON document, or JSON Lines (one value per line); errors name the line. */
export function parseJsonOrLines(text: string, file: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/}\s*\n\s*{/.test(trimmed))) return w3cAnnotations(parseJsonText(text, file));
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => parseJsonText(line, `${file} line ${number}`));
}

/** Collects found spans into one layer per document (and annotator). */
class LayerCollector {
  private readonly layers = new Map<string, FoundLayer>();

  add(documentId: string, annotator: string | null, span: Span, origin: string): void {
    this.layer(documentId, annotator).spans.push(span);
    this.layer(documentId, annotator).origin.set(span.id, origin);
  }

  layer(documentId: string, annotator: string | null): FoundLayer {
    const key = `${annotator ?? ''}\u0000${documentId}`;
    let layer = this.layers.get(key);
    if (!layer) this.layers.set(key, (layer = { documentId, annotator, spans: [], relations: [], origin: new Map() }));
    return layer;
  }

  result(failed: Found['failed']): Found {
    return { layers: [...this.layers.values()], failed };
  }
}

export function findInW3C(text: string, file: string, documents: readonly SourceDocument[], labels: readonly string[], now: Date): Found {
  const collector = new LayerCollector();
  const failed: Found['failed'] = [];
  for (const [i, result] of spansFromW3C(parseJsonOrLines(text, file), documents, labels, now).entries()) {
    if (result.ok) collector.add(result.documentId, null, result.span, `annotation ${i + 1}`);
    else failed.push({ where: `annotation ${result.index + 1}`, reason: result.reason });
  }
  return collector.result(failed);
}

/** Each tool's records, and how one record becomes text and code point spans. */
const TOOL_RECORDS = {
  spacy: { records: parseJsonOrLines, read: fromSpacy },
  doccano: { records: parseJsonOrLines, read: fromDoccano },
  'label-studio': { records: (text: string, file: string) => labelStudioTasks(parseJsonText(text, file)), read: fromLabelStudio },
} satisfies Record<string, { records: (text: string, file: string) => unknown[]; read: (record: unknown) => ForeignRecord }>;
export type ToolFormat = keyof typeof TOOL_RECORDS;

/**
 * spaCy, doccano and Label Studio records carry their text: each is matched to the
 * project's document with exactly that text (import the article first), and its spans
 * become ordinary spans there.
 */
export function findInToolRecords(format: ToolFormat, text: string, file: string, documents: readonly SourceDocument[], now: Date): Found {
  const tool = TOOL_RECORDS[format];
  const records = tool.records(text, file);
  const bySha = new Map(documents.map((doc) => [doc.sha256, doc] as const));
  const collector = new LayerCollector();
  const failed: Found['failed'] = [];
  let index = 0;
  const stamp = now.toISOString();
  records.forEach((record, recordIndex) => {
    const read = tool.read(record);
    if (!read.ok) {
      failed.push({ where: `record ${recordIndex + 1}`, reason: read.reason });
      return;
    }
    const foreign = read.value;
    const doc = bySha.get(sha256Text(foreign.text));
    const offsets = doc ? createOffsetIndex(doc.text) : null;
    for (const span of foreign.spans) {
      const at = index++;
      if (!doc || !offsets) failed.push({ where: `record ${recordIndex + 1}`, reason: 'its text is not a document of this project (import the article first)' });
      else collector.add(doc.id, null, { id: `s_${format.replace('-', '')}_${at + 1}`, label: span.label, start: span.start, end: span.end, quote: makeQuote(offsets, span.start, span.end), attributes: {}, createdAt: stamp, updatedAt: stamp }, `record ${recordIndex + 1}`);
    }
  });
  return collector.result(failed);
}

/** A Factmark corpus (one file, or one document per line), with its documents. */
export function readCorpus(format: 'factmark-json' | 'factmark-jsonl', text: string, file: string): { documents: CorpusDocument[]; entities: CorpusExport['entities'] | null; claims?: CorpusExport['claims'] } {
  if (format === 'factmark-json') {
    const json = parseJsonText(text, file);
    const whole = quickCorpus(json) ?? validateWith(CorpusExport, json, file);
    return { documents: whole.documents, entities: whole.entities, ...(whole.claims ? { claims: whole.claims } : {}) };
  }
  return { documents: parseJsonOrLines(text, file).map((line, i) => quickCorpusDocument(line) ?? validateWith(CorpusDocument, line, `${file} line ${i + 1}`)), entities: null };
}

/*
 * A corpus can hold millions of spans. Its small parts (header, label schema, entities,
 * each document's text and metadata) are checked by zod; its layers, the bulk, by the
 * fast acceptor (main/store/fast-accept.ts). Anything either turns down is checked again
 * by zod as a whole, whose messages name the place.
 */

function quickCorpus(json: unknown): CorpusExport | null {
  if (!isRecord(json) || !Array.isArray(json.documents)) return null;
  const head = CorpusExport.safeParse({ ...json, documents: [] });
  if (!head.success) return null;
  const documents: CorpusDocument[] = [];
  for (const doc of json.documents) {
    const checked = quickCorpusDocument(doc);
    if (!checked) return null;
    documents.push(checked);
  }
  return { ...head.data, documents };
}

function quickCorpusDocument(doc: unknown): CorpusDocument | null {
  if (!isRecord(doc) || !Array.isArray(doc.annotations)) return null;
  const head = CorpusDocument.safeParse({ ...doc, annotations: [] });
  if (!head.success || !doc.annotations.every(acceptCorpusLayer)) return null;
  return { ...head.data, annotations: doc.annotations as CorpusLayer[] };
}


/** The layers of a Factmark corpus, each kept under its own annotator, re-anchored to the project's text. */
export function findInCorpus(corpus: readonly CorpusDocument[], documents: readonly SourceDocument[]): Found {
  const byId = new Map(documents.map((doc) => [doc.id, doc] as const));
  const collector = new LayerCollector();
  const failed: Found['failed'] = [];
  for (const doc of corpus) {
    const target = byId.get(doc.id);
    for (const layer of doc.annotations) {
      const anchored = target ? anchorSpans(target.text, layer.spans) : null;
      for (const span of anchored?.spans ?? layer.spans) {
        const where = `${doc.meta.title ? `“${doc.meta.title}”` : `document ${doc.id}`}, ${layer.annotator}'s span ${span.id}`;
        if (!target) failed.push({ where, reason: 'the document is not in the project' });
        else if (anchored?.unplaced.includes(span.id)) failed.push({ where, reason: 'its quote is not in the document\'s text' });
        else collector.add(target.id, layer.annotator, span, where);
      }
      if (target) {
        const found = collector.layer(target.id, layer.annotator);
        for (const relation of layer.relations) {
          found.relations.push(relation);
          found.origin.set(relation.id, `${doc.meta.title ? `“${doc.meta.title}”` : `document ${doc.id}`}, ${layer.annotator}'s relation ${relation.id}`);
        }
      }
    }
  }
  return collector.result(failed);
}

export interface MergeResult {
  /** Spans added per document id. */
  added: Record<string, number>;
  failed: AnnotationImportOutcome['failed'];
}

/**
 * Adds found layers to the layers on disk. Ids that clash with spans already there are
 * renewed (relations follow); a span or relation the layer check finds wrong (a label
 * the schema lacks, a relation type that does not fit) is left out and reported. Each
 * layer is written once, atomically.
 */
export async function mergeFoundLayers(store: ProjectStore, found: readonly FoundLayer[], importer: string | null, now: Date): Promise<MergeResult> {
  const added: Record<string, number> = {};
  const failed: MergeResult['failed'] = [];
  const entityIds = new Set((await store.readEntities()).entities.map((entity) => entity.id));
  for (const incoming of found) {
    const annotator = importer ?? incoming.annotator;
    if (!annotator) throw new FactmarkError('BAD_INPUT', 'Say whose layers these annotations go into (an annotator name)');
    const doc = await store.readDocument(incoming.documentId);
    // Added to the layer as it is on disk at the moment of writing (see updateLayer).
    await store.updateLayer(
      incoming.documentId,
      annotator,
      ({ layer }) => {
        const merged = addFound(layer, incoming, { manifest: store.manifest, text: doc.text, sha256: doc.sha256, entityIds }, now);
        failed.push(...merged.failed);
        if (merged.added === 0 && merged.layer.relations.length === layer.relations.length) return null;
        added[incoming.documentId] = (added[incoming.documentId] ?? 0) + merged.added;
        return merged.layer;
      },
      doc,
    );
  }
  return { added, failed };
}

/**
 * Adds what a file gave for one document to a layer: spans whose ids are taken get new
 * ones (references and relations follow), and what the check finds wrong with what came
 * in is left out and reported (a wrong attribute value alone, or else the span or
 * relation); the layer's own earlier problems are not this import's to judge.
 */
function addFound(layer: AnnotationLayer, incoming: FoundLayer, context: LayerContext, now: Date): { layer: AnnotationLayer; added: number; failed: MergeResult['failed'] } {
  const failed: MergeResult['failed'] = [];
  const renamed = new Map<string, string>();
  let spans = layer.spans;
  for (const span of incoming.spans) {
    const id = spans.some((existing) => existing.id === span.id) ? newSpanId(spans, () => Math.random().toString(36).slice(2, 10)) : span.id;
    renamed.set(span.id, id);
    spans = insertSpan(spans, { ...span, id });
  }
  // References between imported spans follow renamed ids.
  if ([...renamed].some(([before, after]) => before !== after)) {
    const own = new Set(renamed.values());
    spans = spans.map((span) => (own.has(span.id) ? { ...span, attributes: Object.fromEntries(Object.entries(span.attributes).map(([name, value]) => [name, typeof value === 'string' ? (renamed.get(value) ?? value) : value])) } : span));
  }
  const relationIds = new Set(layer.relations.map((relation) => relation.id));
  const relations = [...layer.relations];
  for (const relation of incoming.relations) {
    let id = relation.id;
    for (let n = 2; relationIds.has(id); n++) id = `${relation.id}_${n}`;
    relationIds.add(id);
    renamed.set(relation.id, id);
    relations.push({ ...relation, id, from: renamed.get(relation.from) ?? relation.from, to: renamed.get(relation.to) ?? relation.to });
  }
  const originOf = new Map([...renamed].map(([before, after]) => [after, incoming.origin.get(before) ?? before]));
  const wrong = new Set<string>();
  const wrongAttributes = new Map<string, Set<string>>();
  for (const problem of checkLayer(context, { ...layer, spans, relations })) {
    const id = problem.spanId ?? problem.relationId;
    if (problem.severity !== 'error' || !id || !originOf.has(id) || wrong.has(id)) continue;
    if (problem.attribute) wrongAttributes.set(id, (wrongAttributes.get(id) ?? new Set()).add(problem.attribute));
    else wrong.add(id);
    failed.push({ where: originOf.get(id) ?? id, reason: problem.attribute ? `${problem.message} (the span is kept without it)` : problem.message });
  }
  spans = spans.map((span) => {
    const drop = wrongAttributes.get(span.id);
    return drop ? { ...span, attributes: Object.fromEntries(Object.entries(span.attributes).filter(([name]) => !drop.has(name))) } : span;
  });
  const keptSpans = spans.filter((span) => !wrong.has(span.id));
  return {
    layer: {
      ...layer,
      status: layer.status === 'not-started' ? 'in-progress' : layer.status,
      updatedAt: now.toISOString(),
      spans: keptSpans,
      relations: relations.filter((relation) => !wrong.has(relation.id)),
    },
    added: keptSpans.length - layer.spans.length,
    failed,
  };
}
