/**
 * Implements shared/api.ts on top of the store: the one place that does work. Every
 * method validates its params with the api's zod schema, whoever calls it (IPC, HTTP,
 * CLI), and throws FactmarkErrors that the bindings pass on as ErrorInfo.
 */
import path from 'node:path';
import { z } from 'zod';
import {
  apiParams,
  ImportMeta,
  type ApiMethod,
  type ApiParams,
  type ApiResults,
  type DocumentSummary,
  type DocumentView,
  type ExportProgress,
  type ExportResult,
  type FactmarkApi,
  type AnnotationImportOutcome,
  type ImportOutcome,
  type ImportPreview,
  type LayerView,
  type ProjectInfo,
  type ProjectStats,
  type SaveResult,
  type Session,
  type SheetMatch,
  type Stamps,
} from '../shared/api.js';
import { agreementReport, type AgreementReport } from '../shared/review/agreement.js';
import { occurrenceSuggestions } from '../shared/suggest/occurrences.js';
import { suggestAll } from '../shared/suggest/suggest.js';
import type { Suggestion } from '../shared/suggest/suggestion.js';
import { suggestionsToSpans } from '../shared/suggest/to-spans.js';
import { FactmarkError, toErrorInfo } from '../shared/errors.js';
import { corpusHeader } from '../shared/formats/factmark-json.js';
import { EXPORT_FORMATS, IMPORT_FORMAT_IDS, type CorpusEncoder, type ExportFormatId, type ImportFormatId } from '../shared/formats/registry.js';
import { ANNOTATIONS_FORMAT, type AnnotationLayer, type LayerStatus, type Span } from '../shared/model/annotations.js';
import { AnnotatorName } from '../shared/model/common.js';
import { checkLayer } from '../shared/model/consistency.js';
import type { CorpusDocument, CorpusLayer } from '../shared/model/corpus.js';
import { DOCUMENT_FORMAT, type SourceDocument } from '../shared/model/document.js';
import { validateWith } from '../shared/model/parse.js';
import { ProjectManifest } from '../shared/model/project.js';
import type { CanonicalEntity } from '../shared/model/entities.js';
import { spanFitsText } from '../shared/text/anchoring.js';
import { createOffsetIndex, type OffsetIndex } from '../shared/text/offsets.js';
import { furnitureOf, readAnyArticle, readArticleFile } from './importers/article-file.js';
import { matchSheet, readMetadataSheet, readMetadataSheetFile } from './importers/metadata-sheet.js';
import { readWebAddress } from './importers/web-page.js';
import { findInCorpus, findInToolRecords, findInW3C, mergeFoundLayers, readCorpus, type Found } from './importers/annotation-import.js';
import { expandArchives, readSourcePaths, type SourceFile } from './importers/annotation-sources.js';
import { importBrat } from './importers/brat-import.js';
import { decodeText } from './importers/decode.js';
import { Importer } from './importers/importer.js';
import { writeExportFile } from './store/export-target.js';
import { ProjectStore, layerConflict, type LoadedLayer } from './store/project-store.js';
import type { SettingsStore } from './settings.js';
import { validateProject } from './store/validate.js';
import { osAnnotatorName } from './user.js';

export interface ExportOptions {
  format?: ExportFormatId;
  documentIds?: readonly string[] | undefined;
  annotators?: readonly string[] | undefined;
  /** Called after each document: how many are written, of how many. */
  onProgress?: (done: number, total: number) => void;
}

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

/*
 * Host-only operations take paths, which come from the command line or from a native
 * dialog the main process showed, never from the renderer: these schemas are not in
 * apiParams, so neither IPC nor HTTP (nor `call`) can reach them.
 */
const HostPaths = z.array(z.string().min(1)).min(1);
const ImportFilesOptions = z.strictObject({
  meta: ImportMeta.default({}),
  importedBy: AnnotatorName.nullable().default(null),
  /** Remove every line found as page furniture (each is reported in the outcome). */
  trimFurniture: z.boolean().default(false),
  /** Metadata of some files (a metadata sheet's rows, see metadataSheetAt), by the path as given; it wins over `meta`. */
  fileMeta: z.record(z.string(), ImportMeta).default({}),
});
export type ImportFilesOptions = z.input<typeof ImportFilesOptions>;
const ImportAnnotationsOptions = z
  .strictObject({ format: z.enum(IMPORT_FORMAT_IDS), annotator: AnnotatorName.optional() })
  .refine((options) => options.annotator !== undefined || options.format.startsWith('factmark'), { path: ['annotator'], message: 'say whose layers the annotations go into' });
