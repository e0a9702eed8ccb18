/**
 * After the files of a sync are merged one by one, what ties them together is made whole
 * again: the label schema in factmark.json and the labels the layers' spans use.
 *
 * Renaming a label's id (the Labels dialog) rewrites every span of that label, in every
 * annotator's layer on that machine. Meanwhile a colleague may have tagged new spans with
 * the old id. So, from the files themselves:
 *
 * - A rename is seen where a side removed label X, added label Y, and spans that had X
 *   in the base have Y on that side. The other side's spans of X (which the renaming side
 *   never saw) follow: X becomes Y.
 * - The same label renamed two ways (X to Y here, X to Z there) is a true conflict: the
 *   person chooses, and the spans and schema follow the choice.
 * - A label removed on one side while the other side's spans use it is kept (restored
 *   from the side that still has it): removing it would leave spans with no label.
 * - Labels both sides added with the same shortcut key: the later one gets a free key.
 * - Relation types naming a label that is gone drop it.
 */
import type { AnnotationLayer, Span } from '../model/annotations.js';
import type { ConflictAsk } from './corpus-merge.js';
import { isJsonObject, type Json, type JsonObject, type Side } from './json-merge.js';

export interface LayerSides {
  path: string;
  base: AnnotationLayer | undefined;
  ours: AnnotationLayer | undefined;
  theirs: AnnotationLayer | undefined;
  /** The merged layer (a value to change), or undefined when it is not one. */
  merged: Side;
}

export interface ManifestSides {
  base: Side;
  ours: Side;
  theirs: Side;
  merged: JsonObject;
}

const KEYS = '123456789abcdefghijklmnopqrstuvwxyz0';

function labelsOf(manifest: Side): JsonObject[] {
  return isJsonObject(manifest) && Array.isArray(manifest.labels) ? manifest.labels.filter(isJsonObject) : [];
}

function idsOf(manifest: Side): Set<string> {
  return new Set(labelsOf(manifest).map((label) => String(label.id)));
}

/** Label X to label Y, as seen in what one side did to spans it shared with the base. */
function renamesBy(base: Side, side: Side, layers: readonly LayerSides[], pick: (layer: LayerSides) => AnnotationLayer | undefined): Map<string, string> {
  const [before, after] = [idsOf(base), idsOf(side)];
  const removed = new Set([...before].filter((id) => !after.has(id)));
  const added = new Set([...after].filter((id) => !before.has(id)));
  const found = new Map<string, string>();
  if (removed.size === 0 || added.size === 0) return found;
  const votes = new Map<string, Map<string, number>>();
  for (const layer of layers) {
    const [was, now] = [layer.base, pick(layer)];
    if (!was || !now) continue;
    const earlier = new Map(was.spans.map((span) => [span.id, span.label]));
    for (const span of now.spans) {
      const from = earlier.get(span.id);
      if (from === undefined || from === span.label || !removed.has(from) || !added.has(span.label)) continue;
      const counts = votes.get(from) ?? new Map<string, number>();
      counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
      votes.set(from, counts);
    }
  }
  for (const [from, counts] of votes) found.set(from, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string);
  return found;
}

