/**
 * Spans drawn so that every one can be read where they nest or cross: an underline in
 * its label's colour on a track of its own (tracks.ts), a tick where it starts and where
 * it ends, and, for the selected span, a box around its text with its label and key
 * above it. Translucent fills, which blend into greys and olives where spans overlap,
 * are not used; the selected span alone gets a fill (a CSS highlight).
 *
 * The marks live in a layer over each rendered chunk of the text (text-view.ts), drawn
 * from the text's own boxes; a chunk is drawn again only when a span in it changed, when
 * it is first rendered, or when the text is wrapped anew (the window was resized).
 */
import type { Span } from '../../../shared/model/annotations.js';
import { compareSpans, inTextOrder } from '../../../shared/model/spans.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import type { OffsetIndex } from '../../../shared/text/offsets.js';
import { SELECTED_HIGHLIGHT } from './highlights.js';
import type { SourceRange, TextView } from './text-view.js';
import { changedSpans, spanTracks, type Drawing } from './tracks.js';

/** Pixels: underline thickness, and the step from one track to the next. */
const BAR = 2;
const STEP = 3;
/** Deeper spans share the last track (they keep their own ticks). */
const MAX_TRACKS = 4;

export class SpanMarks {
  /** The list last given to sync, and the same spans in text order with their tracks. */
  private given: readonly Span[] | null = null;
  private drawing: Drawing = { spans: [], tracks: new Uint8Array(0) };
  private selectedId: string | null = null;
  private readonly labelIndex: Map<string, number>;
  private readonly labelText: Map<string, string>;
  private readonly selected = new Highlight();

  constructor(
    private readonly view: TextView,
    private readonly index: OffsetIndex,
    private readonly labels: readonly LabelDef[],
  ) {
    this.labelIndex = new Map(labels.map((label, i) => [label.id, i]));
    this.labelText = new Map(labels.map((label) => [label.id, `${label.name} · ${label.key}`]));
    this.selected.priority = 10;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
  }

  /**
   * False when the text or the label schema changed since these marks were made. The
   * schema is compared by what is drawn from it (the project is read again after a save
   * makes a new layer file, and a new copy of the same labels must not redraw every mark).
   */
  drawsFor(index: OffsetIndex, labels: readonly LabelDef[]): boolean {
    return index === this.index && (labels === this.labels || drawnAlike(labels, this.labels));
  }

  /** The spans to show and the selected one; redraws the chunks of what changed. */
  sync(given: readonly Span[], selectedId: string | null): void {
    const first = this.given === null;
    let dirty: Span[] = [];
    if (given !== this.given) {
      this.given = given;
      // Layers keep their spans in text order; a list from elsewhere is put in it.
      const spans = inTextOrder(given) ? given : [...given].sort(compareSpans);
      const drawing = { spans, tracks: spanTracks(spans) };
      if (!first) dirty = changedSpans(this.drawing, drawing);
      this.drawing = drawing;
    }
    if (selectedId !== this.selectedId) {
      for (const id of [this.selectedId, selectedId]) {
        const span = id ? this.spanById(id) : undefined;
        if (span) dirty.push(span);
      }
      this.selectedId = selectedId;
    }
    if (first) this.redraw();
    else this.redrawChunksOf(dirty.map((span) => this.utf16(span)));
    this.highlightSelected();
  }

  private spanById(id: string): Span | undefined {
    return this.drawing.spans.find((span) => span.id === id);
  }

  /** Draws each rendered chunk that one of the ranges reaches into, once (a new span and the selection moving to it are in one chunk). */
  private redrawChunksOf(ranges: readonly SourceRange[]): void {
    const chunks = new Map<HTMLElement, { start: number; end: number; marks: HTMLElement }>();
    for (const range of ranges) for (const chunk of this.view.renderedChunks(range)) chunks.set(chunk.marks, chunk);
    for (const chunk of chunks.values()) this.drawChunk(chunk);
  }

  /** Draws the chunks a newly rendered part of the text is in (UTF-16 range). */
  refresh(range: SourceRange): void {
    this.redraw(range);
    this.highlightSelected();
  }

