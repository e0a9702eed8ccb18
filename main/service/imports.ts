/**
 * Bringing things in: articles (from files at paths the CLI or a native dialog gave, or
 * bytes the window holds), a preview of their page furniture, and annotations made
 * elsewhere in any import format (from files or bytes), each file on its own so one bad
 * file does not stop the others.
 */
import type { AnnotationImportOutcome, ImportMeta, ImportOutcome, ImportPreview, SheetMatch } from '../../shared/api.js';
import { toErrorInfo } from '../../shared/errors.js';
import type { ImportFormatId } from '../../shared/formats/catalog.js';
import { DOCUMENT_FORMAT } from '../../shared/model/document.js';
import { findInCorpus, findInToolRecords, findInW3C, mergeFoundLayers, readCorpus, type Found } from '../importers/annotation-import.js';
import { expandArchives, readSourcePaths, type SourceFile } from '../importers/annotation-sources.js';
import { furnitureOf, readAnyArticle, readArticleFile } from '../importers/article-file.js';
import { importBrat } from '../importers/brat-import.js';
import { decodeText } from '../importers/decode.js';
import { Importer } from '../importers/importer.js';
import { matchSheet, readMetadataSheet as readSheet, readMetadataSheetFile } from '../importers/metadata-sheet.js';
import { readWebAddress } from '../importers/web-page.js';
import type { ServiceContext } from './context.js';

/** Whose layers annotations go into (a Factmark corpus without one keeps each layer's own). */
interface AnnotationsImport {
  format: ImportFormatId;
  annotator?: string | undefined;
}

export interface ArticleImport {
  meta: ImportMeta;
  importedBy: string | null;
}

/** Each file on its own, with its attachments (an e-mail's PDF) as documents of their own. */
export async function importFilesAt({ store, now }: ServiceContext, options: ArticleImport & { paths: readonly string[]; trimFurniture: boolean; fileMeta: Record<string, ImportMeta> }): Promise<ImportOutcome[]> {
  const importer = new Importer(store, options.meta, options.importedBy, now);
  const outcomes: ImportOutcome[] = [];
  for (const file of options.paths) outcomes.push(...(await importer.addWithAttachments(file, () => readArticleFile(file), options.trimFurniture ? 'furniture' : [], { meta: options.fileMeta[file] ?? {} })));
  return outcomes;
}

/** Files the window holds (dropped, chosen, pasted), with the furniture lines chosen to go. */
export async function importTexts({ store, now }: ServiceContext, options: ArticleImport & { files: readonly { name: string; data: string; removeLines: number[]; meta?: ImportMeta | undefined }[] }): Promise<ImportOutcome[]> {
  const importer = new Importer(store, options.meta, options.importedBy, now);
  const outcomes: ImportOutcome[] = [];
  for (const file of options.files) outcomes.push(...(await importer.addWithAttachments(file.name, () => readAnyArticle(Buffer.from(file.data, 'base64'), file.name), file.removeLines, { meta: file.meta ?? {} })));
  return outcomes;
}

/** Articles at web addresses, fetched here (a URL is no path on this machine); each address on its own, as files are. */
export async function importUrls({ store, now }: ServiceContext, options: ArticleImport & { urls: readonly string[]; urlMeta: Record<string, ImportMeta>; trimFurniture: boolean }): Promise<ImportOutcome[]> {
  const importer = new Importer(store, options.meta, options.importedBy, now);
  const outcomes: ImportOutcome[] = [];
  for (const url of options.urls) outcomes.push(...(await importer.addWithAttachments(url, () => readWebAddress(url, { now }), options.trimFurniture ? 'furniture' : [], { meta: options.urlMeta[url] ?? {} })));
  return outcomes;
}

/** A metadata sheet the window holds, matched to the names of the files about to be imported. */
export function readMetadataSheet({ sheet, files }: { sheet: { name: string; data: string }; files: readonly string[] }): SheetMatch {
  return matchSheet(readSheet(Buffer.from(sheet.data, 'base64'), sheet.name), files);
}

