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
import { DoccanoLabelList } from '../../shared/formats/doccano/decode.js';
import type { LabelOptions } from '../../shared/formats/labels/plan.js';
import { plural } from '../../shared/text/plural.js';
import { findInCorpus, findInW3C, mergeFoundLayers, readCorpus, type Found } from '../importers/annotation-import.js';
import { applyLabels } from '../importers/label-apply.js';
import { withCounts } from '../importers/import-counts.js';
import { findInRecords } from '../importers/record-import.js';
import { expandArchives, readSourcePaths, type SourceFile } from '../importers/annotation-sources.js';
import { furnitureOf, readAnyArticle, readArticleFile } from '../importers/article-file.js';
import { importBrat } from '../importers/brat-import.js';
import { decodeText } from '../importers/decode.js';
import { Importer } from '../importers/importer.js';
import { matchSheet, readMetadataSheet as readSheet, readMetadataSheetFile } from '../importers/metadata-sheet.js';
import { readWebAddress } from '../importers/web-page.js';
import type { ServiceContext } from './context.js';

/** Whose layers annotations go into (a Factmark corpus without one keeps each layer's own), and how labels are taken. */
interface AnnotationsImport {
  format: ImportFormatId;
  annotator?: string | undefined;
  addLabels?: boolean | undefined;
  labelMap?: Readonly<Record<string, string>> | undefined;
  doccanoLabels?: Readonly<Record<string, string>> | undefined;
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
export async function importAnnotations(context: ServiceContext, { files, ...options }: AnnotationsImport & { files: readonly { name: string; data: string }[] }): Promise<AnnotationImportOutcome[]> {
  const outcomes: AnnotationImportOutcome[] = [];
  const sources: SourceFile[] = [];
  for (const file of files) {
    try {
      sources.push(...expandArchives([{ name: file.name, bytes: Buffer.from(file.data, 'base64') }]));
    } catch (error) {
      outcomes.push({ file: file.name, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return importAnnotationSources(context, options, sources, outcomes);
}

/** The same from files and folders at paths: folders walked, zips opened, only regular files read. */
export async function importAnnotationsAt(context: ServiceContext, { paths, ...options }: AnnotationsImport & { paths: readonly string[] }): Promise<AnnotationImportOutcome[]> {
  const outcomes: AnnotationImportOutcome[] = [];
  const sources: SourceFile[] = [];
  for (const file of paths) {
    try {
      sources.push(...expandArchives(await readSourcePaths([file])));
    } catch (error) {
      outcomes.push({ file, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return importAnnotationSources(context, options, sources, outcomes);
}

async function importAnnotationSources(context: ServiceContext, options: AnnotationsImport, sources: readonly SourceFile[], outcomes: AnnotationImportOutcome[]): Promise<AnnotationImportOutcome[]> {
  const { store, now } = context;
  const { format, annotator } = options;
  const labels: LabelOptions = { addLabels: options.addLabels ?? false, map: options.labelMap ?? {} };
  if (format === 'brat') {
    // Nothing could be read: those failures say why; "no .ann files here" would not.
    if (sources.length === 0 && outcomes.length > 0) return outcomes;
    return [...outcomes, ...(await importBrat(store, sources, new Importer(store, {}, annotator ?? null, now), annotator as string, labels, now()))];
  }
  const doccano = format === 'doccano' ? doccanoLabelFiles(sources, options.doccanoLabels) : { names: undefined, files: new Set<SourceFile>(), notes: new Map<SourceFile, string>() };
  for (const source of sources) {
    if (doccano.files.has(source)) {
      outcomes.push(withCounts({ file: source.name, added: {}, failed: [], notes: [doccano.notes.get(source) ?? 'doccano\'s label list: names the label ids of the other files'] }, { records: 0, annotations: 0 }));
      continue;
    }
    try {
      const text = decodeText(source.bytes, source.name).text;
      const found = await findAnnotations(context, format, text, source.name, doccano.names, annotator ?? null);
      const labelled = await applyLabels(store, found.layers, labels);
      const merged = await mergeFoundLayers(store, labelled.layers, annotator ?? null, now());
      const outcome: AnnotationImportOutcome = {
        file: source.name,
        added: merged.added,
        failed: [...found.failed, ...labelled.failed, ...merged.failed],
        ...(found.documentsAdded?.length ? { documentsAdded: found.documentsAdded } : {}),
      };
      const notes = [...(found.notes ?? []), ...labelled.notes];
      if (notes.length) outcome.notes = notes;
      outcomes.push(withCounts(outcome, found, merged.relations));
    } catch (error) {
      outcomes.push({ file: source.name, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return outcomes;
}

/**
 * doccano 1.x names labels by id: the names come from the option, or from doccano's
 * label export among the files (labels.json, or any JSON list of {id, text}).
 */
function doccanoLabelFiles(sources: readonly SourceFile[], given: Readonly<Record<string, string>> | undefined) {
  const files = new Set<SourceFile>();
  const notes = new Map<SourceFile, string>();
  let names: Map<string, string> | undefined = given ? new Map(Object.entries(given)) : undefined;
  for (const source of sources) {
    if (!/\.json$/i.test(source.name)) continue;
    const list = DoccanoLabelList.safeParse(safeJson(decodeText(source.bytes, source.name).text));
    if (!list.success || list.data.length === 0) continue;
    files.add(source);
    if (names) notes.set(source, 'doccano\'s label list, not used: the label names were given');
    else {
      names = new Map(list.data.map((label) => [String(label.id), label.text]));
      notes.set(source, `doccano's label list: names ${plural(list.data.length, 'label id')} of the other files`);
    }
  }
  return { names, files, notes };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function findAnnotations(context: ServiceContext, format: Exclude<ImportFormatId, 'brat'>, text: string, file: string, doccanoLabels: ReadonlyMap<string, string> | undefined, importedBy: string | null): Promise<Found> {
  const { store, now } = context;
  const documents = async () => Promise.all((await store.listDocumentIds()).map((id) => store.readDocument(id)));
  if (format === 'w3c') return findInW3C(text, file, await documents(), now());
  if (format === 'spacy' || format === 'doccano' || format === 'label-studio' || format === 'conll') {
    const found = await findInRecords(store, format, text, file, { doccanoLabels, importedBy, now: now() });
    // Label Studio's own names, kept for the export to give back (the first import's).
    if (found.labelStudio && !store.manifest.interchange?.labelStudio) await store.writeManifest({ ...store.manifest, interchange: { ...store.manifest.interchange, labelStudio: { ...found.labelStudio } } });
    return found;
  }
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
