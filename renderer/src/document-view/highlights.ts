/**
 * Span highlights drawn with the CSS Custom Highlight API: ranges are painted over the
 * text without touching the DOM Lexical owns, so 10,000 spans cost no extra elements,
 * and overlapping spans simply stack their translucent colours.
 */
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { OffsetIndex } from '../../../shared/text/offsets.js';
import type { TextView } from './text-view.js';

const PREFIX = 'fm-';
export const SELECTED_HIGHLIGHT = `${PREFIX}selected`;
export const FLASH_HIGHLIGHT = `${PREFIX}flash`;
export const SUGGESTED_SELECTION = `${PREFIX}pending`;

export const labelHighlightName = (index: number) => `${PREFIX}label-${index}`;

/** CSS for the label highlights of a schema, per theme (generated: labels vary per project). */
export function highlightStyles(labels: readonly LabelDef[]): string {
  return labels
    .map((label, i) => {
      const name = labelHighlightName(i);
      return [
        `:root[data-theme='light'] ::highlight(${name}) { background-color: ${withAlpha(label.color.light, 0.22)}; }`,
        `:root[data-theme='dark'] ::highlight(${name}) { background-color: ${withAlpha(label.color.dark, 0.3)}; }`,
        `:root[data-theme='light'] .fm-label-${i} { --label-color: ${label.color.light}; }`,
        `:root[data-theme='dark'] .fm-label-${i} { --label-color: ${label.color.dark}; }`,
      ].join('\n');
    })
    .join('\n');
}

function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Paints every span, one highlight per label, plus the selected span on top. */
export function paintSpans(view: TextView, index: OffsetIndex, spans: readonly Span[], labels: readonly LabelDef[], selectedId: string | null): void {
  const byLabel = new Map(labels.map((label) => [label.id, new Highlight()] as const));
  labels.forEach((_, i) => CSS.highlights.delete(labelHighlightName(i)));
  const selected = new Highlight();
  selected.priority = 10;
  for (const span of spans) {
    if (span.end > index.length) continue; // unplaced spans are listed, not drawn
    const range = view.rangeOf({ start: index.toUtf16(span.start), end: index.toUtf16(span.end) });
    byLabel.get(span.label)?.add(range);
    if (span.id === selectedId) selected.add(range);
  }
  labels.forEach((label, i) => {
    const highlight = byLabel.get(label.id);
    if (highlight) CSS.highlights.set(labelHighlightName(i), highlight);
  });
  CSS.highlights.set(SELECTED_HIGHLIGHT, selected);
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

export function clearHighlights(): void {
  CSS.highlights.clear();
}
