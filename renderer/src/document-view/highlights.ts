/**
 * What is painted over the text with the CSS Custom Highlight API, without touching the
 * DOM Lexical owns: the selected span's fill, a span flashed after a jump, find results
 * and suggestions. Spans themselves are drawn as marks (span-marks.ts). Also the label
 * colours, per theme, that marks and lists read.
 */
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { OffsetIndex } from '../../../shared/text/offsets.js';
import { patternBackground, patternOf } from './mark-patterns.js';
import type { TextView } from './text-view.js';

const PREFIX = 'fm-';
export const SELECTED_HIGHLIGHT = `${PREFIX}selected`;
export const FLASH_HIGHLIGHT = `${PREFIX}flash`;
export const FIND_HIGHLIGHT = `${PREFIX}find`;
export const SUGGESTION_HIGHLIGHT = `${PREFIX}suggestion`;
export const CURRENT_SUGGESTION_HIGHLIGHT = `${PREFIX}suggestion-current`;

/**
 * The label colours of a schema, per theme, as --label-color on .fm-label-<i>, and each
 * label's line pattern as --label-pattern (mark-patterns.ts): generated, labels vary per project.
 */
export function highlightStyles(labels: readonly LabelDef[]): string {
  return labels
    .map((label, i) =>
      [
        `:root[data-theme='light'] .fm-label-${i} { --label-color: ${label.color.light}; }`,
        `:root[data-theme='dark'] .fm-label-${i} { --label-color: ${label.color.dark}; }`,
        `.fm-label-${i} { --label-pattern: ${patternBackground(patternOf(i))}; }`,
      ].join('\n'),
    )
    .join('\n');
}

/** Briefly marks a span, so the eye finds it after a jump. */
export function flashSpan(view: TextView, index: OffsetIndex, span: Span): void {
  const highlight = new Highlight(view.rangeOf({ start: index.toUtf16(span.start), end: index.toUtf16(span.end) }));
  highlight.priority = 20;
  CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
  window.setTimeout(() => {
    if (CSS.highlights.get(FLASH_HIGHLIGHT) === highlight) CSS.highlights.delete(FLASH_HIGHLIGHT);
  }, 900);
}

/** Find results: all of them faintly, none when `matches` is empty. */
export function showFindMatches(view: TextView, matches: readonly { start: number; end: number }[]): void {
  if (matches.length === 0) {
    CSS.highlights.delete(FIND_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(...matches.map((match) => view.rangeOf(match)));
  highlight.priority = 5;
  CSS.highlights.set(FIND_HIGHLIGHT, highlight);
}

/** Suggestions, dashed: all of them, and the one in hand marked more strongly. UTF-16 ranges. */
export function showSuggestionRanges(view: TextView, ranges: readonly { start: number; end: number }[], current: number | null): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
    CSS.highlights.delete(CURRENT_SUGGESTION_HIGHLIGHT);
    return;
  }
  const all = new Highlight(...ranges.map((range) => view.rangeOf(range)));
  all.priority = 4;
  CSS.highlights.set(SUGGESTION_HIGHLIGHT, all);
  const chosen = current === null ? undefined : ranges[current];
  if (chosen) {
    const highlight = new Highlight(view.rangeOf(chosen));
    highlight.priority = 6;
    CSS.highlights.set(CURRENT_SUGGESTION_HIGHLIGHT, highlight);
  } else CSS.highlights.delete(CURRENT_SUGGESTION_HIGHLIGHT);
}

export function clearHighlights(): void {
  CSS.highlights.clear();
}
