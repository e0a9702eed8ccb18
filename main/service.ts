/**
 * Implements shared/api.ts on top of the store: the one place that does work. Every
 * method validates its params with the api's zod schema, whoever calls it (IPC, HTTP,
 * CLI), and throws FactmarkErrors that the bindings pass on as ErrorInfo.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { z } from 'zod';
import {
  apiParams,
  type ApiMethod,
  type ApiParams,
  type ApiResults,
  type DocumentSummary,
  type FactmarkApi,
  type AnnotationImportOutcome,
  type ImportOutcome,
  type ImportPreview,
  type ProjectInfo,
  type ProjectStats,
  type Session,
} from '../shared/api.js';
import { FactmarkError, toErrorInfo } from '../shared/errors.js';
import { corpusHeader } from '../shared/formats/factmark-json.js';
import { EXPORT_FORMATS, type CorpusEncoder, type ExportFormatId } from '../shared/formats/registry.js';
import { fromDoccano, type ForeignDocument } from '../shared/formats/doccano.js';
import { fromLabelStudio, labelStudioTasks } from '../shared/formats/label-studio.js';
import { spansFromW3C, w3cAnnotations, type W3CImport } from '../shared/formats/w3c.js';
import { makeQuote } from '../shared/text/quote.js';
import { sha256Text } from './store/hash.js';
import { ANNOTATIONS_FORMAT, type AnnotationLayer, type LayerStatus, type Span } from '../shared/model/annotations.js';
import { insertSpan, newSpanId } from '../shared/model/spans.js';
import { checkLayer } from '../shared/model/consistency.js';
import { CorpusDocument, CorpusExport, type CorpusLayer } from '../shared/model/corpus.js';
import { DOCUMENT_FORMAT, type SourceDocument } from '../shared/model/document.js';
import { parseJsonText, validateWith } from '../shared/model/parse.js';
import { ProjectManifest } from '../shared/model/project.js';
import { findFurniture } from '../shared/text/furniture.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { anchorSpans, spanFitsText } from '../shared/text/anchoring.js';
import { readArticle, readArticleFile } from './importers/article-file.js';
import { Importer } from './importers/importer.js';
import { readTextFile } from './store/files.js';
import { ProjectStore } from './store/project-store.js';
import type { SettingsStore } from './settings.js';
import { validateProject } from './store/validate.js';
import { osAnnotatorName } from './user.js';

/** What an export wrote, and anything the person exporting should know. */
export interface ExportTotals {
  documents: number;
  spans: number;
  notes: string[];
}

export interface ServiceOptions {
  /** The clock, so tests can pin timestamps. */
  now?: () => Date;
  /** App settings (annotator, theme, recent projects); the CLI runs without. */
  settings?: SettingsStore;
}

type Params<M extends ApiMethod> = z.output<(typeof apiParams)[M]>;

export class FactmarkService implements FactmarkApi {
  private store: ProjectStore | null = null;
  private readonly now: () => Date;
  private readonly settings: SettingsStore | undefined;

  constructor(options: ServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.settings = options.settings;
  }

  /** Calls a method by name with untrusted params, as the IPC and HTTP bindings do. */
  async call<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResults[M]> {
    if (!Object.hasOwn(apiParams, method)) throw new FactmarkError('BAD_INPUT', `Unknown method "${String(method)}"`);
    const fn = this[method] as (params: unknown) => Promise<ApiResults[M]>;
    return fn.call(this, params);
  }

  /** The same call, with errors turned into a response object for a transport. */
  async respond<M extends ApiMethod>(method: M, params: unknown) {
    try {
      return { ok: true as const, result: await this.call(method, params) };
    } catch (error) {
      return { ok: false as const, error: toErrorInfo(error) };
    }
  }

  private params<M extends ApiMethod>(method: M, params: unknown): Params<M> {
    return validateWith(apiParams[method], params, method, `Invalid parameters for ${method}`) as Params<M>;
  }

  private requireStore(): ProjectStore {
    if (!this.store) throw new FactmarkError('NO_PROJECT', 'No project is open: create or open one first');
    return this.store;
  }

  // --- projects --------------------------------------------------------------------

  async createProject(raw: ApiParams<'createProject'>): Promise<ProjectInfo> {
    const params = this.params('createProject', raw);
    this.store = await ProjectStore.create(params.dir, { now: this.now(), ...(params.name ? { name: params.name } : {}) });
    await this.settings?.rememberProject(this.store.root);
    return this.projectInfo(this.store);
  }