export function followLabels(manifest: ManifestSides, layers: readonly LayerSides[], conflict: ConflictAsk): { manifest: JsonObject; notes: string[] } {
  const notes: string[] = [];
  let labels = labelsOf(manifest.merged);
  const ours = renamesBy(manifest.base, manifest.ours, layers, (layer) => layer.ours);
  const theirs = renamesBy(manifest.base, manifest.theirs, layers, (layer) => layer.theirs);

  // Old id -> new id, for spans whose label the merged schema lacks.
  const mapping = new Map<string, string>();
  const dropped = new Set<string>();
  for (const from of new Set([...ours.keys(), ...theirs.keys()])) {
    const [here, there] = [ours.get(from), theirs.get(from)];
    if (here && there && here !== there) {
      const choice = conflict(
        { file: 'factmark.json', kind: 'label-rename', where: `Label “${from}”: its new id`, path: ['labels', { id: from }, 'id'], base: from, ours: here, theirs: there },
        ['factmark.json', 'label-rename', from, here, there],
      );
      if (!choice) continue;
      const [kept, other] = choice === 'ours' ? [here, there] : [there, here];
      mapping.set(from, kept);
      mapping.set(other, kept);
      dropped.add(other);
      continue;
    }
    const to = (here ?? there) as string;
    mapping.set(from, to);
  }
  if (dropped.size) labels = labels.filter((label) => !dropped.has(String(label.id)));

  // The spans follow renames, then labels the spans still need come back.
  const known = () => new Set(labels.map((label) => String(label.id)));
  let present = known();
  const followed = new Map<string, number>();
  for (const layer of layers) {
    if (!isJsonObject(layer.merged) || !Array.isArray(layer.merged.spans)) continue;
    let changed = false;
    const spans = layer.merged.spans.map((span) => {
      if (!isJsonObject(span) || typeof span.label !== 'string' || present.has(span.label)) return span;
      const to = mapping.get(span.label);
      if (to === undefined || !present.has(to)) return span;
      changed = true;
      followed.set(`${span.label}\u0000${to}`, (followed.get(`${span.label}\u0000${to}`) ?? 0) + 1);
      return { ...span, label: to };
    });
    if (changed) layer.merged = { ...layer.merged, spans };
  }
  for (const [pair, count] of followed) {
    const [from, to] = pair.split('\u0000');
    notes.push(`factmark.json: label “${from}” is now “${to}”; ${count === 1 ? '1 span follows' : `${count} spans follow`} it`);
  }

  const sources = [manifest.ours, manifest.theirs, manifest.base].map(labelsOf);
  for (const layer of layers) {
    if (!isJsonObject(layer.merged) || !Array.isArray(layer.merged.spans)) continue;
    for (const span of layer.merged.spans as Partial<Span>[]) {
      const id = span.label;
      if (typeof id !== 'string' || present.has(id)) continue;
      const definition = sources.map((list) => list.find((label) => label.id === id)).find((found) => found !== undefined);
      if (!definition) continue;
      labels = [...labels, definition];
      present = known();
      notes.push(`factmark.json: label “${id}” was removed on one side, but ${layer.path} uses it; it is kept`);
    }
  }

  labels = freeKeys(labels, notes);
  const relationTypes = Array.isArray(manifest.merged.relationTypes) ? relationTypesFor(manifest.merged.relationTypes, present, mapping) : manifest.merged.relationTypes;
  const result: JsonObject = { ...manifest.merged, labels };
  if (relationTypes !== undefined) result.relationTypes = relationTypes;
  return { manifest: sameLabels(labels, labelsOf(manifest.merged)) && relationTypes === manifest.merged.relationTypes ? manifest.merged : result, notes };
}

/** Two labels with one shortcut key (both sides added one): the later gets the first free key. */
function freeKeys(labels: JsonObject[], notes: string[]): JsonObject[] {
  const taken = new Set<string>();
  const clashes = labels.filter((label) => {
    const key = String(label.key);
    if (taken.has(key)) return true;
    taken.add(key);
    return false;
  });
  if (clashes.length === 0) return labels;
  return labels.map((label) => {
    if (!clashes.includes(label)) return label;
    const key = [...KEYS].find((candidate) => !taken.has(candidate));
    if (key === undefined) return label;
    taken.add(key);
    notes.push(`factmark.json: label “${String(label.id)}” had key ${String(label.key)}, as another label does; its key is now ${key}`);
    return { ...label, key };
  });
}

function relationTypesFor(types: Json[], present: ReadonlySet<string>, mapping: ReadonlyMap<string, string>): Json[] {
  let changed = false;
  const ends = (ids: Json): Json => {
    if (!Array.isArray(ids)) return ids;
    const next = [...new Set(ids.map((id) => (typeof id === 'string' && !present.has(id) ? (mapping.get(id) ?? id) : id)).filter((id) => typeof id !== 'string' || present.has(id)))];
    if (next.length !== ids.length || next.some((id, i) => id !== ids[i])) changed = true;
    return next;
  };
  const result = types
    .map((type) => (isJsonObject(type) ? { ...type, from: ends(type.from ?? []), to: ends(type.to ?? []) } : type))
    .filter((type) => !isJsonObject(type) || ((type.from as Json[]).length > 0 && (type.to as Json[]).length > 0));
  return changed || result.length !== types.length ? result : types;
}

function sameLabels(a: readonly JsonObject[], b: readonly JsonObject[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}