export type ImportAnnotationsOptions = z.input<typeof ImportAnnotationsOptions>;

export class FactmarkService implements FactmarkApi {
  private store: ProjectStore | null = null;
  /** The latest export's progress (see getExportProgress). */
  private exportProgress: ExportProgress | null = null;
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
    return checkedParams(apiParams[method], params, method) as Params<M>;
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
    // Leftovers are aged by the real clock, as file times are; not by this.now (tests pin it).
    await this.store.tidy();
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

  /** The project's document ids (for the CLI): the folder listing alone, no file read. */
  async documentIds(): Promise<string[]> {
    return this.requireStore().listDocumentIds();
  }

  async listDocuments(raw: ApiParams<'listDocuments'> = {}): Promise<DocumentSummary[]> {
    this.params('listDocuments', raw);
    const store = this.requireStore();
    const { annotators, layerIds } = await layerIndex(store);
    const summaries: DocumentSummary[] = [];
    for (const id of await store.listDocumentIds()) summaries.push(await this.summary(store, id, annotators, layerIds));
    return summaries;
  }

  private async summary(store: ProjectStore, id: string, annotators: string[], layerIds: Map<string, Set<string>>): Promise<DocumentSummary> {
    const { meta, length } = await store.documentSummary(id);
    const layers = [];
    for (const annotator of annotators) {
      if (!layerIds.get(annotator)?.has(id)) continue;
      layers.push({ annotator, ...(await store.layerSummary(id, annotator)) });
    }
    return { id, meta, length, layers };
  }

