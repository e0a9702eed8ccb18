/**
 * Merging two versions of a project, file by file, as a sync does when both sides have
 * changed since they last met (the base). What git would merge by lines is merged here
 * by meaning, so that no file ever holds conflict markers or invalid JSON:
 *
 * - a layer (annotations/<annotator>/<doc>.json) span by span (model/layer-merge.ts:
 *   one annotator's own file, changed on two machines; a span changed on both keeps the
 *   newer change, as a save conflict does);
 * - factmark.json, entities.json, claims.json and a document's metadata by value, item by
 *   item by id and field by field (json-merge.ts); the same field changed two ways is a
 *   true conflict, for a person to choose; claims.json with what its fields mean
 *   (claims-merge.ts: a verdict is one value, the workflow's history a log);
 * - then what ties the files together is made whole again (labels.ts): a label renamed on
 *   one side renames the other side's new spans too; a label or document deleted on one
 *   side while the other side's spans still use it is kept; so is a claim they link to;
 * - .gitignore as a set of lines; any other file (a README) whole: changed on both sides,
 *   one version or the other, chosen by a person.
 *
 * Every result is checked against its file's schema. One that fails (it cannot, but the
 * rule is "never write a broken file", not "trust the merge") becomes a conflict between
 * the two whole versions, each of which is valid.
 */
import { mergeLayers, type LayerContent, type MergeReport } from '../model/layer-merge.js';
import type { AnnotationLayer } from '../model/annotations.js';
import { stringifyFactmarkFile } from '../model/parse.js';
import { conflictId } from './conflict-id.js';
import { keepPointedAtClaims, mergeClaims } from './claims-merge.js';
import { checkCorpusFile, corpusFileKind, isJsonKind, type CorpusFileKind } from './corpus-files.js';
import { describeConflictPlace } from './describe.js';
import { isJsonObject, mergeJson, type Choice, type Json, type JsonConflict, type JsonObject, type PathStep, type Side } from './json-merge.js';
import { followLabels, type LayerSides } from './labels.js';