  async openProject(raw: ApiParams<'openProject'>): Promise<ProjectInfo> {
    const params = this.params('openProject', raw);
    this.store = await ProjectStore.open(params.dir);
    await this.settings?.rememberProject(this.store.root);
    return this.projectInfo(this.store);
  }

  async getProject(raw: ApiParams<'getProject'> = {}): Promise<ProjectInfo | null> {
    this.params('getProject', raw);
    return this.store ? this.projectInfo(this.store) : null;
  }

  private async projectInfo(store: ProjectStore): Promise<ProjectInfo> {
    return {
      root: store.root,
      manifest: store.manifest,
      annotators: await store.listAnnotators(),
      documentCount: (await store.listDocumentIds()).length,
    };
  }

  // --- documents and layers --------------------------------------------------------

  async listDocuments(raw: ApiParams<'listDocuments'> = {}): Promise<DocumentSummary[]> {
    this.params('listDocuments', raw);
    const store = this.requireStore();
    const { annotators, layerIds } = await layerIndex(store);
    const summaries: DocumentSummary[] = [];
    for (const id of await store.listDocumentIds()) summaries.push(await this.summary(store, id, annotators, layerIds));
    return summaries;
  }

  private async summary(store: ProjectStore, id: string, annotators: string[], layerIds: Map<string, Set<string>>): Promise<DocumentSummary> {
    const doc = await store.readDocument(id);
    const layers = [];
    for (const annotator of annotators) {
      if (!layerIds.get(annotator)?.has(id)) continue;
      const layer = await store.readLayerFile(id, annotator);
      layers.push({ annotator, status: layer.status, spanCount: layer.spans.length });
    }
    return { id, meta: doc.meta, length: createOffsetIndex(doc.text).length, layers };
  }

  async updateDocumentMeta(raw: ApiParams<'updateDocumentMeta'>): Promise<DocumentSummary> {
    const params = this.params('updateDocumentMeta', raw);
    const store = this.requireStore();
    const current = await store.readDocument(params.documentId);
    const { notes, ...rest } = params.meta;
    await store.writeDocumentMeta(params.documentId, { ...rest, ...(notes ? { notes } : {}), source: current.meta.source });
    const { annotators, layerIds } = await layerIndex(store);
    return this.summary(store, params.documentId, annotators, layerIds);
  }

  async updateLabelSchema(raw: ApiParams<'updateLabelSchema'>): Promise<ProjectInfo> {
    const params = this.params('updateLabelSchema', raw);
    const store = this.requireStore();
    const renames = new Map(Object.entries(params.renames).filter(([from, to]) => from !== to));
    const rename = (id: string) => renames.get(id) ?? id;
    const kept = new Set(params.labels.map((label) => label.id));
    for (const [from, to] of renames) {
      if (!store.manifest.labels.some((label) => label.id === from)) throw new FactmarkError('BAD_INPUT', `There is no label "${from}" to rename`);
      if (!kept.has(to)) throw new FactmarkError('BAD_INPUT', `Label "${from}" is renamed to "${to}", which is not in the new schema`);
    }
    // Relation types follow renames and forget removed labels (a type left with no label
    // at one end goes).
    const relationTypes = (params.relationTypes ?? store.manifest.relationTypes)
      .map((type) => ({ ...type, from: type.from.map(rename).filter((id) => kept.has(id)), to: type.to.map(rename).filter((id) => kept.has(id)) }))
      .filter((type) => type.from.length > 0 && type.to.length > 0);
    // References to spans of a renamed label ("span:entity") follow the rename too.
    const labels = params.labels.map((label) => ({
      ...label,
      attributes: label.attributes.map((attribute) =>
        attribute.type === 'ref' ? { ...attribute, to: attribute.to.map((target) => (target.startsWith('span:') ? `span:${rename(target.slice('span:'.length))}` : target)) } : attribute,
      ),
    }));

    // Read every layer first: nothing is written unless every file can be updated.
    const { annotators, layerIds } = await layerIndex(store);
    const layers: AnnotationLayer[] = [];
    const inUse = new Map<string, number>();
    for (const annotator of annotators) {
      for (const id of layerIds.get(annotator) ?? []) {
        const layer = await store.readLayerFile(id, annotator);
        for (const span of layer.spans) {
          const label = rename(span.label);
          if (!kept.has(label)) inUse.set(span.label, (inUse.get(span.label) ?? 0) + 1);
        }
        if (layer.spans.some((span) => renames.has(span.label))) layers.push(layer);
      }
    }
    if (inUse.size) {
      const counts = [...inUse].map(([label, count]) => `"${label}" is used by ${count} span${count === 1 ? '' : 's'}`).join('; ');
      throw new FactmarkError('BAD_INPUT', `Cannot remove labels still in use: ${counts}. Delete or relabel those spans first.`);
    }
    const manifest = validateWith(ProjectManifest, { ...store.manifest, labels, relationTypes }, 'factmark.json', 'The new label schema is not valid');
    for (const layer of layers) {
      await store.writeLayer({ ...layer, spans: layer.spans.map((span) => (renames.has(span.label) ? { ...span, label: rename(span.label) } : span)) });
    }
    await store.writeManifest(manifest);
    return this.projectInfo(store);
  }

