/**
 * The one contract between the UI and the service. Each method has a zod schema for
 * its params (checked by the service, whatever the transport) and a result type. The
 * Electron preload, the HTTP binding and the CLI all carry exactly these methods.
 *
 * No method takes a file path but project folders (createProject, openProject): the
 * renderer sends the bytes of files the user picked and receives exports as downloads
 * or through the desktop's save dialog. Every schema is strict, so a `path` sent
 * anyway is refused, not ignored. Reading and writing at paths is host-only (the CLI,
 * the Electron main process after a native dialog): see FactmarkService.importFilesAt,
 * importAnnotationsAt and exportToFile.
 */
import { z } from 'zod';
import type { AnnotationLayer } from './model/annotations.js';
import { LayerStatus, Relation, ReviewRecord, Span } from './model/annotations.js';
import { AnnotatorName, DocumentId } from './model/common.js';
import type { DocumentMeta, SourceDocument } from './model/document.js';
import type { CanonicalEntity } from './model/entities.js';
import type { CanonicalClaim } from './model/claims.js';
import { AcceptedMatchInput, ClaimLink } from './claims/links.js';
import type { MatchProposal } from './claims/matching.js';
import { ClaimChange } from './claims/changes.js';
import type { ClaimsBoard } from './claims/board.js';
import { PublishedDate } from './model/document.js';
import { LabelDef, RelationTypeDef } from './model/labels.js';
import type { ProjectManifest } from './model/project.js';
import type { ApiMethodName } from './api-methods.js';
import { EXPORT_FORMAT_IDS, FORMATS_WITH_ANNOTATORS, IMPORT_FORMAT_IDS, type ExportFormatId, type ImportFormatId } from './formats/catalog.js';
import type { ErrorInfo } from './errors.js';
import type { Moved } from './text/anchoring.js';
import type { AgreementReport } from './review/agreement.js';
import type { Suggestion } from './suggest/suggestion.js';
import type { FurnitureLine } from './text/furniture.js';
import type { SyncConflict } from './merge/corpus-merge.js';
import { RemoteUrl } from './sync/remote-url.js';

/** Metadata given at import; what is missing is read from the file or left empty. */
export const ImportMeta = z.object({
  title: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  url: z.url().optional(),
  published: PublishedDate.optional(),
  language: z.string().min(1).optional(),
});
export type ImportMeta = z.infer<typeof ImportMeta>;

/** The metadata an analyst may edit (the import record `source` stays as it was). */
export const DocumentMetaEdit = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.url().nullable(),
  published: PublishedDate.nullable(),
  language: z.string().nullable(),
  notes: z.string().nullable(),
});
export type DocumentMetaEdit = z.infer<typeof DocumentMetaEdit>;

/** Which version a person chose at a sync conflict: their own, or the other side's. */
export const SyncChoice = z.enum(['ours', 'theirs']);
export type SyncChoice = z.infer<typeof SyncChoice>;

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/**
 * How an annotation import treats names the project's schema lacks: added as new
 * labels (and relation types), renamed first by a map, and doccano's numeric label ids
 * named.
 */
export const AnnotationImportOptions = z.strictObject({
  /** Add the labels and relation types the files use and the schema lacks. */
  addLabels: z.boolean().default(false),
  /** The file's name → the project's label (or relation type), applied first. */
  labelMap: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).default({}),
  /** doccano 1.x: label id → name, as doccano's label export gives them. */
  doccanoLabels: z.record(z.string().min(1).max(50), z.string().min(1).max(200)).optional(),
});

/** Formats whose files say whose each annotation is need no annotator name. */
export const annotatorWhereNeeded = (params: { annotator?: string | undefined; format: ImportFormatId }) => params.annotator !== undefined || FORMATS_WITH_ANNOTATORS.includes(params.format);

