/**
 * The service: shared/api.ts (what the window may ask, over IPC or HTTP) and
 * shared/host-api.ts (what the CLI and the desktop's main process may ask besides, with
 * file paths) implemented once. This is the facade: each method checks its params
 * against the contract's zod schema, whoever calls it, and hands them to the part that
 * does the work (main/service/, one module per concern). Errors are FactmarkErrors,
 * which the bindings pass on as ErrorInfo.
 */
import type { z } from 'zod';
import { apiParams, type ApiMethod, type ApiParams, type ApiResults, type FactmarkApi } from '../shared/api.js';
import { FactmarkError, toErrorInfo } from '../shared/errors.js';
import { hostParams, type HostMethod, type HostParams } from '../shared/host-api.js';
import type { Suggestion } from '../shared/suggest/suggestion.js';
import type { ServiceContext } from './service/context.js';
import * as claims from './service/claims.js';
import * as claimMatches from './service/claim-matches.js';
import * as exports from './service/exports.js';
import * as imports from './service/imports.js';
import * as layers from './service/layers.js';
import { checkedParams } from './service/params.js';
import * as projects from './service/projects.js';
import * as reports from './service/reports.js';
import * as session from './service/session.js';
import { startup } from './service/startup.js';
import * as suggestions from './service/suggestions.js';
import * as sync from './service/sync.js';
import type { SettingsStore } from './settings.js';
import { ProjectStore } from './store/project-store.js';
import type { CredentialStore } from './sync/credentials.js';

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
  private readonly syncs: sync.SyncRunner;

  constructor(options: ServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.settings = options.settings;
    this.syncs = new sync.SyncRunner(options.credentials ?? null, options.settings);
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
  removeDocument: Api<'removeDocument'> = async (raw) => this.with('removeDocument', raw, projects.removeDocument);
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
  importUrls: Api<'importUrls'> = async (raw) => this.with('importUrls', raw, imports.importUrls);
  readMetadataSheet: Api<'readMetadataSheet'> = async (raw) => imports.readMetadataSheet(this.params('readMetadataSheet', raw));
  importAnnotations: Api<'importAnnotations'> = async (raw) => this.with('importAnnotations', raw, imports.importAnnotations);
  /** Host only: articles at paths from the command line or the desktop's Open dialog. */
  importFilesAt = async (paths: readonly string[], options: Omit<HostParams<'importFilesAt'>, 'paths'> = {}) => imports.importFilesAt(this.context, this.host('importFilesAt', { paths: [...paths], ...options }));
  /** Host only: the metadata sheet at `path` (the CLI's --metadata), matched to the files about to be imported. */
  metadataSheetAt = async (path: string, files: readonly string[]) => imports.metadataSheetAt(this.host('metadataSheetAt', { path, files: [...files] }));
  /** Host only: annotations in files and folders at paths from the command line. */
  importAnnotationsAt = async (paths: readonly string[], options: Omit<HostParams<'importAnnotationsAt'>, 'paths'>) => imports.importAnnotationsAt(this.context, this.host('importAnnotationsAt', { paths: [...paths], ...options }));

  // --- exports -----------------------------------------------------------------------

  /** Refused: the IPC binding answers it with a save dialog, and the browser downloads (exports.exportNowhere). */
  exportCorpus: Api<'exportCorpus'> = async (raw) => this.with('exportCorpus', raw, exports.exportNowhere);
  getExportProgress: Api<'getExportProgress'> = async (raw = {}) => (this.params('getExportProgress', raw), exports.latestProgress(this.exportTracker));
  /** Host only: an export as pieces (a download, the CLI's standard output). */
  exportChunks({ onProgress, ...raw }: HostParams<'exportChunks'> & { onProgress?: ProgressReport | undefined }): exports.ExportStream {
    return exports.exportStream(this.context, this.exportTracker, { ...this.host('exportChunks', raw), ...(onProgress ? { onProgress } : {}) });
  }
  /** Host only: an export written to `file`, from the CLI's --out or the desktop's save dialog. */
  exportToFile = async (file: string, raw: HostParams<'exportChunks'>, onProgress?: ProgressReport) => exports.exportToFile(this.context, this.exportTracker, { ...this.host('exportToFile', { ...raw, path: file }), ...(onProgress ? { onProgress } : {}) });
  /** Host only: what an export is called when saved (the download, the save dialog's suggestion). */
  exportName = async (options: HostParams<'exportName'>) => exports.exportName(this.context, this.host('exportName', options));

  // --- claims ------------------------------------------------------------------------

  listClaims: Api<'listClaims'> = async (raw = {}) => this.with('listClaims', raw, claims.listClaims);
  getClaimsBoard: Api<'getClaimsBoard'> = async (raw = {}) => this.with('getClaimsBoard', raw, claims.claimsBoard);
  changeClaims: Api<'changeClaims'> = async (raw) => this.with('changeClaims', raw, claims.changeClaims);
  linkClaimSpans: Api<'linkClaimSpans'> = async (raw) => this.with('linkClaimSpans', raw, claims.linkClaimSpans);
  matchClaims: Api<'matchClaims'> = async (raw = {}) => this.with('matchClaims', raw, claimMatches.matchClaims);
  acceptMatches: Api<'acceptMatches'> = async (raw) => this.with('acceptMatches', raw, claimMatches.acceptMatches);

  // --- reports -----------------------------------------------------------------------

  getStats: Api<'getStats'> = async (raw = {}) => this.with('getStats', raw, reports.getStats);
  getAgreement: Api<'getAgreement'> = async (raw) => this.with('getAgreement', raw, reports.getAgreement);
  validateProject: Api<'validateProject'> = async (raw = {}) => this.with('validateProject', raw, reports.validateProject);

  // --- suggestions -------------------------------------------------------------------

  suggest: Api<'suggest'> = async (raw) => this.with('suggest', raw, suggestions.suggest);
  findOccurrences: Api<'findOccurrences'> = async (raw) => this.with('findOccurrences', raw, suggestions.findOccurrences);
  tagOccurrences: Api<'tagOccurrences'> = async (raw) => this.with('tagOccurrences', raw, suggestions.tagOccurrences);
  /** Host only: suggestions written into a layer as spans (`suggest --apply`), checked like an import. */
  applySuggestions = async (documentId: string, annotator: string, found: readonly Suggestion[]) => suggestions.applySuggestions(this.context, this.host('applySuggestions', { documentId, annotator }), found);
  /** Host only: the project's document ids (the folder listing alone). */
  documentIds = async () => (this.host('documentIds', {}), this.context.store.listDocumentIds());

  // --- sync ------------------------------------------------------------------------

  getSyncStatus: Api<'getSyncStatus'> = async (raw = {}) => this.with('getSyncStatus', raw, ({ store }) => this.syncs.status(store.root));
  syncProject: Api<'syncProject'> = async (raw) => this.with('syncProject', raw, (context, params) => this.syncs.syncAsUser(context, params, this.reopen));
  /** Host only: as the annotator the command line names. */
  syncProjectAs = async (options: HostParams<'syncProjectAs'>) => this.syncs.sync(this.context, this.host('syncProjectAs', options), this.reopen);
  setSyncToken: Api<'setSyncToken'> = async (raw) => this.syncs.setToken(this.params('setSyncToken', raw), this.store?.root ?? null);
  getSpanHistory: Api<'getSpanHistory'> = async (raw) => this.with('getSpanHistory', raw, sync.getSpanHistory);
  cloneProject: Api<'cloneProject'> = async (raw) => this.opened(await ProjectStore.open(await this.syncs.clone(this.params('cloneProject', raw), this.now)));
  private readonly reopen: sync.Reopen = async (root) => {
    if (this.store?.root === root) this.store = await ProjectStore.open(root);
  };

  // --- session -----------------------------------------------------------------------

  getSession: Api<'getSession'> = async (raw = {}) => (this.params('getSession', raw), session.session(this.settings));
  getStartup: Api<'getStartup'> = async (raw = {}) => startup(this.settings, this.store, this.now, this.params('getStartup', raw));
  updateSession: Api<'updateSession'> = async (raw) => session.updateSession(this.settings, this.params('updateSession', raw));
}