  async removeDocument(raw: ApiParams<'removeDocument'>): Promise<{ removed: string }> {
    const params = this.params('removeDocument', raw);
    await this.requireStore().removeDocument(params.documentId);
    return { removed: params.documentId };
  }

  async searchDocuments(raw: ApiParams<'searchDocuments'>): Promise<string[]> {
    const params = this.params('searchDocuments', raw);
    const store = this.requireStore();
    const words = params.query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return store.listDocumentIds();
    const found: string[] = [];
    for (const id of await store.listDocumentIds()) {
      const doc = await store.readDocument(id);
      const haystack = [doc.meta.title, doc.meta.outlet, doc.meta.author, doc.meta.notes, doc.text].filter(Boolean).join('\n').toLowerCase();
      if (words.every((word) => haystack.includes(word))) found.push(id);
    }
    return found;
  }

  async getDocument(raw: ApiParams<'getDocument'>) {
    const params = this.params('getDocument', raw);
    const store = this.requireStore();
    const document = await store.readDocument(params.documentId);
    const loaded = await store.readLayer(params.documentId, params.annotator, document);
    return { document, ...loaded };
  }

  /**
   * Saves an annotator's layer. Spans must slice the text to their quotes, except the
   * ones already on disk that could not be re-anchored (kept as they were, never lost).
   * Nothing is written when the spans, relations and status are those on disk.
   */
  async saveLayer(raw: ApiParams<'saveLayer'>) {
    const params = this.params('saveLayer', raw);
    const store = this.requireStore();
    const document = await store.readDocument(params.documentId);
    const previous = await store.readLayer(params.documentId, params.annotator, document);
    const index = createOffsetIndex(document.text);
    const keptAsTheyWere = new Set(previous.unplaced.map((id) => JSON.stringify(previous.layer.spans.find((span) => span.id === id))));
    for (const span of params.spans) {
      if (!spanFitsText(index, span) && !keptAsTheyWere.has(JSON.stringify(span))) {
        throw new FactmarkError('BAD_INPUT', `Span ${span.id}: offsets ${span.start}-${span.end} do not slice the text to its quote; not saved`, { spanId: span.id });
      }
    }
    const status = params.status ?? (previous.layer.status === 'not-started' && params.spans.length > 0 ? 'in-progress' : previous.layer.status);
    // Cheap tests first: a new or removed span changes the counts, no need to compare all.
    const unchanged =
      previous.exists &&
      status === previous.layer.status &&
      params.spans.length === previous.layer.spans.length &&
      params.relations.length === previous.layer.relations.length &&
      JSON.stringify([params.spans, params.relations]) === JSON.stringify([previous.layer.spans, previous.layer.relations]);
    if (unchanged) return { written: false, updatedAt: previous.layer.updatedAt };

    const layer: AnnotationLayer = {
      format: ANNOTATIONS_FORMAT,
      version: 1,
      document: document.id,
      documentSha256: document.sha256,
      annotator: params.annotator,
      status,
      updatedAt: this.now().toISOString(),
      spans: params.spans,
      relations: params.relations,
    };
    const entityIds = new Set((await store.readEntities()).entities.map((entity) => entity.id));
    const errors = checkLayer({ manifest: store.manifest, text: document.text, sha256: document.sha256, entityIds, index }, layer).filter(
      (problem) => problem.severity === 'error' && !(problem.spanId && previous.unplaced.includes(problem.spanId)),
    );
    const first = errors[0];
    if (first) {
      throw new FactmarkError('BAD_INPUT', `${first.spanId ? `Span ${first.spanId}` : `Relation ${first.relationId ?? ''}`}: ${first.message}; not saved`, {
        ...(first.spanId ? { spanId: first.spanId } : {}),
      });
    }
    const written = await store.writeLayer(layer);
    return { written, updatedAt: layer.updatedAt };
  }

