/**
 * Which label of the project each label (or relation type) of an imported file goes to.
 * Other tools name their types as they like ("PER", "Entity", "B-12"): a name is taken
 * as the person importing renamed it (`--map SOURCE=label`), then as it is, then as a
 * label that differs only in case ("Entity" is the label "entity"), and, when asked
 * (`--add-labels`), added to the schema with a free key and a colour. Whatever stays
 * unknown is said once per name with the number of annotations it holds, never refused
 * silently or one line per span.
 */
import type { LabelDef, RelationTypeDef } from '../../model/labels.js';
import { withNewLabels } from '../../model/new-labels.js';

export interface LabelOptions {
  /** Add the labels and relation types the schema lacks. */
  addLabels: boolean;
  /** Source name → label id, applied first. */
  map: Readonly<Record<string, string>>;
}

export const NO_LABEL_OPTIONS: LabelOptions = { addLabels: false, map: {} };

export interface LabelPlan {
  /** The schema after what this import adds. */
  labels: LabelDef[];
  relationTypes: RelationTypeDef[];
  /** A source label's label id, or null when it has none. */
  label(source: string): string | null;
  /** A source relation type's id, or null when it has none. */
  relationType(source: string): string | null;
  /** Why a source label has no label id. */
  why(source: string): string;
  /** What the person importing should know: renamings and additions. */
  notes: string[];
}

/** Finds a name among ids: exactly, or else the one id that differs only in case. */
function matchName(name: string, ids: readonly string[]): { id: string; byCase: boolean } | null {
  if (ids.includes(name)) return { id: name, byCase: false };
  const lower = name.toLowerCase();
  const same = ids.filter((id) => id.toLowerCase() === lower);
  return same.length === 1 ? { id: same[0] as string, byCase: true } : null;
}

/**
 * Plans the labels for `sources` (the labels a file uses) and `relations` (its relation
 * types, with the source labels found at their ends).
 */
export function planLabels(sources: Iterable<string>, relations: Iterable<{ type: string; from: string; to: string }>, schema: { labels: readonly LabelDef[]; relationTypes: readonly RelationTypeDef[] }, options: LabelOptions): LabelPlan {
  const resolved = new Map<string, string | null>();
  const reasons = new Map<string, string>();
  const notes: string[] = [];
  const byCase: string[] = [];
  const mapped: string[] = [];
  const toAdd: string[] = [];
  const ids = schema.labels.map((label) => label.id);
  for (const source of new Set(sources)) {
    const target = options.map[source];
    if (target !== undefined) {
      if (ids.includes(target) || options.addLabels) {
        resolved.set(source, target);
        mapped.push(`${source} → ${target}`);
        if (!ids.includes(target)) toAdd.push(target);
      } else {
        resolved.set(source, null);
        reasons.set(source, `--map ${source}=${target} names no label of the project (--add-labels adds it)`);
      }
      continue;
    }
    const match = matchName(source, ids);
    if (match) {
      resolved.set(source, match.id);
      if (match.byCase) byCase.push(`${source} → ${match.id}`);
    } else if (options.addLabels) {
      resolved.set(source, source);
      toAdd.push(source);
    } else {
      resolved.set(source, null);
      reasons.set(source, `the project's schema has no label "${source}": adding the labels the files use (--add-labels) adds it, --map ${source}=LABEL puts it under a label you have`);
    }
  }
  const { labels, added, noKey } = withNewLabels(schema.labels, [...new Set(toAdd)]);
  for (const name of noKey) {
    for (const [source, target] of resolved) {
      if (target !== name) continue;
      resolved.set(source, null);
      reasons.set(source, `no key is free for a new label "${name}" (labels take 0-9 and a-z): free one under Labels…, or --map ${source}=LABEL`);
    }
  }
  if (mapped.length) notes.push(`labels renamed as asked: ${mapped.join(', ')}`);
  if (byCase.length) notes.push(`labels matched regardless of case: ${byCase.join(', ')}`);
  if (added.length) notes.push(`labels added to the schema: ${added.join(', ')}`);

  // Relation types: as they are, regardless of case, or added with the labels found at
  // their ends.
  const relationTypes = schema.relationTypes.map((type) => ({ ...type }));
  const types = new Map<string, string | null>();
  const newTypes: string[] = [];
  const typeCase: string[] = [];
  for (const relation of relations) {
    const from = resolved.get(relation.from) ?? null;
    const to = resolved.get(relation.to) ?? null;
    const known = types.get(relation.type);
    if (known !== undefined) {
      // A type added by this import takes every pair of labels it is found between.
      const added = known !== null && newTypes.includes(known) ? relationTypes.find((type) => type.id === known) : undefined;
      if (added && from && to) {
        added.from = [...new Set([...added.from, from])];
        added.to = [...new Set([...added.to, to])];
      }
      continue;
    }
    const match = matchName(relation.type, relationTypes.map((type) => type.id));
    if (match) {
      types.set(relation.type, match.id);
      if (match.byCase && !typeCase.includes(relation.type)) typeCase.push(`${relation.type} → ${match.id}`);
    } else if (options.addLabels && from && to) {
      relationTypes.push({ id: relation.type, name: relation.type, from: [from], to: [to] });
      newTypes.push(relation.type);
      types.set(relation.type, relation.type);
    } else {
      types.set(relation.type, null);
    }
  }
  if (typeCase.length) notes.push(`relation types matched regardless of case: ${typeCase.join(', ')}`);
  if (newTypes.length) notes.push(`relation types added to the schema: ${newTypes.join(', ')}`);
  return {
    labels,
    relationTypes,
    label: (source) => resolved.get(source) ?? null,
    relationType: (source) => types.get(source) ?? null,
    why: (source) => reasons.get(source) ?? `the project's schema has no label "${source}"`,
    notes,
  };
}
