/**
 * A brat collection into a project: each `.ann` with the `.txt` beside it. The text
 * becomes a document (or is found, when the project has it already); the annotations go
 * into a layer. An annotation.conf among the files adds the types the project's schema
 * lacks, so a brat corpus can be brought in whole.
 */
import type { AnnotationImportOutcome } from '../../shared/api.js';
import { toErrorInfo } from '../../shared/errors.js';
import { NORMALIZATION_ATTRIBUTE, parseBrat } from '../../shared/formats/brat/decode.js';
import type { LabelOptions } from '../../shared/formats/labels/plan.js';
import { narrowConf, parseAnnotationConf, schemaWithConf, type BratConf } from '../../shared/formats/brat/conf.js';
import type { Span } from '../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../shared/model/entities.js';
import { validateWith } from '../../shared/model/parse.js';
import { ProjectManifest } from '../../shared/model/project.js';
import type { ProjectStore } from '../store/project-store.js';
import { readArticle } from './article-file.js';
import { mergeFoundLayers } from './annotation-import.js';
import type { SourceFile } from './annotation-sources.js';
import { decodeText } from './decode.js';
import type { Importer } from './importer.js';
import { applyLabels } from './label-apply.js';
import { withCounts } from './import-counts.js';

const withoutExtension = (name: string) => name.replace(/\.[^./]+$/, '');
const folderOf = (name: string) => name.replace(/[\\/]?[^\\/]*$/, '');

/**
 * The annotation.conf that applies to a file: in its folder, or else the nearest one up
 * the tree, as brat looks for it.
 */
function confFor(file: string, confs: ReadonlyMap<string, SourceFile>): SourceFile | undefined {
  for (let dir = folderOf(file); ; dir = folderOf(dir)) {
    const found = confs.get(dir);
    if (found || dir === '') return found;
  }
}