/** One file as it is in the base, in ours and in theirs (null: not there). */
export interface FileSides {
  path: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

/** The merged file: its text, or null when it is deleted. */
export interface MergedFile {
  path: string;
  text: string | null;
}

/**
 * What a person must choose between. `value`: one field of one item (a label's name, a
 * claim's verdict) changed two ways; `file`: two whole versions of a file; `label-rename`:
 * one label given two new ids.
 */
export interface SyncConflict {
  /** Stable for the same file, place and versions (conflict-id.ts): a choice is sent back by it. */
  id: string;
  file: string;
  kind: 'value' | 'file' | 'label-rename';
  /** Where, for people: 'Label “Claim” › name'. */
  where: string;
  path: PathStep[];
  /** The versions (absent: not there, or deleted). For `file`, the texts. */
  base?: Json;
  ours?: Json;
  theirs?: Json;
}

export interface CorpusMergeOptions {
  /** Choices a person made, by conflict id. */
  resolutions?: Readonly<Record<string, Choice>>;
  /** Who "theirs" is, for notes ("bob's"); "the other side's" by default. */
  theirsName?: string;
}

export interface CorpusMergeResult {
  files: MergedFile[];
  /** Undecided: while any is left, the merge must not be committed. */
  conflicts: SyncConflict[];
  /** How many conflicts the resolutions decided. */
  resolved: number;
  /** What people should know: what was kept, and why. */
  notes: string[];
}

interface Work {
  path: string;
  kind: CorpusFileKind;
  sides: FileSides;
  base: Side;
  ours: Side;
  theirs: Side;
  /** The merged value (JSON kinds), undefined when deleted; or the text itself. */
  result: { value: Side } | { text: string | null };
}

export function mergeCorpusFiles(files: readonly FileSides[], options: CorpusMergeOptions = {}): CorpusMergeResult {
  const out: CorpusMergeResult = { files: [], conflicts: [], resolved: 0, notes: [] };
  const theirsName = options.theirsName ? `${options.theirsName}'s` : "the other side's";
  const choose = (id: string) => options.resolutions?.[id];
  const conflict = (item: Omit<SyncConflict, 'id'>, parts: readonly unknown[]): Choice | undefined => {
    const id = conflictId(parts);
    const choice = choose(id);
    if (choice) out.resolved++;
    else out.conflicts.push({ id, ...item });
    return choice;
  };

  const work: Work[] = [];
  for (const sides of files) {
    const kind = corpusFileKind(sides.path);
    work.push(isJsonKind(kind) ? mergeJsonFile(sides, kind, out, conflict, theirsName) : mergeTextFile(sides, kind, out, conflict));
  }

  const layers: LayerSides[] = work.filter((item) => item.kind === 'layer').map((item) => ({
    path: item.path,
    base: item.base as AnnotationLayer | undefined,
    ours: item.ours as AnnotationLayer | undefined,
    theirs: item.theirs as AnnotationLayer | undefined,
    get merged() {
      return 'value' in item.result ? item.result.value : undefined;
    },
    set merged(value: Side) {
      item.result = { value };
    },
  }));
  const manifest = work.find((item) => item.kind === 'manifest');
  if (manifest && 'value' in manifest.result && isJsonObject(manifest.result.value)) {
    const followed = followLabels({ base: manifest.base, ours: manifest.ours, theirs: manifest.theirs, merged: manifest.result.value }, layers, conflict);
    manifest.result = { value: followed.manifest };
    out.notes.push(...followed.notes);
  }
  keepAnnotatedDocuments(work, out);
  keepLinkedClaims(work, out);

  for (const item of work) out.files.push({ path: item.path, text: finalText(item, out, conflict) });
  return out;
}

export type ConflictAsk = (item: Omit<SyncConflict, 'id'>, parts: readonly unknown[]) => Choice | undefined;

function mergeJsonFile(sides: FileSides, kind: CorpusFileKind, out: CorpusMergeResult, conflict: ConflictAsk, theirsName: string): Work {
  const read = (text: string | null) => (text === null ? null : checkCorpusFile(kind, sides.path, text));
  const [base, ours, theirs] = [read(sides.base), read(sides.ours), read(sides.theirs)];
  const value = (checked: ReturnType<typeof read>): Side => (checked?.ok ? checked.value : undefined);
  const item: Work = { path: sides.path, kind, sides, base: value(base), ours: value(ours), theirs: value(theirs), result: { text: sides.ours } };
  // Ours as a value where it is one, so that what ties files together (labels.ts) can
  // still change it; untouched, it is written back as its own text.
  if (ours === null || ours.ok) item.result = { value: item.ours };
  const oursChanged = sides.ours !== sides.base;
  const theirsChanged = sides.theirs !== sides.base;
  const broken = (checked: ReturnType<typeof read>) => checked !== null && !checked.ok;

  if (!theirsChanged || sides.ours === sides.theirs) return item;
  if (!oursChanged) {
    // Only theirs changed: theirs, unless it is a file Factmark would refuse to read
    // (a hand edit gone wrong, conflict markers from a merge made by hand). A file of a
    // newer Factmark is theirs to write: it goes through as it is, never rewritten.
    if (theirs && !theirs.ok && theirs.error.code !== 'NEWER_VERSION') {
      out.notes.push(`${sides.path}: ${theirsName} version is not a valid file (${theirs.error.message}); yours is kept`);
      return item;
    }
    item.result = theirs?.ok ? { value: item.theirs } : { text: sides.theirs };
    return item;
  }
  if (broken(ours) || broken(theirs)) return wholeFileConflict(item, conflict);
  if (kind === 'layer') {
    item.result = { value: mergeLayerFiles(item, out, conflict) };
    return item;
  }
  const merge = kind === 'claims' ? mergeClaims : mergeJson;
  const merged = merge(item.base, item.ours, item.theirs, { resolve: (found) => decideValue(item.path, kind, found, item, conflict) });
  for (const kept of merged.kept) out.notes.push(`${item.path}: ${describeConflictPlace(kind, kept.path, item)} was deleted on one side and changed on the other; the changed version is kept`);
  item.result = { value: merged.value };
  return item;
}

/** A true conflict inside a JSON file: a choice already made, or one to ask for. */
function decideValue(path: string, kind: CorpusFileKind, found: JsonConflict, item: Work, conflict: ConflictAsk): Choice | undefined {
  const where = describeConflictPlace(kind, found.path, item);
  return conflict({ file: path, kind: 'value', where, path: found.path, ...present(found) }, [path, 'value', found.path, found.base ?? null, found.ours ?? null, found.theirs ?? null]);
}

function present(versions: { base: Side; ours: Side; theirs: Side }): { base?: Json; ours?: Json; theirs?: Json } {
  return { ...(versions.base !== undefined ? { base: versions.base } : {}), ...(versions.ours !== undefined ? { ours: versions.ours } : {}), ...(versions.theirs !== undefined ? { theirs: versions.theirs } : {}) };
}

function wholeFileConflict(item: Work, conflict: ConflictAsk): Work {
  const { base, ours, theirs } = item.sides;
  const choice = conflict(
    { file: item.path, kind: 'file', where: 'the whole file', path: [], ...present({ base: base ?? undefined, ours: ours ?? undefined, theirs: theirs ?? undefined }) },
    [item.path, 'file', base, ours, theirs],
  );
  item.result = { text: choice === 'theirs' ? theirs : ours };
  return item;
}

/**
 * One annotator's layer changed on two machines (or relabelled by a colleague's label
 * rename): spans and relations by id (layer-merge.ts), the layer's other fields by value.
 */
function mergeLayerFiles(item: Work, out: CorpusMergeResult, conflict: ConflictAsk): Side {
  const [base, ours, theirs] = [item.base, item.ours, item.theirs] as (AnnotationLayer | undefined)[];
  if (!ours || !theirs) {
    // Deleted on one side, changed on the other: the changed one is work, and kept.
    out.notes.push(`${item.path}: deleted on one side and changed on the other; the changed version is kept`);
    return (ours ?? theirs) as Side;
  }
  const content = (layer: AnnotationLayer | undefined): LayerContent => ({
    spans: layer?.spans ?? [],
    relations: layer?.relations ?? [],
    status: layer?.status ?? 'not-started',
    ...(layer?.review ? { review: layer.review } : {}),
    ...(layer?.rejectedSuggestions ? { rejectedSuggestions: layer.rejectedSuggestions } : {}),
  });
  const { merged, report } = mergeLayers(content(base), content(ours), content(theirs));
  noteLayerReport(item.path, report, out);
  // The rest of the layer (its header, fields of newer Factmarks) by value; updatedAt is the later one.
  const rest = (layer: AnnotationLayer | undefined): Side => {
    if (!layer) return undefined;
    const { spans: _spans, relations: _relations, status: _status, review: _review, rejectedSuggestions: _rejected, updatedAt: _updatedAt, ...others } = layer;
    return others as Json;
  };
  const others = mergeJson(rest(base), rest(ours), rest(theirs), { resolve: (found) => decideValue(item.path, 'layer', found, item, conflict) });
  const updatedAt = ours.updatedAt > theirs.updatedAt ? ours.updatedAt : theirs.updatedAt;
  return { ...(others.value as JsonObject), updatedAt, ...(merged as unknown as JsonObject) };
}

function noteLayerReport(path: string, report: MergeReport, out: CorpusMergeResult): void {
  for (const found of report.conflicts) {
    const what = found.kept === 'restored' ? found.reason : found.reason.replace('this window', 'your').replace('the other window', 'the other side').replace('in the other window', 'on the other side');
    out.notes.push(`${path}: ${found.kind} ${found.id}: ${what}`);
  }
}

/** .gitignore by lines, as a set; any other file whole. */
function mergeTextFile(sides: FileSides, kind: CorpusFileKind, out: CorpusMergeResult, conflict: ConflictAsk): Work {
  const item: Work = { path: sides.path, kind, sides, base: undefined, ours: undefined, theirs: undefined, result: { text: sides.ours } };
  if (sides.theirs === sides.base || sides.ours === sides.theirs) return item;
  if (sides.ours === sides.base) {
    item.result = { text: sides.theirs };
    return item;
  }
  if (kind === 'gitignore' && sides.ours !== null && sides.theirs !== null) {
    const lines = (text: string | null) => (text ?? '').split('\n').filter((line) => line !== '');
    const merged = mergeJson(lines(sides.base), lines(sides.ours), lines(sides.theirs));
    if (Array.isArray(merged.value) && merged.conflicts.length === 0) {
      item.result = { text: `${merged.value.join('\n')}\n` };
      return item;
    }
  }
  if (sides.ours === null || sides.theirs === null) {
    out.notes.push(`${sides.path}: deleted on one side and changed on the other; the changed version is kept`);
    item.result = { text: sides.ours ?? sides.theirs };
    return item;
  }
  return wholeFileConflict(item, conflict);
}

/**
 * A document deleted on one side (removed from the project before anyone annotated it)
 * while the other side annotated it: the document stays, or the layer would point at
 * nothing.
 */
function keepAnnotatedDocuments(work: Work[], out: CorpusMergeResult): void {
  const annotated = new Set(work.filter((item) => item.kind === 'layer' && ('value' in item.result ? item.result.value !== undefined : item.result.text !== null)).map((item) => item.path.split('/')[2]));
  for (const item of work) {
    if (item.kind !== 'document' || !annotated.has(item.path.split('/')[1])) continue;
    const deleted = 'value' in item.result ? item.result.value === undefined : item.result.text === null;
    if (!deleted) continue;
    const kept = item.ours ?? item.theirs ?? item.base;
    if (kept === undefined) continue;
    item.result = { value: kept };
    out.notes.push(`${item.path}: deleted on one side, but annotated on the other; it is kept`);
  }
}

/**
 * A claim deleted on one side while the other side linked a span to it (or merged another
 * claim into it): the claim stays, or the link would point at nothing.
 */
function keepLinkedClaims(work: Work[], out: CorpusMergeResult): void {
  const claims = work.find((item) => item.kind === 'claims');
  if (!claims || !('value' in claims.result) || !isJsonObject(claims.result.value)) return;
  const pointedAt = new Set<string>();
  for (const item of work) {
    if (item.kind !== 'layer' || !('value' in item.result)) continue;
    for (const span of (item.result.value as AnnotationLayer | undefined)?.spans ?? []) {
      for (const value of Object.values(span.attributes).flat()) if (typeof value === 'string') pointedAt.add(value);
    }
  }
  const { value, kept } = keepPointedAtClaims(claims.result.value, [claims.ours, claims.theirs, claims.base], pointedAt);
  if (kept.length === 0) return;
  claims.result = { value };
  out.notes.push(`${claims.path}: ${kept.map((id) => `claim ${id}`).join(', ')} deleted on one side, but linked on the other; kept`);
}

/** The file's text: a side's own text when the merge kept it as it was, else written as Factmark writes files. */
function finalText(item: Work, out: CorpusMergeResult, conflict: ConflictAsk): string | null {
  if ('text' in item.result) return item.result.text;
  const value = item.result.value;
  if (value === undefined) return null;
  if (value === item.ours) return item.sides.ours;
  if (value === item.theirs) return item.sides.theirs;
  const text = stringifyFactmarkFile(value);
  const checked = checkCorpusFile(item.kind, item.path, text);
  if (checked.ok) return stringifyFactmarkFile(checked.value);
  out.notes.push(`${item.path}: the merged file would not be valid (${checked.error.message}); choose one whole version`);
  const fallback = wholeFileConflict(item, conflict);
  return 'text' in fallback.result ? fallback.result.text : item.sides.ours;
}
