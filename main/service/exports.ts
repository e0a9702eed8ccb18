/**
 * Exporting the corpus: one way of encoding it, piece by piece with one document in
 * memory at a time, that the download (web.ts), the file (the CLI's --out, the desktop's
 * save dialog) and the CLI's standard output all take. How the latest export goes is
 * kept for getExportProgress, whichever way it is written.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportProgress, ExportResult } from '../../shared/api.js';
import { FactmarkError, toErrorInfo } from '../../shared/errors.js';
import { EXPORT_FORMATS, type ExportFormatId } from '../../shared/formats/catalog.js';
import { corpusHeader } from '../../shared/formats/factmark-json/encode.js';
import { exportFileName } from '../../shared/formats/file-name.js';
import type { CorpusDocument, CorpusLayer } from '../../shared/model/corpus.js';
import { DOCUMENT_FORMAT } from '../../shared/model/document.js';
import { bratFiles } from '../../shared/formats/brat/encode.js';
import type { CorpusHeader } from '../../shared/formats/factmark-json/encode.js';
import { ENCODERS } from '../formats/registry.js';
import { makeFolder, writeFileAtomically } from '../store/files.js';
import { writeExportFile } from '../store/export-target.js';
import { layerIndex, type ServiceContext } from './context.js';

export interface ExportOptions {
  format: ExportFormatId;
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

export type ExportStream = AsyncGenerator<string | Uint8Array, ExportTotals>;

/** The latest export's progress, kept by the service (one per service, as one app runs one). */
export interface ExportTracker {
  latest: ExportProgress | null;
}

/** How the latest export goes: a copy, which the caller cannot see change under it (in-process callers share memory). */
/**
 * The api's export (exportCorpus) writes nowhere, since the window cannot name a file: the
 * IPC binding answers it with a save dialog, and the browser downloads instead.
 */
export function exportNowhere(): never {
  throw new FactmarkError('BAD_INPUT', 'An export is saved where you choose: the desktop app asks with a save dialog, the browser downloads it');
}

export function latestProgress(tracker: ExportTracker): ExportProgress | null {
  return tracker.latest ? { ...tracker.latest, notes: [...tracker.latest.notes] } : null;
}

/** The export as pieces; `tracker.latest` follows it to its end, however it ends. */
export async function* exportStream(context: ServiceContext, tracker: ExportTracker, options: ExportOptions): ExportStream {
  const progress: ExportProgress = { id: (tracker.latest?.id ?? 0) + 1, done: 0, total: 0, finished: false, failed: null, notes: [] };
  tracker.latest = progress;
  let completed = false;
  try {
    const totals = yield* encodeCorpus(context, options, progress);
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

/** What an export is encoded by: the format's encoder, or brat's files for a folder. */
interface PieceEncoder<T> {
  head(header: CorpusHeader): T;
  document(doc: CorpusDocument): T;
  tail(): T;
  notes?(): string[];
}

function encodeCorpus(context: ServiceContext, options: ExportOptions, progress: ExportProgress): ExportStream {
  return encodeWith(context, options, progress, ENCODERS[options.format](), (piece) => piece.length > 0);
}

async function* encodeWith<T>({ store, now }: ServiceContext, options: ExportOptions, progress: ExportProgress, encoder: PieceEncoder<T>, worth: (piece: T) => boolean): AsyncGenerator<T, ExportTotals> {
  const { format: _f, version: _v, ...project } = store.manifest;
  const entities = (await store.readEntities()).entities;
  const claims = (await store.readClaims()).claims;
  yield encoder.head(corpusHeader({ exportedAt: now().toISOString(), project, entities, ...(claims.length ? { claims } : {}) }));
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
    if (worth(piece)) yield piece;
    documents++;
    progress.done = documents;
    options.onProgress?.(documents, wantedIds.length);
  }
  yield encoder.tail();
  return { documents, spans, notes: encoder.notes?.() ?? [] };
}

/**
 * Writes an export to `path` (checked by the facade as a host path). A folder, a device or a path under a missing folder is
 * refused; the file is replaced atomically, so a failure (a full disk) leaves what was there.
 */
export async function exportToFile(context: ServiceContext, tracker: ExportTracker, { path: file, ...options }: ExportOptions & { path: string }): Promise<ExportResult> {
  const target = path.resolve(file);
  if (options.format === 'brat' && (/[\\/]$/.test(file) || (await isFolder(target)))) return exportBratFolder(context, tracker, target, options);
  let totals: ExportTotals = { documents: 0, spans: 0, notes: [] };
  const chunks = exportStream(context, tracker, options);
  async function* pieces() {
    totals = yield* chunks;
  }
  const bytes = await writeExportFile(target, pieces());
  return { path: target, bytes, ...totals };
}

/**
 * What an export is called when it is saved: after the project, the document when it is
 * one, and the format ("k1-hand-over.conll").
 */
export async function exportName({ store }: ServiceContext, options: { format: ExportFormatId; documentIds?: readonly string[] | undefined }): Promise<string> {
  const only = options.documentIds?.length === 1 ? options.documentIds[0] : undefined;
  const title = only ? (await store.documentSummary(only)).meta.title : null;
  return exportFileName(store.manifest.name, EXPORT_FORMATS[options.format], title);
}

async function isFolder(target: string): Promise<boolean> {
  return stat(target).then((found) => found.isDirectory(), () => false);
}

/**
 * brat to a folder, as brat keeps a collection: annotation.conf at the top and a folder
 * per annotator of `.txt` and `.ann` files (the folder is made when missing). Each file
 * is written atomically; files already there that this export does not write are left.
 */
async function exportBratFolder(context: ServiceContext, tracker: ExportTracker, folder: string, options: ExportOptions): Promise<ExportResult> {
  const progress: ExportProgress = { id: (tracker.latest?.id ?? 0) + 1, done: 0, total: 0, finished: false, failed: null, notes: [] };
  tracker.latest = progress;
  const files = bratFiles();
  let bytes = 0;
  try {
    await makeFolder(folder);
    const pieces = encodeWith(context, options, progress, { head: files.head, document: files.document, tail: () => [] }, (piece) => piece.length > 0);
    for (let next = await pieces.next(); ; next = await pieces.next()) {
      if (next.done) return { path: folder, bytes, ...next.value };
      for (const file of next.value) {
        await writeFileAtomically(path.join(folder, ...file.name.split('/')), file.text);
        bytes += Buffer.byteLength(file.text);
      }
    }
  } catch (error) {
    progress.failed = toErrorInfo(error).message;
    throw error;
  } finally {
    progress.finished = true;
  }
}
