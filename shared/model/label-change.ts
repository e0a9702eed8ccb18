/**
 * Changing a project's labels: what the new schema is, with renamed labels followed by
 * everything that names them — relation types (a type left with no label at one end
 * goes) and references to spans of a label ("span:entity") — and what a span's label
 * becomes. A rename must name a label that exists and one the new schema has.
 */
import { FactmarkError } from '../errors.js';
import type { Span } from './annotations.js';
import type { LabelDef, RelationTypeDef } from './labels.js';
import type { ProjectManifest } from './project.js';
import { plural } from '../text/plural.js';

export interface LabelChange {
  labels: LabelDef[];
  relationTypes: RelationTypeDef[];
  /** Whether a span of this label is renamed. */
  renames: (label: string) => boolean;
  /** A span's label in the new schema. */
  rename: (label: string) => string;
  /** Whether the new schema has this label (after renaming). */
  keeps: (label: string) => boolean;
}

export function planLabelChange(current: ProjectManifest, labels: readonly LabelDef[], relationTypes: readonly RelationTypeDef[] | undefined, renames: Readonly<Record<string, string>>): LabelChange {
  const renamed = new Map(Object.entries(renames).filter(([from, to]) => from !== to));
  const rename = (id: string) => renamed.get(id) ?? id;
  const kept = new Set(labels.map((label) => label.id));
  for (const [from, to] of renamed) {
    if (!current.labels.some((label) => label.id === from)) throw new FactmarkError('BAD_INPUT', `There is no label "${from}" to rename`);
    if (!kept.has(to)) throw new FactmarkError('BAD_INPUT', `Label "${from}" is renamed to "${to}", which is not in the new schema`);
  }
  return {
    labels: labels.map((label) => ({
      ...label,
      attributes: label.attributes.map((attribute) => (attribute.type === 'ref' ? { ...attribute, to: attribute.to.map((target) => (target.startsWith('span:') ? `span:${rename(target.slice('span:'.length))}` : target)) } : attribute)),
    })),
    relationTypes: (relationTypes ?? current.relationTypes)
      .map((type) => ({ ...type, from: type.from.map(rename).filter((id) => kept.has(id)), to: type.to.map(rename).filter((id) => kept.has(id)) }))
      .filter((type) => type.from.length > 0 && type.to.length > 0),
    renames: (label) => renamed.has(label),
    rename,
    keeps: (label) => kept.has(rename(label)),
  };
}

/** The spans with their labels renamed; the same array when none is. */
export function renameSpans(spans: Span[], change: LabelChange): Span[] {
  return spans.some((span) => change.renames(span.label)) ? spans.map((span) => (change.renames(span.label) ? { ...span, label: change.rename(span.label) } : span)) : spans;
}

/** Labels that would disappear while spans still use them: refused, with how many. */
export function labelsStillInUse(inUse: ReadonlyMap<string, number>): FactmarkError | null {
  if (inUse.size === 0) return null;
  const counts = [...inUse].map(([label, count]) => `"${label}" is used by ${plural(count, 'span')}`).join('; ');
  return new FactmarkError('BAD_INPUT', `Cannot remove labels still in use: ${counts}. Delete or relabel those spans first.`);
}
