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
export const FIND_HIGHLIGHT = `${PREFIX}find`;
export const SUGGESTION_HIGHLIGHT = `${PREFIX}suggestion`;
export const CURRENT_SUGGESTION_HIGHLIGHT = `${PREFIX}suggestion-current`;

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

/**
 * Keeps the highlights in step with a layer's spans. The first call paints them all;
 * later calls touch only the spans that changed (a tag adds one range, it does not
 * rebuild ten thousand), so tagging stays instant in long documents. Only the parts of
 * the text that are rendered have ranges; as more is rendered, `refresh` adds theirs.
 */
export class SpanHighlighter {
  private readonly entries = new Map<string, { span: Span; ranges: Range[]; highlight: Highlight | undefined }>();
  private readonly byLabel: Map<string, Highlight>;
  private readonly selected = new Highlight();
  private selectedId: string | null = null;

  constructor(
    private readonly view: TextView,
    private readonly index: OffsetIndex,
    private readonly labels: readonly LabelDef[],
  ) {
    this.byLabel = new Map(labels.map((label) => [label.id, new Highlight()] as const));
    labels.forEach((label, i) => CSS.highlights.set(labelHighlightName(i), this.byLabel.get(label.id) as Highlight));
    this.selected.priority = 10;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
  }

  /** False when the text or the label schema changed since this highlighter was made. */
  drawsFor(index: OffsetIndex, labels: readonly LabelDef[]): boolean {
    return index === this.index && labels === this.labels;
  }

  sync(spans: readonly Span[], selectedId: string | null): void {
    const current = new Set<string>();
    for (const span of spans) {
      current.add(span.id);
      const before = this.entries.get(span.id);
      if (before && before.span.start === span.start && before.span.end === span.end && before.span.label === span.label) {
        before.span = span;
        continue;
      }
      if (before) this.erase(before);
      this.entries.set(span.id, this.draw(span));
    }
    for (const [id, entry] of this.entries) {
      if (current.has(id)) continue;
      this.erase(entry);
      this.entries.delete(id);
    }
    this.selectedId = selectedId;
    this.drawSelected();
  }

  /** Draws the spans that reach into a newly rendered part of the text. */
  refresh(range: { start: number; end: number }): void {
    for (const [id, entry] of this.entries) {
      const start = this.index.toUtf16(Math.min(entry.span.start, this.index.length));
      const end = this.index.toUtf16(Math.min(entry.span.end, this.index.length));
      if (end < range.start || start > range.end) continue;
      this.erase(entry);
      this.entries.set(id, this.draw(entry.span));
    }
    this.drawSelected();
  }

  private draw(span: Span) {
    const highlight = this.byLabel.get(span.label);
    // Unplaced spans (offsets past the text) and unknown labels are listed, not drawn.
    if (!highlight || span.end > this.index.length) return { span, ranges: [], highlight: undefined };
    const ranges = this.view.renderedRangesOf({ start: this.index.toUtf16(span.start), end: this.index.toUtf16(span.end) });
    for (const range of ranges) highlight.add(range);
    return { span, ranges, highlight };
  }

  private erase(entry: { ranges: Range[]; highlight: Highlight | undefined }): void {
    for (const range of entry.ranges) entry.highlight?.delete(range);
  }

  private drawSelected(): void {
    this.selected.clear();
    const chosen = this.selectedId ? this.entries.get(this.selectedId) : undefined;
    for (const range of chosen?.ranges ?? []) this.selected.add(range);
  }
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
