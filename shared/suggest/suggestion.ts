/**
 * What the suggesters propose: a span that is not in any layer until the analyst accepts
 * it. Offsets are code points, like spans. Plain data, so the CLI prints it as JSON and
 * the app shows it as a dashed highlight.
 */
import type { AttributeValue } from '../model/annotations.js';

export type SuggestedLabel = 'date' | 'entity' | 'claim';

export interface Suggestion {
  label: SuggestedLabel;
  /** Code point offsets, end exclusive. */
  start: number;
  end: number;
  /** The text at [start, end). */
  text: string;
  /** Filled in on the span when accepted: a date's TIMEX3 value and type, an entity's kind and canonical entity. */
  attributes: Record<string, AttributeValue>;
  /** Mentions of the same thing share a group (entities: a normalized name or canonical entity id). */
  group?: string;
  /** A claim's likely claimant: where in the text, so the entity span there can be referred to. */
  claimant?: { start: number; end: number; text: string };
  /**
   * How likely the analyst is to accept it, 0 to 1: a rough estimate from how it was found
   * (entity-confidence.ts; for claims, the check-worthiness of claims.ts), for sorting and
   * for the panel's threshold.
   */
  confidence?: number;
  /** Why it was suggested, in a few words ("reported speech: said"). */
  reason: string;
}

/** A stable key for a suggestion (or a span, or a rejection), to tell what was decided: label and offsets. */
export const suggestionKey = (item: { label: string; start: number; end: number }) => `${item.label}:${item.start}-${item.end}`;