export async function importBrat(store: ProjectStore, sources: readonly SourceFile[], importer: Importer, annotator: string, labels: LabelOptions, now: Date): Promise<AnnotationImportOutcome[]> {
  const outcomes: AnnotationImportOutcome[] = [];
  const confs = new Map(sources.filter((source) => source.name.split(/[\\/]/).pop() === 'annotation.conf').map((source) => [folderOf(source.name), source]));
  const annotations = sources.filter((source) => source.name.endsWith('.ann'));
  // The confs that some .ann file goes by (all of them when there is none, to say what is wrong with them).
  const used = annotations.length ? [...new Set(annotations.map((ann) => confFor(ann.name, confs)).filter((conf): conf is SourceFile => conf !== undefined))] : [...confs.values()];
  if (used.length) outcomes.push(...(await applyConfs(store, used, typesIn(annotations))));

  const texts = new Map(sources.filter((source) => source.name.endsWith('.txt')).map((source) => [withoutExtension(source.name), source]));
  if (annotations.length === 0) {
    outcomes.push({ file: sources.map((source) => source.name).join(', '), added: {}, failed: [], error: { code: 'BAD_INPUT', message: 'No brat .ann files here: choose .ann files with their .txt files, a folder of them, or a zip' } });
  }
  for (const ann of annotations) {
    const file = ann.name;
    try {
      const txt = texts.get(withoutExtension(file));
      if (!txt) throw new Error(`${file} has no ${withoutExtension(file)}.txt beside it: brat's offsets need the text they were made on`);
      const added = await importer.add(txt.name, async () => readArticle(txt.bytes, txt.name));
      if (added.status === 'failed') throw new Error(added.error.message);
      const doc = await store.readDocument(added.documentId);
      const parsed = parseBrat(decodeText(ann.bytes, file).text, doc.text, now);
      const entities = await registerNormalizations(store, parsed.spans);
      const labelled = await applyLabels(store, [{ documentId: doc.id, annotator: null, spans: parsed.spans, relations: parsed.relations, origin: new Map([...parsed.spans.map((span) => [span.id, span.id] as const), ...parsed.relations.map((relation) => [relation.id, relation.id] as const)]) }], labels);
      const merged = await mergeFoundLayers(store, labelled.layers, annotator, now);
      const conf = confFor(file, confs);
      const outcome: AnnotationImportOutcome = {
        file,
        added: merged.added,
        failed: [...parsed.skipped.map((line) => ({ where: `line ${line.line}`, reason: `${line.reason}: ${line.text}` })), ...labelled.failed, ...merged.failed],
        notes: [...(conf ? [`types from ${conf.name}`] : []), ...labelled.notes, ...(entities ? [`added ${entities} canonical entities from N lines`] : [])],
      };
      if (added.status === 'imported') outcome.documentsAdded = [{ documentId: doc.id, from: txt.name }];
      outcomes.push(withCounts(outcome, { records: 1, annotations: parsed.spans.length + parsed.relations.length + parsed.skipped.length }, merged.relations));
    } catch (error) {
      outcomes.push({ file, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  return outcomes;
}

/**
 * N lines name entities in outside resources ("Wikipedia:534366"): each becomes a
 * canonical entity of the project (named by the N line, or the span's text), so the
 * reference is kept and can be merged with the project's own entities later.
 */
async function registerNormalizations(store: ProjectStore, spans: Span[]): Promise<number> {
  const entities: CanonicalEntity[] = [];
  for (const span of spans) {
    const id = span.attributes[NORMALIZATION_ATTRIBUTE];
    if (typeof id !== 'string') continue;
    const { [`${NORMALIZATION_ATTRIBUTE}Name`]: name, ...attributes } = span.attributes;
    span.attributes = attributes;
    if (!entities.some((entity) => entity.id === id)) entities.push({ id, name: typeof name === 'string' && name ? name : span.quote.exact, kind: span.label, aliases: [] });
  }
  return entities.length ? store.addEntities(entities) : 0;
}

/** The entity and event types the .ann files use (T and E lines). */
function typesIn(annotations: readonly SourceFile[]): Set<string> {
  const types = new Set<string>();
  for (const ann of annotations) {
    for (const line of decodeText(ann.bytes, ann.name).text.split(/\r?\n/)) {
      const type = /^[TE]\d+\t([^\s:]+)/.exec(line)?.[1];
      if (type) types.add(type);
    }
  }
  return types;
}

/**
 * Reads every annotation.conf and adds what they declare to the project's schema. A conf
 * that declares more types than there are free label keys adds the types the files use
 * (and says which it left), as a corpus whose scheme is bigger than its files is common.
 */
async function applyConfs(store: ProjectStore, confs: readonly SourceFile[], used: ReadonlySet<string>): Promise<AnnotationImportOutcome[]> {
  const merged: BratConf = { entities: [], relations: [], attributes: [], events: [] };
  const outcomes: AnnotationImportOutcome[] = [];
  for (const source of confs) {
    try {
      const { conf, problems } = parseAnnotationConf(decodeText(source.bytes, source.name).text);
      for (const key of ['entities', 'relations', 'attributes', 'events'] as const) (merged[key] as unknown[]).push(...conf[key]);
      // Its lines declare types, not annotations: what is wrong with one counts none.
      outcomes.push({ file: source.name, added: {}, failed: problems.map((problem) => ({ where: `line ${problem.line}`, reason: problem.reason, count: 0 })), counts: { records: 0, annotations: 0, placed: 0, leftOut: 0 } });
    } catch (error) {
      outcomes.push({ file: source.name, added: {}, failed: [], error: toErrorInfo(error) });
    }
  }
  const first = outcomes[0] as AnnotationImportOutcome;
  const notes: string[] = [];
  const events = [...new Set(merged.events)];
  if (events.length) notes.push(`event types are not modelled: their trigger words are kept as spans with the type as label, and each event (E line) is reported by line: ${events.join(', ')}`);
  let schema = schemaWithConf(merged, store.manifest.labels, store.manifest.relationTypes);
  if (!schema) {
    const narrow = narrowConf(merged, used);
    schema = schemaWithConf(narrow.conf, store.manifest.labels, store.manifest.relationTypes);
    if (!schema) {
      first.error = { code: 'BAD_INPUT', message: 'the .ann files use more entity types than there are free label keys (0-9, a-z); add the labels you need under Labels… first' };
      return outcomes;
    }
    notes.push(`annotation.conf declares more types than there are free label keys (0-9, a-z): only the ${narrow.conf.entities.length + narrow.conf.events.length} the files use were added; not added: ${narrow.left.join(', ')}`);
  }
  const manifest = { ...store.manifest, labels: schema.labels, relationTypes: schema.relationTypes };
  if (JSON.stringify(manifest) !== JSON.stringify(store.manifest)) {
    // Checked as a whole before it is written: a conf that makes the schema invalid
    // changes nothing.
    await store.writeManifest(validateWith(ProjectManifest, manifest, 'factmark.json', 'annotation.conf would make the label schema invalid'));
    if (schema.added.length) notes.push(`added labels from annotation.conf: ${schema.added.join(', ')}`);
  }
  if (notes.length) first.notes = notes;
  return outcomes;
}
