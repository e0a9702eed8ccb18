/**
 * The host contract: what the command line and the desktop app's main process may ask
 * of the service beyond the api (shared/api.ts). These calls name files — paths the
 * person typed on the command line or chose in a native dialog — so they are carried by
 * no transport: neither IPC nor HTTP can reach them, and the renderer never names a file.
 * Each has a zod schema, checked by the service like the api's.
 */
import { z } from 'zod';
import { AnnotationImportOptions, annotatorWhereNeeded, apiParams, ImportMeta } from './api.js';
import { EXPORT_FORMAT_IDS, IMPORT_FORMAT_IDS, type ExportFormatId } from './formats/catalog.js';
import { AnnotatorName, DocumentId } from './model/common.js';

const Paths = z.array(z.string().min(1)).min(1);

export const hostParams = {
  /** Articles at these paths, each on its own. */
  importFilesAt: z.strictObject({
    paths: Paths,
    meta: ImportMeta.default({}),
    importedBy: AnnotatorName.nullable().default(null),
    /** Remove every line found as page furniture (each is reported in the outcome). */
    trimFurniture: z.boolean().default(false),
    /** Metadata of some files (a metadata sheet's rows, see metadataSheetAt), by the path as given; it wins over `meta`. */
    fileMeta: z.record(z.string(), ImportMeta).default({}),
  }),
  /** The metadata sheet at `path` (the CLI's --metadata), matched to the files and addresses about to be imported. */
  metadataSheetAt: z.strictObject({ path: z.string().min(1), files: z.array(z.string().min(1)) }),
  /** Annotations in files and folders at these paths (folders walked, zips opened). */
  importAnnotationsAt: z
    .strictObject({ paths: Paths, format: z.enum(IMPORT_FORMAT_IDS), annotator: AnnotatorName.optional(), ...AnnotationImportOptions.shape })
    .refine(annotatorWhereNeeded, { path: ['annotator'], message: 'say whose layers the annotations go into' }),
  /** An export written to a file (the command line's --out, the desktop's save dialog). */
  exportToFile: apiParams.exportCorpus.extend({ path: z.string().min(1) }),
  /** An export as pieces: the browser's download, the command line's standard output. */
  exportChunks: apiParams.exportCorpus,
  /** What an export is called when it is saved. */
  exportName: z.strictObject({ format: z.enum(EXPORT_FORMAT_IDS as [ExportFormatId, ...ExportFormatId[]]), documentIds: z.array(DocumentId).optional() }),
  /** The project's document ids: the folder listing alone, no file read. */
  documentIds: z.strictObject({}),
  /** A sync as the annotator the command line names (the app syncs as its session's annotator). */
  syncProjectAs: apiParams.syncProject.extend({ annotator: AnnotatorName }),
  /** Suggestions written into a layer as spans (`suggest --apply`). */
  applySuggestions: z.strictObject({ documentId: DocumentId, annotator: AnnotatorName }),
} as const;

export type HostMethod = keyof typeof hostParams;
export type HostParams<M extends HostMethod> = z.input<(typeof hostParams)[M]>;