  // --- import ------------------------------------------------------------------------

  /** Imports each file on its own: one bad file does not stop the others. */
  async importFiles(raw: ApiParams<'importFiles'>): Promise<ImportOutcome[]> {
    const params = this.params('importFiles', raw);
    const store = this.requireStore();
    const importer = new Importer(store, params.meta, params.importedBy, this.now);
    const outcomes: ImportOutcome[] = [];
    for (const file of params.paths) outcomes.push(await importer.add(file, () => readArticleFile(file), params.trimFurniture ? 'furniture' : []));
    return outcomes;
  }

  /** The same for files the UI holds in memory (dropped on the window, pasted). */
  async importTexts(raw: ApiParams<'importTexts'>): Promise<ImportOutcome[]> {
    const params = this.params('importTexts', raw);
    const store = this.requireStore();
    const importer = new Importer(store, params.meta, params.importedBy, this.now);
    const outcomes: ImportOutcome[] = [];
    for (const file of params.files) outcomes.push(await importer.add(file.name, async () => readArticle(Buffer.from(file.data, 'base64'), file.name), file.removeLines));
    return outcomes;
  }

  /**
   * Annotations made elsewhere, added to one annotator's layers. Each span lands where
   * its quote is in the text; the ones that cannot be placed are listed with their
   * position in the file, never dropped silently.
   */
  async importAnnotations(raw: ApiParams<'importAnnotations'>): Promise<AnnotationImportOutcome[]> {
    const params = this.params('importAnnotations', raw);
    const store = this.requireStore();
    let documents = await Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
    const labels = store.manifest.labels.map((label) => label.id);
    const outcomes: AnnotationImportOutcome[] = [];
    for (const file of params.paths) {
      const name = path.basename(file);
      try {
        const text = await readTextFile(file);
        let results: W3CImport[];
        if (params.format === 'factmark-json' || params.format === 'factmark-jsonl') {
          // A Factmark corpus carries its documents: the ones the project lacks are added.
          const whole = params.format === 'factmark-json' ? validateWith(CorpusExport, parseJsonText(text, name), name) : null;
          const corpus = whole ? whole.documents : parseJsonOrLines(text, name).map((line, i) => validateWith(CorpusDocument, line, `${name} line ${i + 1}`));
          if (whole) await store.addEntities(whole.entities);
          for (const doc of corpus) {
            if (documents.some((known) => known.id === doc.id)) continue;
            const { annotations: _a, ...fields } = doc;
            await store.addDocument({ format: DOCUMENT_FORMAT, version: 1, ...fields });
          }
          documents = await Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
          results = spansFromCorpus(corpus, documents, labels);
        } else {
          results = params.format === 'w3c' ? spansFromW3C(parseJsonOrLines(text, name), documents, labels, this.now()) : spansFromTool(params.format, text, name, documents, labels, this.now());
        }
        const byDocument = new Map<string, Span[]>();
        for (const result of results) if (result.ok) byDocument.set(result.documentId, [...(byDocument.get(result.documentId) ?? []), result.span]);
        const added: Record<string, number> = {};
        for (const [documentId, spans] of byDocument) {
          const { layer } = await store.readLayer(documentId, params.annotator);
          let merged = layer.spans;
          for (const span of spans) {
            const id = merged.some((existing) => existing.id === span.id) ? newSpanId(merged, () => Math.random().toString(36).slice(2, 10)) : span.id;
            merged = insertSpan(merged, { ...span, id });
          }
          await store.writeLayer({ ...layer, status: layer.status === 'not-started' ? 'in-progress' : layer.status, updatedAt: this.now().toISOString(), spans: merged });
          added[documentId] = spans.length;
        }
        outcomes.push({ file, added, failed: results.flatMap((result) => (result.ok ? [] : [{ index: result.index, reason: result.reason }])) });
      } catch (error) {
        outcomes.push({ file, added: {}, failed: [], error: toErrorInfo(error) });
      }
    }
    return outcomes;
  }

