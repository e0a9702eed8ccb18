/**
 * A three-way merge of JSON values, for the project's shared files (factmark.json,
 * entities.json, claims.json and documents' metadata) when two people changed them
 * apart and git brings the two versions together. git's own merge works on lines and
 * writes conflict markers into the file; this one works on the values, so the result
 * is always JSON, and a conflict is a value changed two ways, never a broken file.
 *
 * - Objects merge field by field: alice recolours a label, bob renames it: both stay.
 * - Arrays of objects that each have a unique string `id` (labels, attributes, relation
 *   types, entities, claims) merge item by item, by id, as if they were objects keyed by
 *   id. An item deleted on one side and changed on the other is kept, changed (the change
 *   is someone's work), and reported.
 * - Arrays of distinct plain values (an entity's aliases, an enum's values) merge as sets:
 *   what either side added is in, what either side removed is out.
 * - Anything else changed two ways — the same field of the same item given two values —
 *   is a true conflict: `resolve` may say which side to take; unresolved, the result
 *   holds ours there and the conflict is returned, for a person to choose.
 */
import { sameValue } from '../model/layer-merge.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A step into a value: an object's key, or the item of an id-keyed array with that id. */
export type PathStep = string | { id: string };

/** One side's value at a place; undefined: absent there (not in the file, or deleted). */
export type Side = Json | undefined;

export type Choice = 'ours' | 'theirs';

export interface JsonConflict {
  path: PathStep[];
  base: Side;
  ours: Side;
  theirs: Side;
}

/** An item deleted on one side and changed on the other: kept as changed. */
export interface KeptItem {
  path: PathStep[];
  kept: Choice;
}

export interface JsonMergeOptions {
  /** Which side to take at a true conflict (a person's earlier choice); undefined: undecided. */
  resolve?: (conflict: JsonConflict) => Choice | undefined;
  /**
   * Places whose value is one thing, not merged field by field: a claim's verdict is a
   * rating with who gave it and when, and half of alice's verdict with half of bob's would
   * be nobody's. Changed two ways, such a value is one conflict between the two wholes.
   */
  atomic?: (path: readonly PathStep[]) => boolean;
}

export interface JsonMergeResult {
  value: Side;
  /** Conflicts nobody has decided; the value holds ours at each. */
  conflicts: JsonConflict[];
  /** Conflicts decided by `resolve`, with the choice. */
  resolved: (JsonConflict & { choice: Choice })[];
  kept: KeptItem[];
}

