/**
 * The service: shared/api.ts (what the window may ask, over IPC or HTTP) and
 * shared/host-api.ts (what the CLI and the desktop's main process may ask besides, with
 * file paths) implemented once. This is the facade: each method checks its params
 * against the contract's zod schema, whoever calls it, and hands them to the part that
 * does the work (main/service/: projects, layers, imports, exports, reports, suggestions,
 * session). Errors are FactmarkErrors, which the bindings pass on as ErrorInfo.
 */
import type { z } from 'zod';
import { apiParams, type ApiMethod, type ApiParams, type ApiResults, type ExportProgress, type FactmarkApi } from '../shared/api.js';
import { FactmarkError, toErrorInfo } from '../shared/errors.js';
import { hostParams, type HostMethod, type HostParams } from '../shared/host-api.js';
import type { Suggestion } from '../shared/suggest/suggestion.js';
import type { ServiceContext } from './service/context.js';
import * as exports from './service/exports.js';
import * as imports from './service/imports.js';
import * as layers from './service/layers.js';
import { checkedParams } from './service/params.js';
import * as projects from './service/projects.js';
import * as reports from './service/reports.js';
import * as session from './service/session.js';
import * as suggestions from './service/suggestions.js';
import { getSpanHistory, SyncRunner } from './service/sync.js';
import type { SettingsStore } from './settings.js';
import { ProjectStore } from './store/project-store.js';
import { cloneProject } from './sync/clone.js';
import type { CredentialStore } from './sync/credentials.js';

export type { ExportOptions, ExportTotals } from './service/exports.js';

export interface ServiceOptions {
  /** The clock, so tests can pin timestamps. */
  now?: () => Date;
  /** App settings (annotator, theme, recent projects); the CLI runs without. */
  settings?: SettingsStore;
  /** Tokens for git remotes (main/sync/credentials.ts); without, only FACTMARK_GIT_TOKEN is read. */
  credentials?: CredentialStore | null;
}

type Api<M extends ApiMethod> = (raw: ApiParams<M>) => Promise<ApiResults[M]>;
type Host<M extends HostMethod> = z.output<(typeof hostParams)[M]>;
type ProgressReport = (done: number, total: number) => void;

export class FactmarkService implements FactmarkApi {
  private store: ProjectStore | null = null;
  private readonly exportTracker: exports.ExportTracker = { latest: null };
  private readonly now: () => Date;
  private readonly settings: SettingsStore | undefined;
  private readonly sync: SyncRunner;

  constructor(options: ServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.settings = options.settings;
    this.sync = new SyncRunner(options.credentials ?? null);
  }

  /** Calls an api method by name with untrusted params, as the IPC and HTTP bindings do. */
  async call<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResults[M]> {
    if (!Object.hasOwn(apiParams, method)) throw new FactmarkError('BAD_INPUT', `Unknown method "${String(method)}"`);
    return (this[method] as (params: unknown) => Promise<ApiResults[M]>).call(this, params);
  }

  /** The same call, with errors turned into a response object for a transport. */
  async respond<M extends ApiMethod>(method: M, params: unknown) {
    try {
      return { ok: true as const, result: await this.call(method, params) };
    } catch (error) {
      return { ok: false as const, error: toErrorInfo(error) };
    }
  }

  private params<M extends ApiMethod>(method: M, params: unknown): z.output<(typeof apiParams)[M]> {
    return checkedParams(apiParams[method], params, method) as z.output<(typeof apiParams)[M]>;
  }

  /** Checks the params first (a bad call is refused as such, project or not), then works on the open project. */
  private async with<M extends ApiMethod, R>(method: M, raw: unknown, work: (context: ServiceContext, params: z.output<(typeof apiParams)[M]>) => R | Promise<R>): Promise<R> {
    const params = this.params(method, raw);
    return work(this.context, params);
  }

  private host<M extends HostMethod>(method: M, params: HostParams<M>): Host<M> {
    return checkedParams(hostParams[method], params, method) as Host<M>;
  }

  /** The open project to work on. */
  private get context(): ServiceContext {
    if (!this.store) throw new FactmarkError('NO_PROJECT', 'No project is open: create or open one first');
    return { store: this.store, now: this.now };
  }

  // --- the project -------------------------------------------------------------------

  createProject: Api<'createProject'> = async (raw) => {
    const params = this.params('createProject', raw);
    return this.opened(await ProjectStore.create(params.dir, { now: this.now(), ...(params.name ? { name: params.name } : {}) }));
  };

