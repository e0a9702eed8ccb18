/**
 * Where in a file a conflict is, said as the app says it: 'Label “Claim” › name',
 * 'Entity “K-1 air base” › kind', 'Claim “300 troops left” › verdict', rather than
 * `$.labels[0].name`. Names are read from the versions themselves (ours first).
 */
import type { CorpusFileKind } from './corpus-files.js';
import { isJsonObject, valueAt, type PathStep, type Side } from './json-merge.js';

const ITEM_NAMES: Record<string, string> = {
  labels: 'Label',
  attributes: 'attribute',
  relationTypes: 'Relation type',
  entities: 'Entity',
  claims: 'Claim',
  spans: 'Span',
  relations: 'Relation',
};

/** Fields that name an item, in the order tried. */
const NAME_FIELDS = ['name', 'title', 'text', 'wording', 'statement', 'exact'];

export function describeConflictPlace(kind: CorpusFileKind, path: readonly PathStep[], versions: { base: Side; ours: Side; theirs: Side }): string {
  const parts: string[] = [];
  if (kind === 'document') parts.push('Document');
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as PathStep;
    if (typeof step === 'string') {
      const next = path[i + 1];
      // "labels" followed by an item is said by the item ("Label “Claim”").
      if (next !== undefined && typeof next !== 'string' && ITEM_NAMES[step]) continue;
      parts.push(step);
      continue;
    }
    const container = path[i - 1];
    const noun = typeof container === 'string' ? (ITEM_NAMES[container] ?? 'item') : 'item';
    const item = [versions.ours, versions.theirs, versions.base].map((version) => valueAt(version, path.slice(0, i + 1))).find(isJsonObject);
    const name = item ? NAME_FIELDS.map((field) => item[field]).find((value): value is string => typeof value === 'string' && value.length > 0) : undefined;
    parts.push(name ? `${noun} “${shorten(name)}”` : `${noun} ${step.id}`);
  }
  return parts.length ? parts.join(' › ') : 'the whole file';
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