  /** Draws every rendered chunk again (or those a range reaches into). */
  redraw(range?: SourceRange): void {
    for (const chunk of this.view.renderedChunks(range)) this.drawChunk(chunk);
  }

  private utf16(span: { start: number; end: number }): SourceRange {
    const length = this.index.length;
    return { start: this.index.toUtf16(Math.min(span.start, length)), end: this.index.toUtf16(Math.min(span.end, length)) };
  }

  private drawChunk(chunk: { start: number; end: number; marks: HTMLElement }): void {
    const origin = chunk.marks.getBoundingClientRect();
    const fragment = document.createDocumentFragment();
    const add = (className: string, box: { left: number; top: number; width?: number; height?: number }, text?: string) => {
      const element = document.createElement('div');
      element.className = className;
      const size = box.width === undefined || box.height === undefined ? '' : `;width:${box.width}px;height:${box.height}px`;
      element.style.cssText = `left:${box.left - origin.left}px;top:${box.top - origin.top}px${size}`;
      if (text) element.textContent = text;
      fragment.append(element);
    };
    // Spans are in text order: those that start past the chunk end the loop, and only
    // those that reach into the chunk are converted to UTF-16 and measured.
    const chunkStart = this.index.toCodePoint(chunk.start);
    const chunkEnd = this.index.toCodePoint(chunk.end);
    const { spans, tracks } = this.drawing;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i] as Span;
      if (span.start >= chunkEnd) break;
      if (span.end <= chunkStart) continue;
      const labelIndex = this.labelIndex.get(span.label);
      // Unplaced spans (offsets past the text) and unknown labels are listed, not drawn.
      if (labelIndex === undefined || span.end > this.index.length) continue;
      // In UTF-16 (chunks begin and end on lines, so the code point test above was exact).
      const { start, end } = this.utf16(span);
      const rects = this.view.textRects({ start: Math.max(start, chunk.start), end: Math.min(end, chunk.end) });
      if (rects.length === 0) continue;
      const track = Math.min(tracks[i] as number, MAX_TRACKS - 1);
      const colour = `fm-label-${labelIndex}`;
      const barTop = (rect: DOMRect) => rect.bottom + 1 + track * STEP;
      for (const rect of rects) add(`fm-mark ${colour}`, { left: rect.left, top: barTop(rect), width: rect.width, height: BAR });
      // Ticks at the span's two ends, down to its own underline: a longer tick, a deeper span.
      const rtl = this.view.isRightToLeft(start);
      const tick = (rect: DOMRect, side: 'left' | 'right') => {
        const top = rect.top + rect.height * 0.45;
        add(`fm-edge ${colour}`, { left: side === 'left' ? rect.left : rect.right - BAR, top, width: BAR, height: barTop(rect) + BAR - top });
      };
      if (start >= chunk.start) tick(rects[0] as DOMRect, rtl ? 'right' : 'left');
      if (end <= chunk.end) tick(rects[rects.length - 1] as DOMRect, rtl ? 'left' : 'right');
      if (span.id === this.selectedId) {
        for (const rect of rects) add('fm-selected-box', { left: rect.left - 2, top: rect.top - 1, width: rect.width + 4, height: rect.height + 2 });
        const first = rects[0] as DOMRect;
        // Its label and key, just above where it starts.
        if (start >= chunk.start) add(`fm-chip ${colour}`, { left: first.left, top: first.top }, this.labelText.get(span.label));
      }
    }
    chunk.marks.replaceChildren(fragment);
  }

  private highlightSelected(): void {
    this.selected.clear();
    const span = this.selectedId ? this.spanById(this.selectedId) : undefined;
    if (!span || span.end > this.index.length) return;
    const { start, end } = this.utf16(span);
    for (const range of this.view.renderedRangesOf({ start, end })) this.selected.add(range);
  }
}

/** Two label schemas that draw the same marks: the same ids, names and keys in the same order (colours are per index). */
function drawnAlike(a: readonly LabelDef[], b: readonly LabelDef[]): boolean {
  return a.length === b.length && a.every((label, i) => label.id === b[i]?.id && label.name === b[i].name && label.key === b[i].key);
}