/** The same from a sheet at a path (the CLI's --metadata); its notes say what did not match. */
export async function metadataSheetAt({ path, files }: { path: string; files: readonly string[] }): Promise<SheetMatch> {
  return matchSheet(await readMetadataSheetFile(path), files);
}

/** Reads files as an import would, and lists the page furniture found in each. */
export async function previewImport(files: readonly { name: string; data: string }[]): Promise<ImportPreview[]> {
  const previews: ImportPreview[] = [];
  for (const file of files) {
    try {
      previews.push({ file: file.name, furniture: furnitureOf(await readAnyArticle(Buffer.from(file.data, 'base64'), file.name)) });
    } catch (error) {
      previews.push({ file: file.name, error: toErrorInfo(error) });
    }
  }
  return previews;
}

/** Annotations from files the window holds (bytes), zips opened. */
export async function importAnnotations(context: ServiceContext, { format, annotator, files }: AnnotationsImport & { files: readonly { name: string; data: string }[] }): Promise<AnnotationImportOutcome[]> {
  const outcomes: AnnotationImportOutcome[] = [];
  const sources: SourceFile[] = [];
  for (const file of files) {
    try {
      sources.push(...expandArchives([{ name: file.name, bytes: Buffer.from(file.data, 'base64') }]));
    } catch (error) {
      outcomes.push({ file: file.name, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return importAnnotationSources(context, format, annotator, sources, outcomes);
}

/** The same from files and folders at paths: folders walked, zips opened, only regular files read. */
export async function importAnnotationsAt(context: ServiceContext, { format, annotator, paths }: AnnotationsImport & { paths: readonly string[] }): Promise<AnnotationImportOutcome[]> {
  const outcomes: AnnotationImportOutcome[] = [];
  const sources: SourceFile[] = [];
  for (const file of paths) {
    try {
      sources.push(...expandArchives(await readSourcePaths([file])));
    } catch (error) {
      outcomes.push({ file, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return importAnnotationSources(context, format, annotator, sources, outcomes);
}

async function importAnnotationSources(context: ServiceContext, format: ImportFormatId, annotator: string | undefined, sources: readonly SourceFile[], outcomes: AnnotationImportOutcome[]): Promise<AnnotationImportOutcome[]> {
  const { store, now } = context;
  if (format === 'brat') {
    // Nothing could be read: those failures say why; "no .ann files here" would not.
    if (sources.length === 0 && outcomes.length > 0) return outcomes;
    return [...outcomes, ...(await importBrat(store, sources, new Importer(store, {}, annotator ?? null, now), annotator as string, now()))];
  }
  for (const source of sources) {
    try {
      const text = decodeText(source.bytes, source.name).text;
      const found = await findAnnotations(context, format, text, source.name);
      const merged = await mergeFoundLayers(store, found.layers, annotator ?? null, now());
      outcomes.push({ file: source.name, added: merged.added, failed: [...found.failed, ...merged.failed] });
    } catch (error) {
      outcomes.push({ file: source.name, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return outcomes;
}

async function findAnnotations({ store, now }: ServiceContext, format: Exclude<ImportFormatId, 'brat'>, text: string, file: string): Promise<Found> {
  const documents = async () => Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
  if (format === 'w3c') return findInW3C(text, file, await documents(), store.manifest.labels.map((label) => label.id), now());
  if (format === 'spacy' || format === 'doccano' || format === 'label-studio') return findInToolRecords(format, text, file, await documents(), now());
  // A Factmark corpus carries its documents: the ones the project lacks are added.
  const corpus = readCorpus(format, text, file);
  if (corpus.entities) await store.addEntities(corpus.entities);
  if (corpus.claims) await store.addClaims(corpus.claims);
  const known = new Set(await store.listDocumentIds());
  for (const doc of corpus.documents) {
    if (known.has(doc.id)) continue;
    const { annotations: _a, ...fields } = doc;
    await store.addDocument({ format: DOCUMENT_FORMAT, version: 1, ...fields });
  }
  return findInCorpus(corpus.documents, await documents());
}