  openProject: Api<'openProject'> = async (raw) => {
    const store = await ProjectStore.open(this.params('openProject', raw).dir);
    // Leftovers are aged by the real clock, as file times are; not by this.now (tests pin it).
    await store.tidy();
    return this.opened(store);
  };

  private async opened(store: ProjectStore) {
    this.store = store;
    await this.settings?.rememberProject(store.root);
    return projects.projectInfo(store);
  }

  getProject: Api<'getProject'> = async (raw = {}) => (this.params('getProject', raw), this.store ? projects.projectInfo(this.store) : null);
  listDocuments: Api<'listDocuments'> = async (raw = {}) => this.with('listDocuments', raw, projects.listDocuments);
  updateDocumentMeta: Api<'updateDocumentMeta'> = async (raw) => this.with('updateDocumentMeta', raw, projects.updateDocumentMeta);
  removeDocument: Api<'removeDocument'> = async (raw) =>
    this.with('removeDocument', raw, async ({ store }, { documentId }) => {
      await store.removeDocument(documentId);
      return { removed: documentId };
    });
  searchDocuments: Api<'searchDocuments'> = async (raw) => this.with('searchDocuments', raw, (context, params) => projects.searchDocuments(context, params.query));
  updateLabelSchema: Api<'updateLabelSchema'> = async (raw) => this.with('updateLabelSchema', raw, projects.updateLabelSchema);
  listEntities: Api<'listEntities'> = async (raw = {}) => this.with('listEntities', raw, projects.listEntities);
  createEntity: Api<'createEntity'> = async (raw) => this.with('createEntity', raw, projects.createEntity);

  // --- layers ------------------------------------------------------------------------

  getDocument: Api<'getDocument'> = async (raw) => this.with('getDocument', raw, layers.getDocument);
  getLayer: Api<'getLayer'> = async (raw) => this.with('getLayer', raw, layers.getLayer);
  saveLayer: Api<'saveLayer'> = async (raw) => this.with('saveLayer', raw, (context, { documentId, baseStamp, ...save }) => layers.saveLayer(context, documentId, baseStamp, save));
  getStamps: Api<'getStamps'> = async (raw) => this.with('getStamps', raw, (context, params) => layers.getStamps(context, params.documentId));

  // --- imports -----------------------------------------------------------------------

  importTexts: Api<'importTexts'> = async (raw) => this.with('importTexts', raw, imports.importTexts);
  previewImport: Api<'previewImport'> = async (raw) => imports.previewImport(this.params('previewImport', raw).files);
  importAnnotations: Api<'importAnnotations'> = async (raw) => this.with('importAnnotations', raw, imports.importAnnotations);
  /** Host only: articles at paths from the command line or the desktop's Open dialog. */
  async importFilesAt(paths: readonly string[], options: Omit<HostParams<'importFilesAt'>, 'paths'> = {}) {
    return imports.importFilesAt(this.context, this.host('importFilesAt', { paths: [...paths], ...options }));
  }
  /** Host only: annotations in files and folders at paths from the command line. */
  async importAnnotationsAt(paths: readonly string[], options: Omit<HostParams<'importAnnotationsAt'>, 'paths'>) {
    return imports.importAnnotationsAt(this.context, this.host('importAnnotationsAt', { paths: [...paths], ...options }));
  }

  // --- exports -----------------------------------------------------------------------