export const apiParams = {
  createProject: z.strictObject({ dir: z.string().min(1), name: z.string().min(1).optional() }),
  openProject: z.strictObject({ dir: z.string().min(1) }),
  getProject: z.strictObject({}),
  listDocuments: z.strictObject({}),
  getDocument: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName }),
  // The layer alone, without the article's text: for showing a colleague's layer beside
  // one's own (the compare view), where the text is already on screen.
  getLayer: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName }),
  saveLayer: z.strictObject({
    documentId: DocumentId,
    annotator: AnnotatorName,
    /**
     * The version of the layer file this save is based on: the `stamp` that getDocument
     * (or getLayer, or the previous save) gave; null when there was no file. A save onto
     * any other version is refused with CONFLICT, so nobody's save is silently replaced.
     */
    baseStamp: z.string().min(1).nullable(),
    status: LayerStatus.optional(),
    spans: z.array(Span),
    relations: z.array(Relation).default([]),
    /** A reviewed layer's record of its review; kept as it is on disk when missing. */
    review: ReviewRecord.optional(),
    /** Suggestions turned down; kept as they are on disk when missing. */
    rejectedSuggestions: z.array(z.object({ label: z.string().min(1), start: z.int().nonnegative(), end: z.int().nonnegative() })).optional(),
  }),
  /**
   * Annotations made elsewhere, from the bytes of files the UI holds (chosen in a file
   * picker or dropped). Without an annotator, a Factmark corpus's layers go back to their
   * own annotators; the other formats need one.
   */
  importAnnotations: z
    .strictObject({
      format: z.enum(IMPORT_FORMAT_IDS),
      annotator: AnnotatorName.optional(),
      files: z.array(z.object({ name: z.string().min(1).max(255), data: z.base64() })).min(1),
      ...AnnotationImportOptions.shape,
    })
    .refine(annotatorWhereNeeded, { path: ['annotator'], message: 'say whose layers the annotations go into' }),
  /** What importing these files would find: page furniture to offer for removal. */
  previewImport: z.strictObject({ files: z.array(z.object({ name: z.string().min(1).max(255), data: z.base64() })).min(1) }),
  /** Files the UI holds (drag and drop, paste): bytes as base64, with their names. */
  importTexts: z.strictObject({
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(255),
          data: z.base64(),
          /** Lines to remove (from previewImport's furniture), 0-based. */
          removeLines: z.array(z.int().nonnegative()).default([]),
          /** This file's own metadata (its row of a metadata sheet), winning over `meta`. */
          meta: ImportMeta.optional(),
        }),
      )
      .min(1),
    meta: ImportMeta.default({}),
    importedBy: AnnotatorName.nullable().default(null),
  }),
  /**
   * Articles from web addresses the user typed, fetched by the service (a URL is no
   * path on this machine). `urlMeta`: metadata for some of them (a metadata sheet's
   * rows), winning over `meta`.
   */
  importUrls: z.strictObject({
    urls: z.array(z.string().trim().min(1).max(2048)).min(1).max(100),
    meta: ImportMeta.default({}),
    urlMeta: z.record(z.string(), ImportMeta).default({}),
    importedBy: AnnotatorName.nullable().default(null),
    /** Remove every line found as page furniture (a PDF's running heads and page numbers, too). */
    trimFurniture: z.boolean().default(false),
  }),
  /**
   * A metadata sheet (CSV or JSON, one row per file) dropped with files: its rows matched
   * to the names of the files (and addresses) about to be imported, to send with them.
   */
  readMetadataSheet: z.strictObject({
    sheet: z.object({ name: z.string().min(1).max(255), data: z.base64() }),
    files: z.array(z.string().min(1).max(2048)).max(10_000),
  }),
  exportCorpus: z.strictObject({
    format: z.enum(EXPORT_FORMAT_IDS as [ExportFormatId, ...ExportFormatId[]]),
    /** Only these annotators' layers; every layer when missing. */
    annotators: z.array(AnnotatorName).min(1).optional(),
    /** Only these documents; every document when missing. */
    documentIds: z.array(DocumentId).min(1).optional(),
  }),
  /** Changes a document's metadata; its text never changes. */
  updateDocumentMeta: z.strictObject({ documentId: DocumentId, meta: DocumentMetaEdit }),
  /** Removes a document no one has annotated yet (a duplicate, a wrong file). */
  removeDocument: z.strictObject({ documentId: DocumentId }),
  /** Documents whose title, outlet, author or text contain the words of `query`. */
  searchDocuments: z.strictObject({ query: z.string().max(500) }),
  /**
   * Replaces the project's label schema. `renames` maps old label ids to new ones, so
   * existing spans follow; a label that disappears while spans still use it is refused.
   */
  updateLabelSchema: z.strictObject({ labels: z.array(LabelDef).min(1), relationTypes: z.array(RelationTypeDef).optional(), renames: z.record(z.string(), z.string()).default({}) }),
  getStats: z.strictObject({}),
  /** Inter-annotator agreement (shared/review): per label, per document and for the corpus. */
  getAgreement: z.strictObject({
    annotators: z.array(AnnotatorName).min(2).refine((names) => new Set(names).size === names.length, 'name each annotator once'),
    labels: z.array(z.string().min(1)).min(1).optional(),
    documentIds: z.array(DocumentId).min(1).optional(),
    /** Precision and recall of the others against this annotator; every pair without it. */
    reference: AnnotatorName.optional(),
  }),
  /**
   * Fingerprints of what is on disk, to notice a colleague's files arriving (git pull, a
   * copy): `project` changes when documents or layers are added or rewritten; `layers`
   * gives each annotator's layer file of one document.
   */
  getStamps: z.strictObject({ documentId: DocumentId.optional() }),
  /**
   * How the latest export is going: the app polls this while one runs (an export to a
   * file in Electron, a download in the browser), since an answer cannot stream.
   */
  getExportProgress: z.strictObject({}),
  /**
   * Suggested dates, entities and claims for a document; with an annotator, the ones
   * already in their layer or turned down by them are left out.
   */
  suggest: z.strictObject({
    documentId: DocumentId,
    labels: z.array(z.enum(['date', 'entity', 'claim'])).min(1).optional(),
    annotator: AnnotatorName.optional(),
    /** Instead: every other occurrence of this span of the annotator's (and its entity's other names). */
    occurrencesOf: z.string().min(1).optional(),
  }),
  /** "Tag all occurrences" across the project: where the span's words occur in other documents. */
  findOccurrences: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName, spanId: z.string().min(1) }),
  /** …and tagging them, in the chosen documents, in the annotator's layers (the analyst's accept). */
  tagOccurrences: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName, spanId: z.string().min(1), documentIds: z.array(DocumentId).min(1) }),
  /** The project's canonical entities (entities.json), for linking names to them. */
  listEntities: z.strictObject({}),
  /** A new canonical entity, made from a name the analyst tagged; its id is given by the service. */
  createEntity: z.strictObject({
    name: z.string().trim().min(1).max(300),
    kind: z.string().trim().min(1).max(100),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
    note: z.string().max(10_000).optional(),
  }),
  /** The canonical claims (claims.json), for linking claim spans to them. */
  listClaims: z.strictObject({}),
  /** The claims board: every canonical claim with its mentions across the project, first appearances and disagreements. */
  getClaimsBoard: z.strictObject({}),
  /** Changes to claims.json made by `annotator`, applied together to the file as it is now (see shared/claims/changes.ts). */
  changeClaims: z.strictObject({ annotator: AnnotatorName, changes: z.array(ClaimChange).min(1).max(1000) }),
  /** Claim spans of the annotator's layers linked to canonical claims (claimId null: unlinked), as the match inbox accepts them. */
  linkClaimSpans: z.strictObject({
    annotator: AnnotatorName,
    links: z.array(ClaimLink).min(1).max(10_000),
  }),
  /** The match inbox: unlinked claim spans (the annotator's, or everyone's) that restate a canonical claim or each other, each with a score and reasons. */
  matchClaims: z.strictObject({ annotator: AnnotatorName.optional(), threshold: z.number().min(0).max(1).optional() }),
  /**
   * Proposals accepted by `annotator`: linked, with canonical claims created for spans that
   * restate each other (shared/claims/accept-matches.ts). `onlyOwn` (the app's inbox) leaves
   * colleagues' spans alone; the CLI's --apply links them all.
   */
  acceptMatches: z.strictObject({ annotator: AnnotatorName, proposals: z.array(AcceptedMatchInput).min(1).max(100_000), onlyOwn: z.boolean().default(true) }),
  validateProject: z.strictObject({}),
  /**
   * Sharing the project through git (docs/sync.md): whether it syncs, with which remote,
   * how far ahead and behind, when it last synced, offline, the last error, conflicts
   * waiting for a choice. Answered from what is on disk: it never reaches the network.
   */
  getSyncStatus: z.strictObject({}),
  /**
   * Commits the annotator's changes, fetches, merges and pushes. `remote`: the address to
   * sync with (the first time, or to change it). `resolutions`: choices at the conflicts a
   * previous sync showed, by conflict id.
   */
  syncProject: z.strictObject({ remote: RemoteUrl.optional(), resolutions: z.record(z.string().min(1).max(64), SyncChoice).default({}) }),
  /** The token for a remote (null: forget it), kept out of the project folder; never sent back. */
  setSyncToken: z.strictObject({ remote: RemoteUrl, token: z.string().min(1).max(4096).nullable(), username: z.string().trim().min(1).max(200).optional() }),
  /** Who created and changed a span, and when, from the git history of its layer file. */
  getSpanHistory: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName, spanId: z.string().min(1).max(200) }),
  /** A project from a remote, into a folder that is missing or empty, opened. */
  cloneProject: z.strictObject({ dir: z.string().min(1), remote: RemoteUrl }),
  getSession: z.strictObject({}),
  /** What the window's first screen needs, in one answer: session, project, documents, entities, and the document to open (by id, else the first). */
  // Any string: it is only looked up among the documents (a stale link opens the first instead).
  getStartup: z.strictObject({ documentId: z.string().max(300).optional() }),
  updateSession: z.strictObject({ annotator: AnnotatorName.optional(), theme: Theme.optional() }),
} as const;