  /** Reads files as an import would, and lists the page furniture found in each. */
  async previewImport(raw: ApiParams<'previewImport'>): Promise<ImportPreview[]> {
    const params = this.params('previewImport', raw);
    return params.files.map((file) => {
      try {
        return { file: file.name, furniture: findFurniture(readArticle(Buffer.from(file.data, 'base64'), file.name).text) };
      } catch (error) {
        return { file: file.name, error: toErrorInfo(error) };
      }
    });
  }

  // --- export ------------------------------------------------------------------------

  /** An export, piece by piece: one document in memory at a time. */
  async *exportChunks(options: { format?: ExportFormatId; documentIds?: readonly string[] | undefined; annotators?: readonly string[] | undefined } = {}): AsyncGenerator<string, ExportTotals> {
    const store = this.requireStore();
    const encoder: CorpusEncoder = EXPORT_FORMATS[options.format ?? 'factmark-json'].encoder();
    const { format: _f, version: _v, ...project } = store.manifest;
    const entities = (await store.readEntities()).entities;
    yield encoder.head(corpusHeader({ exportedAt: this.now().toISOString(), project, entities }));
    const { annotators, layerIds } = await layerIndex(store);
    const wanted = options.annotators ? annotators.filter((name) => options.annotators?.includes(name)) : annotators;
    let documents = 0;
    let spans = 0;
    const ids = await store.listDocumentIds();
    for (const id of options.documentIds ?? ids) {
      if (!ids.includes(id)) throw new FactmarkError('NOT_FOUND', `No document ${id} in this project`);
      const { format: _df, version: _dv, ...doc } = await store.readDocument(id);
      const annotations: CorpusLayer[] = [];
      for (const annotator of wanted) {
        if (!layerIds.get(annotator)?.has(id)) continue;
        const { layer } = await store.readLayer(id, annotator, { format: DOCUMENT_FORMAT, version: 1, ...doc });
        const { format: _lf, version: _lv, document: _ld, ...body } = layer;
        annotations.push(body);
        spans += body.spans.length;
      }
      const corpusDocument: CorpusDocument = { ...doc, annotations };
      const piece = encoder.document(corpusDocument);
      if (piece) yield piece;
      documents++;
    }
    yield encoder.tail();
    return { documents, spans, notes: encoder.notes?.() ?? [] };
  }

  async exportCorpus(raw: ApiParams<'exportCorpus'>) {
    const params = this.params('exportCorpus', raw);
    this.requireStore();
    if (!params.path) throw new FactmarkError('BAD_INPUT', 'Choose where to save the export');
    const target = path.resolve(params.path);
    const temporary = `${target}.partial`;
    const out = createWriteStream(temporary);
    let bytes = 0;
    const chunks = this.exportChunks({ format: params.format, documentIds: params.documentIds, annotators: params.annotators });
    let totals: ExportTotals = { documents: 0, spans: 0, notes: [] };
    try {
      for (;;) {
        const next = await chunks.next();
        if (next.done) {
          totals = next.value;
          break;
        }
        bytes += Buffer.byteLength(next.value);
        if (!out.write(next.value)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      await rename(temporary, target);
    } catch (error) {
      out.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
    return { path: target, bytes, ...totals };
  }

  // --- reports -----------------------------------------------------------------------

  async getStats(raw: ApiParams<'getStats'> = {}): Promise<ProjectStats> {
    this.params('getStats', raw);
    const store = this.requireStore();
    const ids = await store.listDocumentIds();
    let characters = 0;
    for (const id of ids) characters += createOffsetIndex((await store.readDocument(id)).text).length;
    const spans: ProjectStats['spans'] = {};
    for (const label of store.manifest.labels) spans[label.id] = {};
    const layerStatus: ProjectStats['layerStatus'] = {};
    const annotators = await store.listAnnotators();
    for (const annotator of annotators) {
      const statuses: Record<LayerStatus, number> = { 'not-started': 0, 'in-progress': 0, done: 0 };
      for (const id of await store.listLayerIds(annotator)) {
        const layer = await store.readLayerFile(id, annotator);
        statuses[layer.status]++;
        for (const span of layer.spans) {
          const byAnnotator = (spans[span.label] ??= {});
          byAnnotator[annotator] = (byAnnotator[annotator] ?? 0) + 1;
        }
      }
      layerStatus[annotator] = statuses;
    }
    return { documents: ids.length, characters, annotators, spans, layerStatus };
  }

  // --- session -------------------------------------------------------------------------

  async getSession(raw: ApiParams<'getSession'> = {}): Promise<Session> {
    this.params('getSession', raw);
    return this.session();
  }

  async updateSession(raw: ApiParams<'updateSession'>): Promise<Session> {
    const params = this.params('updateSession', raw);
    if (!this.settings) throw new FactmarkError('BAD_INPUT', 'This Factmark has no app settings to change');
    await this.settings.update({ ...(params.annotator ? { annotator: params.annotator } : {}), ...(params.theme ? { theme: params.theme } : {}) });
    return this.session();
  }

  private session(): Session {
    const value = this.settings?.value;
    return { annotator: value?.annotator ?? null, suggestedAnnotator: osAnnotatorName(), theme: value?.theme ?? 'system', recentProjects: value?.recentProjects ?? [] };
  }

  async validateProject(raw: ApiParams<'validateProject'> = {}) {
    this.params('validateProject', raw);
    return validateProject(this.requireStore().root);
  }
}

/** Which annotators have a layer on which documents: one folder listing each. */
async function layerIndex(store: ProjectStore): Promise<{ annotators: string[]; layerIds: Map<string, Set<string>> }> {
  const annotators = await store.listAnnotators();
  const layerIds = new Map(await Promise.all(annotators.map(async (name) => [name, new Set(await store.listLayerIds(name))] as const)));
  return { annotators, layerIds };
}

/** A JSON document, or JSON Lines (one value per line); errors name the line. */
function parseJsonOrLines(text: string, file: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/}\s*\n\s*{/.test(trimmed))) return w3cAnnotations(parseJsonText(text, file));
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => parseJsonText(line, `${file} line ${number}`));
}