  async updateDocumentMeta(raw: ApiParams<'updateDocumentMeta'>): Promise<DocumentSummary> {
    const params = this.params('updateDocumentMeta', raw);
    const store = this.requireStore();
    const current = await store.readDocument(params.documentId);
    const { notes, ...rest } = params.meta;
    // Saved by the analyst: what was guessed (meta.guessed) is confirmed now, and goes.
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
    // Each layer is renamed as it is on disk at the moment of writing: a save made since
    // it was read above is renamed too, not replaced.
    for (const layer of layers) {
      await store.updateLayer(layer.document, layer.annotator, ({ layer: current, exists }) =>
        exists && current.spans.some((span) => renames.has(span.label))
          ? { ...current, spans: current.spans.map((span) => (renames.has(span.label) ? { ...span, label: rename(span.label) } : span)) }
          : null,
      );
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

  async getDocument(raw: ApiParams<'getDocument'>): Promise<DocumentView> {
    const params = this.params('getDocument', raw);
    const document = await this.requireStore().readDocument(params.documentId);
    return { document, ...(await this.layerView(document, params.annotator)) };
  }

  async getLayer(raw: ApiParams<'getLayer'>): Promise<LayerView> {
    const params = this.params('getLayer', raw);
    // The text is read here too (spans are re-anchored against it) but not sent back.
    return this.layerView(await this.requireStore().readDocument(params.documentId), params.annotator);
  }

  private async layerView(document: SourceDocument, annotator: string): Promise<LayerView> {
    const store = this.requireStore();
    const { version, ...loaded } = await store.readLayer(document.id, annotator, document);
    return { ...loaded, stamp: version };
  }

  /**
   * Saves an annotator's layer, if the file on disk is still the version the save was
   * based on (CONFLICT otherwise: the caller reads it again and merges). Spans must slice
   * the text to their quotes, except the ones already on disk that could not be
   * re-anchored (kept as they were, never lost). Nothing is written when the spans,
   * relations and status are those on disk.
   */
  async saveLayer(raw: ApiParams<'saveLayer'>): Promise<SaveResult> {
    const params = this.params('saveLayer', raw);
    const store = this.requireStore();
    const document = await store.readDocument(params.documentId);
    const index = createOffsetIndex(document.text);
    const entityIds = new Set((await store.readEntities()).entities.map((entity) => entity.id));
    let updatedAt = '';
    const result = await store.updateLayer(
      params.documentId,
      params.annotator,
      (previous) => {
        if (previous.version !== params.baseStamp) throw layerConflict(`${params.annotator}'s layer of ${documentName(document)}`, params.baseStamp, previous.version);
        const layer = nextLayer(params, previous, document, this.now());
        updatedAt = layer?.updatedAt ?? previous.layer.updatedAt;
        if (!layer) return null;
        checkSaved(layer, previous, { manifest: store.manifest, text: document.text, sha256: document.sha256, entityIds, index });
        return layer;
      },
      document,
    );
    return { written: result.written, updatedAt, stamp: result.version };
  }

  // --- import ------------------------------------------------------------------------

  /**
   * Host only: imports the articles at `paths`, each on its own (one bad file does not
   * stop the others). The paths come from the command line or the desktop's Open dialog,
   * never from the renderer, which sends bytes (importTexts); not reachable through
   * call/respond.
   */
  async importFilesAt(paths: readonly string[], options: ImportFilesOptions = {}): Promise<ImportOutcome[]> {
    const files = checkedParams(HostPaths, paths, 'importFilesAt');
    const params = checkedParams(ImportFilesOptions, options, 'importFilesAt');
    const store = this.requireStore();
    const importer = new Importer(store, params.meta, params.importedBy, this.now);
    const outcomes: ImportOutcome[] = [];
    for (const file of files) outcomes.push(...(await importer.addWithAttachments(file, () => readArticleFile(file), params.trimFurniture ? 'furniture' : [], { meta: params.fileMeta[file] ?? {} })));
    return outcomes;
  }

  /**
   * Host only: the metadata sheet at `file` (the CLI's --metadata), matched to the files
   * and addresses about to be imported; its notes say what did not match.
   */
  async metadataSheetAt(file: string, files: readonly string[]): Promise<SheetMatch> {
    return matchSheet(await readMetadataSheetFile(checkedParams(z.string().min(1), file, 'metadataSheetAt')), files);
  }

  async readMetadataSheet(raw: ApiParams<'readMetadataSheet'>): Promise<SheetMatch> {
    const params = this.params('readMetadataSheet', raw);
    return matchSheet(readMetadataSheet(Buffer.from(params.sheet.data, 'base64'), params.sheet.name), params.files);
  }

  /** Articles at web addresses, fetched here; each address on its own, as files are. */
  async importUrls(raw: ApiParams<'importUrls'>): Promise<ImportOutcome[]> {
    const params = this.params('importUrls', raw);
    const importer = new Importer(this.requireStore(), params.meta, params.importedBy, this.now);
    const outcomes: ImportOutcome[] = [];
    for (const url of params.urls) outcomes.push(...(await importer.addWithAttachments(url, () => readWebAddress(url, { now: this.now }), params.trimFurniture ? 'furniture' : [], { meta: params.urlMeta[url] ?? {} })));
    return outcomes;
  }

  /** The same for files the UI holds in memory (dropped on the window, pasted). */
  async importTexts(raw: ApiParams<'importTexts'>): Promise<ImportOutcome[]> {
    const params = this.params('importTexts', raw);
    const store = this.requireStore();
    const importer = new Importer(store, params.meta, params.importedBy, this.now);
    const outcomes: ImportOutcome[] = [];
    for (const file of params.files) outcomes.push(...(await importer.addWithAttachments(file.name, () => readAnyArticle(Buffer.from(file.data, 'base64'), file.name), file.removeLines, { meta: file.meta ?? {} })));
    return outcomes;
  }

  /**
   * Annotations made elsewhere, from files the UI holds, added to one annotator's
   * layers (or, for a Factmark corpus without an annotator, each to its own). Every file
   * is imported on its own; what cannot be placed is listed with where it is in the file.
   */
  async importAnnotations(raw: ApiParams<'importAnnotations'>): Promise<AnnotationImportOutcome[]> {
    const params = this.params('importAnnotations', raw);
    this.requireStore();
    const outcomes: AnnotationImportOutcome[] = [];
    const sources: SourceFile[] = [];
    for (const file of params.files) {
      try {
        sources.push(...expandArchives([{ name: file.name, bytes: Buffer.from(file.data, 'base64') }]));
      } catch (error) {
        outcomes.push({ file: file.name, added: {}, failed: [], error: toErrorInfo(error) });
      }
    }
    return this.importAnnotationSources(params.format, params.annotator, sources, outcomes);
  }

  /**
   * Host only: the same from files and folders at `paths`, which come from the command
   * line (or a native dialog), never from the renderer; not reachable through
   * call/respond. Folders are walked and zips opened; only regular files are read.
   */
  async importAnnotationsAt(paths: readonly string[], options: ImportAnnotationsOptions): Promise<AnnotationImportOutcome[]> {
    const given = checkedParams(HostPaths, paths, 'importAnnotationsAt');
    const params = checkedParams(ImportAnnotationsOptions, options, 'importAnnotationsAt');
    this.requireStore();
    const outcomes: AnnotationImportOutcome[] = [];
    const sources: SourceFile[] = [];
    for (const file of given) {
      try {
        sources.push(...expandArchives(await readSourcePaths([file])));
      } catch (error) {
        outcomes.push({ file, added: {}, failed: [], error: toErrorInfo(error) });
      }
    }
    return this.importAnnotationSources(params.format, params.annotator, sources, outcomes);
  }

  private async importAnnotationSources(format: ImportFormatId, annotator: string | undefined, sources: readonly SourceFile[], outcomes: AnnotationImportOutcome[]): Promise<AnnotationImportOutcome[]> {
    const store = this.requireStore();
    if (format === 'brat') {
      // Nothing could be read: those failures say why; "no .ann files here" would not.
      if (sources.length === 0 && outcomes.length > 0) return outcomes;
      return [...outcomes, ...(await importBrat(store, sources, new Importer(store, {}, annotator ?? null, this.now), annotator as string, this.now()))];
    }
    for (const source of sources) {
      try {
        const text = decodeText(source.bytes, source.name).text;
        const found = await this.findAnnotations(format, text, source.name);
        const merged = await mergeFoundLayers(store, found.layers, annotator ?? null, this.now());
        outcomes.push({ file: source.name, added: merged.added, failed: [...found.failed, ...merged.failed] });
      } catch (error) {
        outcomes.push({ file: source.name, added: {}, failed: [], error: toErrorInfo(error) });
      }
    }
    return outcomes;
  }

  private async findAnnotations(format: Exclude<ImportFormatId, 'brat'>, text: string, file: string): Promise<Found> {
    const store = this.requireStore();
    const documents = async () => Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
    if (format === 'w3c') return findInW3C(text, file, await documents(), store.manifest.labels.map((label) => label.id), this.now());
    if (format === 'spacy' || format === 'doccano' || format === 'label-studio') return findInToolRecords(format, text, file, await documents(), this.now());
    // A Factmark corpus carries its documents: the ones the project lacks are added.
    const corpus = readCorpus(format, text, file);
    if (corpus.entities) await store.addEntities(corpus.entities);
    const known = new Set(await store.listDocumentIds());
    for (const doc of corpus.documents) {
      if (known.has(doc.id)) continue;
      const { annotations: _a, ...fields } = doc;
      await store.addDocument({ format: DOCUMENT_FORMAT, version: 1, ...fields });
    }
    return findInCorpus(corpus.documents, await documents());
  }

  /** Reads files as an import would, and lists the page furniture found in each. */
  async previewImport(raw: ApiParams<'previewImport'>): Promise<ImportPreview[]> {
    const params = this.params('previewImport', raw);
    const previews: ImportPreview[] = [];
    for (const file of params.files) {
      try {
        previews.push({ file: file.name, furniture: furnitureOf(await readAnyArticle(Buffer.from(file.data, 'base64'), file.name)) });
      } catch (error) {
        previews.push({ file: file.name, error: toErrorInfo(error) });
      }
    }
    return previews;
  }

  // --- export ------------------------------------------------------------------------

  /**
   * An export, piece by piece: one document in memory at a time. How it goes is kept
   * for getExportProgress, whichever way it is written (a file, a download, the CLI).
   */
  async *exportChunks(options: ExportOptions = {}): AsyncGenerator<string | Uint8Array, ExportTotals> {
    const progress: ExportProgress = { id: (this.exportProgress?.id ?? 0) + 1, done: 0, total: 0, finished: false, failed: null, notes: [] };
    this.exportProgress = progress;
    let completed = false;
    try {
      const totals = yield* this.encodeCorpus(options, progress);
      completed = true;
      progress.notes = totals.notes;
      return totals;
    } catch (error) {
      progress.failed = toErrorInfo(error).message;
      throw error;
    } finally {
      // Stopped from outside, e.g. a download the browser dropped: say so, not "exported".
      if (!completed) progress.failed ??= 'stopped before the end';
      progress.finished = true;
    }
  }

  async getExportProgress(raw: ApiParams<'getExportProgress'> = {}): Promise<ExportProgress | null> {
    this.params('getExportProgress', raw);
    // A copy: the caller must not see it change under it (in-process callers share memory).
    return this.exportProgress ? { ...this.exportProgress, notes: [...this.exportProgress.notes] } : null;
  }

  private async *encodeCorpus(options: ExportOptions, progress: ExportProgress): AsyncGenerator<string | Uint8Array, ExportTotals> {
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
    const wantedIds = options.documentIds ?? ids;
    const known = new Set(ids);
    for (const id of wantedIds) if (!known.has(id)) throw new FactmarkError('NOT_FOUND', `No document ${id} in this project`);
    progress.total = wantedIds.length;
    const load = async (id: string): Promise<CorpusDocument> => {
      const { format: _df, version: _dv, ...doc } = await store.readDocument(id);
      const annotations: CorpusLayer[] = [];
      for (const annotator of wanted) {
        if (!layerIds.get(annotator)?.has(id)) continue;
        const { layer } = await store.readLayer(id, annotator, { format: DOCUMENT_FORMAT, version: 1, ...doc });
        const { format: _lf, version: _lv, document: _ld, ...body } = layer;
        annotations.push(body);
      }
      return { ...doc, annotations };
    };
    // The next document is read while this one is encoded: the disk and the CPU work
    // at the same time, and at most two documents are in memory.
    let next = wantedIds.length ? load(wantedIds[0] as string) : null;
    for (let i = 0; next; i++) {
      const corpusDocument = await next;
      next = i + 1 < wantedIds.length ? load(wantedIds[i + 1] as string) : null;
      // Its failure is reported when it is awaited, not as an unhandled rejection now.
      next?.catch(() => undefined);
      spans += corpusDocument.annotations.reduce((total, layer) => total + layer.spans.length, 0);
      const piece = encoder.document(corpusDocument);
      if (piece.length) yield piece;
      documents++;
      progress.done = documents;
      options.onProgress?.(documents, wantedIds.length);
    }
    yield encoder.tail();
    return { documents, spans, notes: encoder.notes?.() ?? [] };
  }

  /**
   * The api's export writes nowhere: the renderer cannot name a file. The desktop app
   * answers this call in its IPC binding with a save dialog and exportToFile; the
   * browser downloads the export (GET /download/corpus.json in web.ts).
   */
  async exportCorpus(raw: ApiParams<'exportCorpus'>): Promise<ExportResult> {
    this.params('exportCorpus', raw);
    this.requireStore();
    throw new FactmarkError('BAD_INPUT', 'An export is saved where you choose: the desktop app asks with a save dialog, the browser downloads it');
  }

  /**
   * Host only: writes an export to `file`, a path from the command line (`--out`) or
   * from the save dialog the main process showed, never from the renderer; not
   * reachable through call/respond. A folder, a device or a path under a missing
   * folder is refused; the file is replaced atomically, so a failure (a full disk)
   * leaves what was there.
   */
  async exportToFile(file: string, raw: ApiParams<'exportCorpus'>, onProgress?: ExportOptions['onProgress']): Promise<ExportResult> {
    const target = path.resolve(checkedParams(z.string().min(1), file, 'exportToFile'));
    const params = this.params('exportCorpus', raw);
    this.requireStore();
    let totals: ExportTotals = { documents: 0, spans: 0, notes: [] };
    const chunks = this.exportChunks({ format: params.format, documentIds: params.documentIds, annotators: params.annotators, ...(onProgress ? { onProgress } : {}) });
    async function* pieces() {
      totals = yield* chunks;
    }
    const bytes = await writeExportFile(target, pieces());
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

  /** Agreement between annotators over the documents every one of them has a layer for. */
  async getAgreement(raw: ApiParams<'getAgreement'>): Promise<AgreementReport> {
    const params = this.params('getAgreement', raw);
    const store = this.requireStore();
    const { layerIds } = await layerIndex(store);
    for (const name of params.annotators) if (!layerIds.has(name)) throw new FactmarkError('NOT_FOUND', `No annotator "${name}" in this project (annotators: ${[...layerIds.keys()].join(', ') || 'none yet'})`);
    if (params.reference && !params.annotators.includes(params.reference)) throw new FactmarkError('BAD_INPUT', `The reference "${params.reference}" is not one of the annotators compared`);
    const ids = await store.listDocumentIds();
    for (const id of params.documentIds ?? []) if (!ids.includes(id)) throw new FactmarkError('NOT_FOUND', `No document ${id} in this project`);
    const layers = new Map(params.annotators.map((name) => [name, new Map<string, Span[]>()] as const));
    const documentLengths = new Map<string, number>();
    for (const id of params.documentIds ?? ids) {
      if (!params.annotators.some((name) => layerIds.get(name)?.has(id))) continue;
      const doc = await store.readDocument(id);
      documentLengths.set(id, createOffsetIndex(doc.text).length);
      for (const name of params.annotators) {
        if (layerIds.get(name)?.has(id)) layers.get(name)?.set(id, (await store.readLayer(id, name, doc)).layer.spans);
      }
    }
    return agreementReport({ layers, documentLengths }, { ...(params.labels ? { labels: params.labels } : {}), ...(params.reference ? { reference: params.reference } : {}) });
  }

  /** Suggestions for a document, computed here, off the app's UI thread. */
  async suggest(raw: ApiParams<'suggest'>): Promise<Suggestion[]> {
    const params = this.params('suggest', raw);
    const store = this.requireStore();
    const document = await store.readDocument(params.documentId);
    const layer = params.annotator ? (await store.readLayer(params.documentId, params.annotator, document)).layer : null;
    if (params.occurrencesOf) {
      const span = layer?.spans.find((candidate) => candidate.id === params.occurrencesOf);
      if (!layer || !span) throw new FactmarkError('NOT_FOUND', `No span ${params.occurrencesOf} in ${params.annotator ?? 'the'} layer of ${params.documentId}`);
      return occurrenceSuggestions(document.text, span, (await store.readEntities()).entities, layer.spans);
    }
    return suggestAll(document.text, {
      ...(params.labels ? { labels: params.labels } : {}),
      published: document.meta.published,
      registry: (await store.readEntities()).entities,
      spans: layer?.spans ?? [],
      rejected: layer?.rejectedSuggestions ?? [],
    });
  }

  /**
   * Writes suggestions into an annotator's layer as ordinary spans (for `suggest
   * --apply`), checked like any import: what does not fit the schema is left out and said.
   */
  async applySuggestions(documentId: string, annotator: string, suggestions: readonly Suggestion[]): Promise<{ added: number; failed: AnnotationImportOutcome['failed'] }> {
    const store = this.requireStore();
    const document = await store.readDocument(documentId);
    const { layer } = await store.readLayer(documentId, annotator, document);
    let counter = 0;
    const newId = (taken: ReadonlySet<string>) => {
      let id = '';
      do id = `s_suggested_${++counter}`;
      while (taken.has(id));
      return id;
    };
    const spans = suggestionsToSpans(createOffsetIndex(document.text), suggestions, layer.spans, newId, this.now(), suggestions);
    const origin = new Map(spans.map((span) => [span.id, `${span.label} ${span.start}-${span.end} "${span.quote.exact}"`]));
    const merged = await mergeFoundLayers(store, [{ documentId, annotator: null, spans, relations: [], origin }], annotator, this.now());
    return { added: merged.added[documentId] ?? 0, failed: merged.failed };
  }

  /**
   * Untagged mentions, in each of `documentIds`, of a span's words (and its canonical
   * entity's other names): "Tag all occurrences" beyond the span's own document.
   */
  private async *occurrencesIn(documentIds: readonly string[], from: { documentId: string; annotator: string; spanId: string }): AsyncGenerator<{ doc: SourceDocument; mentions: Suggestion[] }> {
    const store = this.requireStore();
    const span = (await store.readLayer(from.documentId, from.annotator)).layer.spans.find((candidate) => candidate.id === from.spanId);
    if (!span) throw new FactmarkError('NOT_FOUND', `No span ${from.spanId} in ${from.annotator}'s layer of ${from.documentId}`);
    const registry = (await store.readEntities()).entities;
    for (const id of documentIds) {
      const doc = await store.readDocument(id);
      const { layer } = await store.readLayer(id, from.annotator, doc);
      yield { doc, mentions: occurrenceSuggestions(doc.text, span, registry, layer.spans) };
    }
  }

  /** For each other document: how many untagged mentions it has, and an example. */
  async findOccurrences(raw: ApiParams<'findOccurrences'>): Promise<ApiResults['findOccurrences']> {
    const params = this.params('findOccurrences', raw);
    const others = (await this.requireStore().listDocumentIds()).filter((id) => id !== params.documentId);
    const found: ApiResults['findOccurrences'] = [];
    for await (const { doc, mentions } of this.occurrencesIn(others, params)) {
      const first = mentions[0];
      if (!first) continue;
      const index = createOffsetIndex(doc.text);
      found.push({ documentId: doc.id, title: doc.meta.title, mentions: mentions.length, example: `…${index.slice(Math.max(0, first.start - 40), Math.min(index.length, first.end + 40))}…` });
    }
    return found;
  }

  /** Tags those mentions in the chosen documents (the analyst's accept of the list above). */
  async tagOccurrences(raw: ApiParams<'tagOccurrences'>): Promise<ApiResults['tagOccurrences']> {
    const params = this.params('tagOccurrences', raw);
    const added: Record<string, number> = {};
    const failed: ApiResults['tagOccurrences']['failed'] = [];
    for await (const { doc, mentions } of this.occurrencesIn(params.documentIds, params)) {
      const result = await this.applySuggestions(doc.id, params.annotator, mentions);
      added[doc.id] = result.added;
      failed.push(...result.failed.map((failure) => ({ ...failure, where: `${documentName(doc)}: ${failure.where}` })));
    }
    return { added, failed };
  }

  async getStamps(raw: ApiParams<'getStamps'>): Promise<Stamps> {
    const params = this.params('getStamps', raw);
    return this.requireStore().stamps(params.documentId);
  }

  async listEntities(raw: ApiParams<'listEntities'> = {}): Promise<CanonicalEntity[]> {
    this.params('listEntities', raw);
    return (await this.requireStore().readEntities()).entities;
  }

  /**
   * Adds a canonical entity. Its id comes from its name ("e_k_1_air_base"), made unique;
   * the same name and kind twice is the same entity, returned as it is.
   */
  async createEntity(raw: ApiParams<'createEntity'>): Promise<CanonicalEntity> {
    const params = this.params('createEntity', raw);
    const same = (entity: CanonicalEntity) => entity.name === params.name && entity.kind === params.kind;
    const registry = await this.requireStore().updateEntities((current) => {
      if (current.some(same)) return null;
      const aliases = [...new Set(params.aliases.filter((alias) => alias !== params.name))];
      const id = entityIdFor(params.name, new Set(current.map((entity) => entity.id)));
      return [...current, { id, name: params.name, kind: params.kind, aliases, ...(params.note ? { note: params.note } : {}) }];
    });
    const entity = registry.entities.find(same);
    if (!entity) throw new Error('the entity just written is not in entities.json');
    return entity;
  }

  async validateProject(raw: ApiParams<'validateProject'> = {}) {
    this.params('validateProject', raw);
    return validateProject(this.requireStore().root);
  }
}

/**
 * Params checked against their schema. Every api schema is strict: a key the method
 * does not take is refused and named, never dropped in silence, so a caller that sends
 * a file path learns at once that the api takes none (but project folders).
 */
function checkedParams<S extends z.ZodType>(schema: S, params: unknown, method: string): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const extra = result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : []));
  if (extra.length) {
    const paths = extra.some((key) => /path|file|dir|out/i.test(key))
      ? ': Factmark reads and writes files only where you choose them, in the desktop app\'s dialogs or by upload and download in the browser'
      : '';
    throw new FactmarkError('BAD_INPUT', `${method} does not take ${extra.map((key) => `"${key}"`).join(', ')}${paths}`);
  }
  return validateWith(schema, params, method, `Invalid parameters for ${method}`);
}