export type ApiMethod = keyof typeof apiParams;

// The preload's list of names and these schemas must agree, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const API_METHODS_AGREE: Same<ApiMethod, ApiMethodName> = true;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiParams)[M]>;

/** The latest export of this session: `id` counts exports, so a caller can tell a new one from the last. */
export interface ExportProgress {
  id: number;
  done: number;
  total: number;
  finished: boolean;
  /** Set when it stopped on an error. */
  failed: string | null;
  /** Once finished: what the format could not hold (spans left out, and why). */
  notes: string[];
}

export interface Stamps {
  project: string;
  /** claims.json's stamp ('-' when there is none): the claims board reads it again when it changes. */
  claims: string;
  /** Annotator -> the version of their layer file of the document (null: none). */
  layers: Record<string, string | null>;
}

export interface ProjectInfo {
  root: string;
  manifest: ProjectManifest;
  annotators: string[];
  documentCount: number;
}

export interface LayerSummary {
  annotator: string;
  status: LayerStatus;
  spanCount: number;
}

export interface DocumentSummary {
  id: string;
  meta: DocumentMeta;
  /** Length of the text in code points. */
  length: number;
  layers: LayerSummary[];
}

/** One annotator's layer on a document, as read (and re-anchored) from disk. */
export interface LayerView {
  layer: AnnotationLayer;
  /** False until the annotator's first save of this document. */
  exists: boolean;
  moved: Moved[];
  unplaced: string[];
  /** The layer file's version when read (see getStamps, saveLayer); null when there is none yet. */
  stamp: string | null;
}

