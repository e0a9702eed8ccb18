/**
 * "Tag all occurrences": from an entity span, the same words elsewhere in the document,
 * and the other names of its canonical entity ("K1", "K-1", "K-1 Air Base"), suggested
 * with the span's label and attributes. Whole words only, so "K-1" is not found inside
 * "K-15"; places already tagged with that label are left out.
 */
import type { Span } from '../model/annotations.js';
import type { CanonicalEntity } from '../model/entities.js';
import { findAll } from '../text/find.js';
import { createOffsetIndex } from '../text/offsets.js';
import type { Suggestion } from './suggestion.js';

const WORD = /[\p{L}\p{N}]/u;

export function occurrenceSuggestions(text: string, span: Span, registry: readonly CanonicalEntity[], layer: readonly Span[]): Suggestion[] {
  const entityId = typeof span.attributes.entityId === 'string' ? span.attributes.entityId : null;
  const entity = entityId ? registry.find((candidate) => candidate.id === entityId) : undefined;
  const names = [...new Set([span.quote.exact, ...(entity ? [entity.name, ...entity.aliases] : [])])].sort((a, b) => b.length - a.length);
  const index = createOffsetIndex(text);
  const taken = layer.filter((other) => other.label === span.label);
  const found: Suggestion[] = [];
  for (const name of names) {
    for (const match of findAll(text, name)) {
      // Whole words: no letter or digit just before or after.
      if (WORD.test(text.charAt(match.start - 1)) || WORD.test(text.charAt(match.end))) continue;
      const start = index.toCodePoint(match.start);
      const end = index.toCodePoint(match.end);
      // Longer names first: a shorter one inside a longer one already found is not offered.
      if ([...taken, ...found].some((other) => other.start < end && start < other.end)) continue;
      found.push({ label: span.label as Suggestion['label'], start, end, text: text.slice(match.start, match.end), attributes: { ...span.attributes }, group: entityId ?? span.quote.exact.toLowerCase(), reason: name === span.quote.exact ? `same as “${span.quote.exact}”` : `another name of ${entity?.name ?? name}` });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
