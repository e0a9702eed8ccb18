/**
 * Suggestions, computed here, off the app's UI thread: dates, entities and claims in a
 * document, the other occurrences of a span's words (in its document and across the
 * project), and suggestions written into a layer as ordinary spans.
 */
import type { AnnotationImportOutcome, ApiResults } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import type { SourceDocument } from '../../shared/model/document.js';
import { occurrenceSuggestions } from '../../shared/suggest/occurrences.js';
import { suggestAll } from '../../shared/suggest/suggest.js';
import type { Suggestion } from '../../shared/suggest/suggestion.js';
import { suggestionsToSpans } from '../../shared/suggest/to-spans.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { mergeFoundLayers } from '../importers/annotation-import.js';
import { documentName, type ServiceContext } from './context.js';

export interface SuggestRequest {
  documentId: string;
  labels?: ('date' | 'entity' | 'claim')[] | undefined;
  annotator?: string | undefined;
  occurrencesOf?: string | undefined;
}

/** With an annotator, what is in their layer or turned down by them is left out. */
export async function suggest({ store }: ServiceContext, request: SuggestRequest): Promise<Suggestion[]> {
  const document = await store.readDocument(request.documentId);
  const layer = request.annotator ? (await store.readLayer(request.documentId, request.annotator, document)).layer : null;
  if (request.occurrencesOf) {
    const span = layer?.spans.find((candidate) => candidate.id === request.occurrencesOf);
    if (!layer || !span) throw new FactmarkError('NOT_FOUND', `No span ${request.occurrencesOf} in ${request.annotator ?? 'the'} layer of ${documentName(document)}`);
    return occurrenceSuggestions(document.text, span, (await store.readEntities()).entities, layer.spans);
  }
  return suggestAll(document.text, {
    ...(request.labels ? { labels: request.labels } : {}),
    published: document.meta.published,
    schema: store.manifest.labels,
    registry: (await store.readEntities()).entities,
    spans: layer?.spans ?? [],
    rejected: layer?.rejectedSuggestions ?? [],
  });
}

/**
 * Writes suggestions into an annotator's layer as ordinary spans (`suggest --apply`,
 * tagging occurrences), checked like any import: what does not fit the schema is left
 * out and said.
 */
export async function applySuggestions({ store, now }: ServiceContext, { documentId, annotator }: { documentId: string; annotator: string }, suggestions: readonly Suggestion[]): Promise<{ added: number; failed: AnnotationImportOutcome['failed'] }> {
  const document = await store.readDocument(documentId);
  const { layer } = await store.readLayer(documentId, annotator, document);
  let counter = 0;
  const newId = (taken: ReadonlySet<string>) => {
    let id = '';
    do id = `s_suggested_${++counter}`;
    while (taken.has(id));
    return id;
  };
  const spans = suggestionsToSpans(createOffsetIndex(document.text), suggestions, layer.spans, newId, now(), suggestions);
  const origin = new Map(spans.map((span) => [span.id, `${span.label} ${span.start}-${span.end} "${span.quote.exact}"`]));
  const merged = await mergeFoundLayers(store, [{ documentId, annotator: null, spans, relations: [], origin }], annotator, now());
  return { added: merged.added[documentId] ?? 0, failed: merged.failed };
}

interface SpanRef {
  documentId: string;
  annotator: string;
  spanId: string;
}

/**
 * Untagged mentions, in each of `documentIds`, of a span's words (and its canonical
 * entity's other names): "Tag all occurrences" beyond the span's own document.
 */
async function* occurrencesIn({ store }: ServiceContext, documentIds: readonly string[], from: SpanRef): AsyncGenerator<{ doc: SourceDocument; mentions: Suggestion[] }> {
  const source = await store.readDocument(from.documentId);
  const span = (await store.readLayer(from.documentId, from.annotator, source)).layer.spans.find((candidate) => candidate.id === from.spanId);
  if (!span) throw new FactmarkError('NOT_FOUND', `No span ${from.spanId} in ${from.annotator}'s layer of ${documentName(source)}`);
  const registry = (await store.readEntities()).entities;
  for (const id of documentIds) {
    const doc = await store.readDocument(id);
    const { layer } = await store.readLayer(id, from.annotator, doc);
    yield { doc, mentions: occurrenceSuggestions(doc.text, span, registry, layer.spans) };
  }
}

/** For each other document: how many untagged mentions it has, and an example. */
export async function findOccurrences(context: ServiceContext, from: SpanRef): Promise<ApiResults['findOccurrences']> {
  const others = (await context.store.listDocumentIds()).filter((id) => id !== from.documentId);
  const found: ApiResults['findOccurrences'] = [];
  for await (const { doc, mentions } of occurrencesIn(context, others, from)) {
    const first = mentions[0];
    if (!first) continue;
    const index = createOffsetIndex(doc.text);
    found.push({ documentId: doc.id, title: doc.meta.title, mentions: mentions.length, example: `…${index.slice(Math.max(0, first.start - 40), Math.min(index.length, first.end + 40))}…` });
  }
  return found;
}

/** Tags those mentions in the chosen documents (the analyst's accept of the list above). */
export async function tagOccurrences(context: ServiceContext, from: SpanRef & { documentIds: readonly string[] }): Promise<ApiResults['tagOccurrences']> {
  const added: Record<string, number> = {};
  const failed: ApiResults['tagOccurrences']['failed'] = [];
  for await (const { doc, mentions } of occurrencesIn(context, from.documentIds, from)) {
    const result = await applySuggestions(context, { documentId: doc.id, annotator: from.annotator }, mentions);
    added[doc.id] = result.added;
    failed.push(...result.failed.map((failure) => ({ ...failure, where: `${documentName(doc)}: ${failure.where}` })));
  }
  return { added, failed };
}