/** Which annotators have a layer on which documents: one folder listing each. */
async function layerIndex(store: ProjectStore): Promise<{ annotators: string[]; layerIds: Map<string, Set<string>> }> {
  const annotators = await store.listAnnotators();
  const layerIds = new Map(await Promise.all(annotators.map(async (name) => [name, new Set(await store.listLayerIds(name))] as const)));
  return { annotators, layerIds };
}

/** How a document is named in messages: its title, else its id. */
function documentName(document: SourceDocument): string {
  return document.meta.title ? `"${document.meta.title}"` : document.id;
}

/**
 * The layer a save asks for, on top of what is on disk; null when it is what is there.
 * Status, review and turned-down suggestions not given are kept as they are.
 */
function nextLayer(params: Params<'saveLayer'>, previous: LoadedLayer, document: SourceDocument, now: Date): AnnotationLayer | null {
  const status = params.status ?? (previous.layer.status === 'not-started' && params.spans.length > 0 ? 'in-progress' : previous.layer.status);
  const review = params.review ?? previous.layer.review;
  const rejectedSuggestions = params.rejectedSuggestions ?? previous.layer.rejectedSuggestions;
  // Cheap tests first: a new or removed span changes the counts, no need to compare all.
  const unchanged =
    previous.exists &&
    status === previous.layer.status &&
    params.spans.length === previous.layer.spans.length &&
    params.relations.length === previous.layer.relations.length &&
    JSON.stringify([params.spans, params.relations, review, rejectedSuggestions]) === JSON.stringify([previous.layer.spans, previous.layer.relations, previous.layer.review, previous.layer.rejectedSuggestions]);
  if (unchanged) return null;
  return {
    format: ANNOTATIONS_FORMAT,
    version: 1,
    document: document.id,
    documentSha256: document.sha256,
    annotator: params.annotator,
    status,
    updatedAt: now.toISOString(),
    spans: params.spans,
    relations: params.relations,
    ...(review ? { review } : {}),
    ...(rejectedSuggestions ? { rejectedSuggestions } : {}),
  };
}