/** A document with one annotator's layer: what the editor opens. */
export interface DocumentView extends LayerView {
  document: SourceDocument;
}

export interface SaveResult {
  /** False when the layer on disk already held exactly these spans. */
  written: boolean;
  updatedAt: string;
  /** The layer file's version now: the base of the next save, and any other is someone else's. */
  stamp: string | null;
}

export interface NearDuplicate {
  documentId: string;
  title: string | null;
  /** Share of the shorter text's word 5-grams found in the other, 0..1. */
  similarity: number;
}

export type ImportOutcome =
  | { file: string; status: 'imported'; documentId: string; title: string | null; encoding: string; nearDuplicates: NearDuplicate[]; removedLines: FurnitureLine[]; keptFurniture: FurnitureLine[] }
  | { file: string; status: 'duplicate'; documentId: string; message: string }
  | { file: string; status: 'failed'; error: ErrorInfo };

/** A metadata sheet matched to the files of an import. */
export interface SheetMatch {
  sheet: string;
  /** Rows in the sheet, and how many matched a file. */
  rows: number;
  applied: number;
  /** File name (or address), as given, -> the metadata its row gives. */
  meta: Record<string, ImportMeta>;
  /** Every row that matches no file, every file without a row, every value that could not be used. */
  notes: string[];
}

