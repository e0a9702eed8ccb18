/**
 * Annotations made elsewhere, into a project's layers. Each format's reader turns a file
 * into found layers (spans and relations per document, and per annotator when the file
 * says whose they are); `mergeFoundLayers` then adds them to the layers on disk, checking
 * each against the text and the label schema like a save does. Whatever cannot be
 * placed is reported with its position in the file, never dropped silently.
 */
import type { ImportFailure } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { spansFromW3C, w3cAnnotations } from '../../shared/formats/w3c/decode.js';
import type { AnnotationLayer, LayerStatus, Relation, Span } from '../../shared/model/annotations.js';
import { checkLayer, type LayerContext } from '../../shared/model/consistency.js';
import { CorpusDocument, CorpusExport, type CorpusLayer } from '../../shared/model/corpus.js';
import type { SourceDocument } from '../../shared/model/document.js';
import { isRecord, parseJsonText, validateWith } from '../../shared/model/parse.js';
import { insertSpan, newSpanId } from '../../shared/model/spans.js';
import { anchorSpans } from '../../shared/text/anchoring.js';
import { acceptCorpusLayer } from '../store/fast-accept.js';
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
  /** The layer's status in the file, given to a layer this import creates. */
  status?: LayerStatus;
}

/** What a file gave: layers to add, and the counts and notes its report needs. */
export interface Found {
  layers: FoundLayer[];
  failed: ImportFailure[];
  /** Records read (annotations, tasks, documents, lines: the format's unit). */
  records: number;
  /** Every span and relation read, and every annotation that could not be. */
  annotations: number;
  notes?: string[];
  documentsAdded?: { documentId: string; from: string }[];
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
export class LayerCollector {
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

  result(failed: ImportFailure[]): Pick<Found, 'layers' | 'failed'> {
    return { layers: [...this.layers.values()], failed };
  }
}

export function findInW3C(text: string, file: string, documents: readonly SourceDocument[], now: Date): Found {
  const collector = new LayerCollector();
  const failed: ImportFailure[] = [];
  const annotations = parseJsonOrLines(text, file);
  let count = 0;
  for (const result of spansFromW3C(annotations, documents, now)) {
    if (result.ok) {
      count++;
      collector.add(result.documentId, null, result.span, `annotation ${result.index + 1}`);
    } else {
      count += result.annotations;
      failed.push({ where: `annotation ${result.index + 1}`, reason: result.reason, count: result.annotations });
    }
  }
  return { ...collector.result(failed), records: annotations.length, annotations: count };
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
  const failed: ImportFailure[] = [];
  let annotations = 0;
  for (const doc of corpus) {
    const target = byId.get(doc.id);
    const name = doc.meta.title ? `“${doc.meta.title}”` : `document ${doc.id}`;
    for (const layer of doc.annotations) {
      annotations += layer.spans.length + layer.relations.length;
      if (!target) {
        failed.push({ where: `${name}, ${layer.annotator}'s layer`, reason: 'the document is not in the project', count: layer.spans.length + layer.relations.length });
        continue;
      }
      // Created even when empty: an annotator who found nothing to tag has a layer too,
      // which agreement counts.
      const found = collector.layer(target.id, layer.annotator);
      found.status = layer.status;
      const anchored = anchorSpans(target.text, layer.spans);
      for (const span of anchored.spans) {
        const where = `${name}, ${layer.annotator}'s span ${span.id}`;
        if (anchored.unplaced.includes(span.id)) failed.push({ where, reason: 'its quote is not in the document\'s text' });
        else collector.add(target.id, layer.annotator, span, where);
      }
      for (const relation of layer.relations) {
        found.relations.push(relation);
        found.origin.set(relation.id, `${name}, ${layer.annotator}'s relation ${relation.id}`);
      }
    }
  }
  return { ...collector.result(failed), records: corpus.length, annotations };
}

export interface MergeResult {
  /** Spans added per document id. */
  added: Record<string, number>;
  /** Relations added, in all. */
  relations: number;
  failed: ImportFailure[];
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
  let relations = 0;
  const entityIds = new Set((await store.readEntities()).entities.map((entity) => entity.id));
  // Checked before anything is written: a file is imported whole or refused.
  if (!importer && found.some((layer) => !layer.annotator && (layer.spans.length || layer.relations.length))) throw new FactmarkError('BAD_INPUT', 'These annotations do not say whose they are: say whose layers they go into (an annotator name)');
  for (const incoming of found) {
    const annotator = importer ?? incoming.annotator;
    if (!annotator) continue;
    const doc = await store.readDocument(incoming.documentId);
    // Added to the layer as it is on disk at the moment of writing (see updateLayer).
    await store.updateLayer(
      incoming.documentId,
      annotator,
      ({ layer, exists }) => {
        const merged = addFound(exists ? layer : { ...layer, status: incoming.status ?? layer.status }, incoming, { manifest: store.manifest, text: doc.text, sha256: doc.sha256, entityIds }, now);
        failed.push(...merged.failed);
        // Nothing added: no write, except the empty layer a corpus holds (it has a status).
        if (merged.added === 0 && merged.relations === 0 && (exists || incoming.status === undefined)) return null;
        added[incoming.documentId] = (added[incoming.documentId] ?? 0) + merged.added;
        relations += merged.relations;
        return merged.layer;
      },
      doc,
    );
  }
  return { added, relations, failed };
}

/**
 * Adds what a file gave for one document to a layer: spans whose ids are taken get new
 * ones (references and relations follow), and what the check finds wrong with what came
 * in is left out and reported (a wrong attribute value alone, or else the span or
 * relation); the layer's own earlier problems are not this import's to judge.
 */
function addFound(layer: AnnotationLayer, incoming: FoundLayer, context: LayerContext, now: Date): { layer: AnnotationLayer; added: number; relations: number; failed: MergeResult['failed'] } {
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
  // A relation whose span was left out has nothing to join: left out too, and said.
  const keptRelations = relations.filter((relation) => {
    if (wrong.has(relation.id)) return false;
    if (!wrong.has(relation.from) && !wrong.has(relation.to)) return true;
    failed.push({ where: originOf.get(relation.id) ?? relation.id, reason: 'one of its spans was left out' });
    return false;
  });
  return {
    layer: {
      ...layer,
      status: layer.status === 'not-started' && keptSpans.length ? 'in-progress' : layer.status,
      updatedAt: now.toISOString(),
      spans: keptSpans,
      relations: keptRelations,
    },
    added: keptSpans.length - layer.spans.length,
    relations: keptRelations.length - layer.relations.length,
    failed,
  };
}