/**
 * A saved layer must fit its text and the schema, except for what was already on disk
 * and could not be re-anchored (kept as it was, never lost); the first problem is thrown.
 */
function checkSaved(layer: AnnotationLayer, previous: LoadedLayer, context: Parameters<typeof checkLayer>[0] & { index: OffsetIndex }): void {
  const keptAsTheyWere = new Set(previous.unplaced.map((id) => JSON.stringify(previous.layer.spans.find((span) => span.id === id))));
  for (const span of layer.spans) {
    if (!spanFitsText(context.index, span) && !keptAsTheyWere.has(JSON.stringify(span))) {
      throw new FactmarkError('BAD_INPUT', `Span ${span.id}: offsets ${span.start}-${span.end} do not slice the text to its quote; not saved`, { spanId: span.id });
    }
  }
  const first = checkLayer(context, layer).find((problem) => problem.severity === 'error' && !(problem.spanId && previous.unplaced.includes(problem.spanId)));
  if (first) {
    throw new FactmarkError('BAD_INPUT', `${first.spanId ? `Span ${first.spanId}` : `Relation ${first.relationId ?? ''}`}: ${first.message}; not saved`, {
      ...(first.spanId ? { spanId: first.spanId } : {}),
    });
  }
}

/** An entity id from its name: readable in entities.json and in exports, unique in the registry. */
function entityIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = `e_${name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').toLowerCase().slice(0, 40) || 'entity'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}