/**
 * doccano and Label Studio records carry their text: each is matched to the project's
 * document with exactly that text (import the article first), and its spans become
 * ordinary spans there.
 */
function spansFromTool(format: 'doccano' | 'label-studio', text: string, file: string, documents: readonly SourceDocument[], labels: readonly string[], now: Date): W3CImport[] {
  const records = format === 'doccano' ? parseJsonOrLines(text, file) : labelStudioTasks(parseJsonText(text, file));
  const bySha = new Map(documents.map((doc) => [doc.sha256, doc] as const));
  const results: W3CImport[] = [];
  let index = 0;
  records.forEach((record, recordIndex) => {
    let foreign: ForeignDocument;
    try {
      foreign = format === 'doccano' ? fromDoccano(record) : fromLabelStudio(record);
    } catch (error) {
      results.push({ ok: false, index: index++, reason: `record ${recordIndex + 1}: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const doc = bySha.get(sha256Text(foreign.text));
    const offsets = doc ? createOffsetIndex(doc.text) : null;
    for (const span of foreign.spans) {
      const at = index++;
      if (!doc || !offsets) results.push({ ok: false, index: at, reason: `record ${recordIndex + 1}: its text is not a document of this project (import the article first)` });
      else if (!labels.includes(span.label)) results.push({ ok: false, index: at, reason: `record ${recordIndex + 1}: label "${span.label}" is not in the project's schema` });
      else {
        const stamp = now.toISOString();
        results.push({ ok: true, documentId: doc.id, span: { id: `s_${format.replace('-', '')}_${at + 1}`, label: span.label, start: span.start, end: span.end, quote: makeQuote(offsets, span.start, span.end), attributes: {}, createdAt: stamp, updatedAt: stamp } });
      }
    }
  });
  return results;
}

/** The spans of a Factmark corpus's layers, checked against the project's documents. */
function spansFromCorpus(corpus: readonly CorpusDocument[], documents: readonly SourceDocument[], labels: readonly string[]): W3CImport[] {
  const byId = new Map(documents.map((doc) => [doc.id, doc] as const));
  const results: W3CImport[] = [];
  let index = 0;
  for (const doc of corpus) {
    const target = byId.get(doc.id);
    for (const layer of doc.annotations) {
      const anchored = target ? anchorSpans(target.text, layer.spans) : null;
      for (const span of anchored?.spans ?? layer.spans) {
        const at = index++;
        if (!target) results.push({ ok: false, index: at, reason: `document ${doc.id} is not in the project` });
        else if (anchored?.unplaced.includes(span.id)) results.push({ ok: false, index: at, reason: `span ${span.id}: its quote is not in document ${doc.id}` });
        else if (!labels.includes(span.label)) results.push({ ok: false, index: at, reason: `span ${span.id}: label "${span.label}" is not in the project's schema` });
        else results.push({ ok: true, documentId: target.id, span });
      }
    }
  }
  return results;
}