export function isJsonObject(value: Side): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array whose items are all objects with a string id, no id twice. */
export function isKeyedArray(value: Side): value is JsonObject[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isJsonObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

/** An array of distinct strings, numbers, booleans or nulls. */
function isPlainSet(value: Side): value is (string | number | boolean | null)[] {
  if (!Array.isArray(value)) return false;
  const seen = new Set<unknown>();
  for (const item of value) {
    if (typeof item === 'object' && item !== null) return false;
    if (seen.has(item)) return false;
    seen.add(item);
  }
  return true;
}

export function mergeJson(base: Side, ours: Side, theirs: Side, options: JsonMergeOptions = {}): JsonMergeResult {
  const result: JsonMergeResult = { value: undefined, conflicts: [], resolved: [], kept: [] };
  result.value = mergeAt([], base, ours, theirs, options, result);
  return result;
}

function mergeAt(path: PathStep[], base: Side, ours: Side, theirs: Side, options: JsonMergeOptions, out: JsonMergeResult): Side {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (options.atomic?.(path)) return conflictAt(path, base, ours, theirs, options, out);
  if (isJsonObject(ours) && isJsonObject(theirs)) return mergeObjects(path, isJsonObject(base) ? base : {}, ours, theirs, options, out);
  if (isKeyedArray(ours) && isKeyedArray(theirs) && (base === undefined || isKeyedArray(base) || !Array.isArray(base))) {
    return mergeKeyed(path, isKeyedArray(base) ? base : [], ours, theirs, options, out);
  }
  if (isPlainSet(ours) && isPlainSet(theirs) && (isPlainSet(base) || !Array.isArray(base))) {
    return mergeSets(isPlainSet(base) ? base : [], ours, theirs);
  }
  return conflictAt(path, base, ours, theirs, options, out);
}

/** A value changed two ways: the side a person chose, else ours for now, and the conflict. */
function conflictAt(path: PathStep[], base: Side, ours: Side, theirs: Side, options: JsonMergeOptions, out: JsonMergeResult): Side {
  const conflict: JsonConflict = { path, base, ours, theirs };
  const choice = options.resolve?.(conflict);
  if (choice) {
    out.resolved.push({ ...conflict, choice });
    return choice === 'ours' ? ours : theirs;
  }
  out.conflicts.push(conflict);
  return ours;
}

function mergeObjects(path: PathStep[], base: JsonObject, ours: JsonObject, theirs: JsonObject, options: JsonMergeOptions, out: JsonMergeResult): JsonObject {
  const merged: JsonObject = {};
  // Ours' order of keys, then the keys only theirs has: files stay in the order they had.
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !Object.hasOwn(ours, key))];
  for (const key of new Set([...keys, ...Object.keys(base)])) {
    const value = mergeAt([...path, key], own(base, key), own(ours, key), own(theirs, key), options, out);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function mergeKeyed(path: PathStep[], base: JsonObject[], ours: JsonObject[], theirs: JsonObject[], options: JsonMergeOptions, out: JsonMergeResult): JsonObject[] {
  const byId = (items: JsonObject[]) => new Map(items.map((item) => [item.id as string, item]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const merged = new Map<string, JsonObject>();
  const decide = (id: string): JsonObject | undefined => {
    const [was, mine, other] = [b.get(id), o.get(id), t.get(id)];
    if (was !== undefined && (mine === undefined) !== (other === undefined)) {
      // Deleted on one side. Unchanged on the other: deleted. Changed: kept, as changed.
      const left = mine ?? other;
      if (same(was, left)) return undefined;
      out.kept.push({ path: [...path, { id }], kept: mine ? 'ours' : 'theirs' });
      return left;
    }
    const value = mergeAt([...path, { id }], was, mine, other, options, out);
    return isJsonObject(value) ? value : undefined;
  };
  for (const id of o.keys()) {
    const item = decide(id);
    if (item) merged.set(id, item);
  }
  // Theirs' new items go after the item they follow in theirs (or first).
  const order = [...merged.keys()];
  let after: string | null = null;
  for (const id of t.keys()) {
    if (!o.has(id)) {
      const item = decide(id);
      if (item) {
        merged.set(id, item);
        const at: number = after === null ? 0 : order.indexOf(after) + 1;
        order.splice(at, 0, id);
        after = id;
        continue;
      }
    }
    if (merged.has(id)) after = id;
  }
  return order.map((id) => merged.get(id) as JsonObject);
}

function mergeSets<T extends string | number | boolean | null>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): T[] {
  const [b, o, t] = [new Set(base), new Set(ours), new Set(theirs)];
  const removedByTheirs = (item: T) => b.has(item) && !t.has(item);
  const result = ours.filter((item) => !removedByTheirs(item));
  let after: T | undefined;
  let placed = false;
  for (const item of theirs) {
    if (!o.has(item) && !b.has(item)) {
      const at = placed ? result.indexOf(after as T) + 1 : 0;
      result.splice(at, 0, item);
    }
    if (result.includes(item)) {
      after = item;
      placed = true;
    }
  }
  return result;
}

function own(object: JsonObject, key: string): Side {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function same(a: Side, b: Side): boolean {
  if (a === undefined || b === undefined) return a === b;
  return sameValue(a, b);
}

/** A path for people: labels › claim › name. */
export function describePath(path: readonly PathStep[]): string {
  return path.map((step) => (typeof step === 'string' ? step : step.id)).join(' › ');
}

/** The value at `path` in `value`, or undefined. */
export function valueAt(value: Side, path: readonly PathStep[]): Side {
  let current = value;
  for (const step of path) {
    if (typeof step === 'string') current = isJsonObject(current) ? own(current, step) : undefined;
    else current = Array.isArray(current) ? current.find((item) => isJsonObject(item) && item.id === step.id) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}