  /**
   * The api's export writes nowhere: the renderer cannot name a file. The desktop app
   * answers this call in its IPC binding with a save dialog and exportToFile; the
   * browser downloads the export (GET /download/corpus.json in web.ts, exportChunks).
   */
  exportCorpus: Api<'exportCorpus'> = async (raw) => {
    this.params('exportCorpus', raw);
    void this.context;
    throw new FactmarkError('BAD_INPUT', 'An export is saved where you choose: the desktop app asks with a save dialog, the browser downloads it');
  };
  getExportProgress: Api<'getExportProgress'> = async (raw = {}) => {
    this.params('getExportProgress', raw);
    const latest: ExportProgress | null = this.exportTracker.latest;
    // A copy: the caller must not see it change under it (in-process callers share memory).
    return latest ? { ...latest, notes: [...latest.notes] } : null;
  };
  /** Host only: an export as pieces (a download, the CLI's standard output). */
  exportChunks(options: HostParams<'exportChunks'> & { onProgress?: ProgressReport | undefined }): exports.ExportStream {
    const { onProgress, ...raw } = options;
    const params = this.host('exportChunks', raw);
    return exports.exportStream(this.context, this.exportTracker, { ...params, ...(onProgress ? { onProgress } : {}) });
  }
  /** Host only: an export written to `file`, from the CLI's --out or the desktop's save dialog. */
  async exportToFile(file: string, raw: HostParams<'exportChunks'>, onProgress?: ProgressReport) {
    const { path, ...params } = this.host('exportToFile', { ...raw, path: file });
    return exports.exportToFile(this.context, this.exportTracker, path, { ...params, ...(onProgress ? { onProgress } : {}) });
  }
  /** Host only: what an export is called when saved (the download, the save dialog's suggestion). */
  async exportName(options: HostParams<'exportName'>) {
    return exports.exportName(this.context, this.host('exportName', options));
  }

  // --- reports -----------------------------------------------------------------------

  getStats: Api<'getStats'> = async (raw = {}) => this.with('getStats', raw, reports.getStats);
  getAgreement: Api<'getAgreement'> = async (raw) => this.with('getAgreement', raw, reports.getAgreement);
  validateProject: Api<'validateProject'> = async (raw = {}) => this.with('validateProject', raw, reports.validateProject);

  // --- suggestions -------------------------------------------------------------------

  suggest: Api<'suggest'> = async (raw) => this.with('suggest', raw, suggestions.suggest);
  findOccurrences: Api<'findOccurrences'> = async (raw) => this.with('findOccurrences', raw, suggestions.findOccurrences);
  tagOccurrences: Api<'tagOccurrences'> = async (raw) => this.with('tagOccurrences', raw, suggestions.tagOccurrences);
  /** Host only: suggestions written into a layer as spans (`suggest --apply`), checked like an import. */
  async applySuggestions(documentId: string, annotator: string, found: readonly Suggestion[]) {
    const params = this.host('applySuggestions', { documentId, annotator });
    return suggestions.applySuggestions(this.context, params.documentId, params.annotator, found);
  }
  /** Host only: the project's document ids (the folder listing alone). */
  async documentIds() {
    this.host('documentIds', {});
    return this.context.store.listDocumentIds();
  }

  // --- sync --------------------------------------------------------------------------

  getSyncStatus: Api<'getSyncStatus'> = async (raw = {}) => this.with('getSyncStatus', raw, ({ store }) => this.sync.status(store.root));
  syncProject: Api<'syncProject'> = async (raw) =>
    this.with('syncProject', raw, ({ store }, params) => {
      const annotator = this.settings?.value.annotator;
      if (!annotator) throw new FactmarkError('BAD_INPUT', 'Say who you are before syncing: your changes are committed under your name');
      return this.sync.sync(store.root, annotator, params, () => this.reopen(store.root), this.now);
    });
  /** Host only: a sync as the annotator the command line names. */
  async syncProjectAs(options: HostParams<'syncProjectAs'>) {
    const { annotator, ...params } = this.host('syncProjectAs', options);
    const { store } = this.context;
    return this.sync.sync(store.root, annotator, params, () => this.reopen(store.root), this.now);
  }
  setSyncToken: Api<'setSyncToken'> = async (raw) => {
    const params = this.params('setSyncToken', raw);
    await this.sync.setToken(params.remote, params.token, params.username);
    // A token may be set before any project is open (to clone one).
    return this.sync.status(this.store?.root ?? null);
  };
  getSpanHistory: Api<'getSpanHistory'> = async (raw) => this.with('getSpanHistory', raw, getSpanHistory);
  cloneProject: Api<'cloneProject'> = async (raw) => {
    const params = this.params('cloneProject', raw);
    const root = await cloneProject(params.dir, params.remote, this.sync.store, this.now);
    return this.opened(await ProjectStore.open(root));
  };

  /** The open project read again from disk (after a sync brought others' files). */
  private async reopen(root: string): Promise<void> {
    if (this.store?.root === root) this.store = await ProjectStore.open(root);
  }

  // --- session -----------------------------------------------------------------------

  getSession: Api<'getSession'> = async (raw = {}) => (this.params('getSession', raw), session.session(this.settings));
  updateSession: Api<'updateSession'> = async (raw) => session.updateSession(this.settings, this.params('updateSession', raw));
}