export type ImportPreview = { file: string; furniture: FurnitureLine[] } | { file: string; error: ErrorInfo };

/** Annotations of a file that could not be placed: where (record, line, id), why, and how many (1 unless said). */
export interface ImportFailure {
  where: string;
  reason: string;
  /** How many annotations this entry stands for ("label PER: 42 spans"); 1 when absent. */
  count?: number;
}

/**
 * What one file of an annotation import gave: `annotations` counts every span and
 * relation read (and every annotation the file holds that Factmark cannot take, such as
 * a class of a whole text); `placed` are in the project now, `leftOut` are listed in
 * `failed` with why. `annotations` is always `placed + leftOut`.
 */
export interface ImportCounts {
  records: number;
  annotations: number;
  placed: number;
  leftOut: number;
}

export interface AnnotationImportOutcome {
  file: string;
  /** Spans added, per document id. */
  added: Record<string, number>;
  /** Annotations that could not be placed: where in the file (record, line, id) and why. */
  failed: ImportFailure[];
  /** Records (documents, tasks, annotations, .ann files) and annotations read, placed and left out. */
  counts?: ImportCounts;
  /** Documents this import made from records whose text the project lacked. */
  documentsAdded?: { documentId: string; from: string }[];
  /** What else the person importing should know (documents or labels added). */
  notes?: string[];
  error?: ErrorInfo;
}

export interface ExportResult {
  /** Null when the user cancelled the save dialog. */
  path: string | null;
  documents: number;
  spans: number;
  bytes: number;
  /** What the format could not hold, e.g. overlapping spans in token-level formats. */
  notes: string[];
}

export interface ProjectStats {
  documents: number;
  characters: number;
  annotators: string[];
  /** spans[label][annotator] = count; labels not in the schema are listed too. */
  spans: Record<string, Record<string, number>>;
  /** layerStatus[annotator][status] = number of documents. */
  layerStatus: Record<string, Record<LayerStatus, number>>;
}

export interface ValidationProblem {
  file: string;
  severity: 'error' | 'warning';
  spanId?: string;
  relationId?: string;
  message: string;
}

export interface ValidationReport {
  problems: ValidationProblem[];
  filesChecked: number;
}

export type { SyncConflict } from './merge/corpus-merge.js';

/** Where a project stands with its remote (see getSyncStatus). */
export interface SyncStatus {
  /** The project folder is a git repository of its own. */
  repository: boolean;
  /** The remote's address (never with a token in it), or null. */
  remote: string | null;
  branch: string | null;
  /** Where the remote's token comes from, or null when none is known. */
  token: 'environment' | 'settings' | 'keychain' | null;
  /** Commits here not yet on the remote, and there not yet here, as of the last fetch. */
  ahead: number;
  behind: number;
  /** The last sync that went all the way (ISO time), or null. */
  lastSync: string | null;
  /** The last try, whether or not it went all the way. */
  lastAttempt: string | null;
  /** The last try could not reach the remote: work goes on here, and the next sync sends it. */
  offline: boolean;
  /** What stopped the last try, or null. */
  error: ErrorInfo | null;
  /** Conflicts the last try found, each waiting for a choice. */
  conflicts: SyncConflict[];
  /** A sync is running now. */
  syncing: boolean;
}

export interface SyncResult {
  /** synced: sent and received all; conflicts: waiting for a choice; offline: committed here only. */
  outcome: 'synced' | 'conflicts' | 'offline';
  /** The commit message of this side's changes, when there were any. */
  committed: string | null;
  /** Files changed here by others' work. */
  received: number;
  /** Whether this side's commits went to the remote. */
  sent: boolean;
  conflicts: SyncConflict[];
  /** What the merge kept and why (a span changed on both machines, a label kept). */
  notes: string[];
  status: SyncStatus;
}

/** One event in a span's life, from the history of its layer file. */
export interface SpanHistoryEntry {
  what: 'created' | 'changed' | 'removed';
  /** Who committed it (the git author), or the layer's annotator for what is not committed yet. */
  by: string;
  /** ISO time of the commit, or of the change for what is not committed yet. */
  at: string;
  /** The commit, or null: on this machine only, not synced yet. */
  commit: string | null;
  /** For a change: what changed (label, bounds, note, or attribute ids). */
  fields: string[];
  label: string;
  text: string;
}

export interface SpanHistory {
  entries: SpanHistoryEntry[];
  /** False when the project is not in git: the entries then come from the span's own times. */
  tracked: boolean;
}

/** What accepting match proposals did. */
export interface AcceptedMatches {
  /** Canonical claims made for spans that restate each other. */
  created: string[];
  linked: number;
  /** Spans not linked: colleagues' (onlyOwn), and those whose proposal no longer holds (the span or its target deleted or linked since). */
  leftOut: string[];
}

/** The window's first screen (getStartup). */
export interface Startup {
  session: Session;
  project: ProjectInfo | null;
  documents: DocumentSummary[];
  entities: CanonicalEntity[];
  /** The document to open with the user's layer; null without documents or before the user has said who they are. */
  document: DocumentView | null;
}

/** Who is annotating and how the app looks: app settings, not project data. */
export interface Session {
  /** Null until the annotator has said who they are (asked once). */
  annotator: string | null;
  /** The OS user name made into an annotator name: the default to offer. */
  suggestedAnnotator: string;
  theme: Theme;
  recentProjects: string[];
}

export interface ApiResults {
  createProject: ProjectInfo;
  openProject: ProjectInfo;
  getProject: ProjectInfo | null;
  listDocuments: DocumentSummary[];
  getDocument: DocumentView;
  getLayer: LayerView;
  saveLayer: SaveResult;
  importTexts: ImportOutcome[];
  importUrls: ImportOutcome[];
  readMetadataSheet: SheetMatch;
  importAnnotations: AnnotationImportOutcome[];
  previewImport: ImportPreview[];
  exportCorpus: ExportResult;
  updateDocumentMeta: DocumentSummary;
  searchDocuments: string[];
  removeDocument: { removed: string };
  updateLabelSchema: ProjectInfo;
  getStats: ProjectStats;
  getAgreement: AgreementReport;
  getStamps: Stamps;
  getExportProgress: ExportProgress | null;
  suggest: Suggestion[];
  findOccurrences: { documentId: string; title: string | null; mentions: number; example: string }[];
  tagOccurrences: { added: Record<string, number>; failed: { where: string; reason: string }[] };
  listEntities: CanonicalEntity[];
  createEntity: CanonicalEntity;
  listClaims: CanonicalClaim[];
  getClaimsBoard: ClaimsBoard;
  changeClaims: CanonicalClaim[];
  linkClaimSpans: { linked: number; missing: string[] };
  matchClaims: { proposals: MatchProposal[]; threshold: number };
  acceptMatches: AcceptedMatches;
  validateProject: ValidationReport;
  getSyncStatus: SyncStatus;
  syncProject: SyncResult;
  setSyncToken: SyncStatus;
  getSpanHistory: SpanHistory;
  cloneProject: ProjectInfo;
  getSession: Session;
  getStartup: Startup;
  updateSession: Session;
}

export type FactmarkApi = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> };

/** What a transport sends back: a result, or an error the UI can show as it is. */
export type ApiResponse<M extends ApiMethod> = { ok: true; result: ApiResults[M] } | { ok: false; error: ErrorInfo };
