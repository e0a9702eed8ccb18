/**
 * The article as lines: one paragraph per source line, each with a single text node
 * holding the line exactly (tabs, emoji, right-to-left text). What draws the lines is
 * given (a LineRenderer: read-only Lexical editors in the window, lexical-lines.ts; plain
 * elements of the same shape for the first paint, plain-lines.ts); this module keeps the
 * map from view positions to source offsets (ARCHITECTURE.md: never derive offsets from
 * getTextContent()).
 *
 * Long articles are cut into chunks of lines, each rendered on its own when it comes
 * near the viewport. Until then a chunk is an empty block of its estimated height, so
 * opening a 1 MB article lays out one screenful, not a megabyte.
 */
import { layoutLines, type LineLayout } from '../../../shared/text/lines.js';

/**
 * Draws a chunk's lines into its text box: one element per line, in order, each holding
 * the line's text and nothing else. `dispose` lets go of the box (its owner empties it).
 */
export type LineRenderer = (root: HTMLElement, lines: readonly string[]) => { elements: HTMLElement[]; dispose: () => void };

export interface SourceRange {
  /** UTF-16 offsets into the source text. */
  start: number;
  end: number;
}

/** Characters per chunk: short articles are one chunk, long ones render as they scroll. */
export const CHUNK_CHARACTERS = 4_000;
/** How far outside the viewport chunks are made ready. */
const RENDER_MARGIN = '1200px 0px';
/** Rendered at once on load, before the first paint: a screenful and more; the
 *  intersection observer renders the next chunks right after. */
const INITIAL_CHARACTERS = 3_000;

interface Chunk {
  /** The chunk's box: its text (Lexical's root) and, over it, the layer its span marks are drawn in. */
  element: HTMLElement;
  text: HTMLElement;
  marks: HTMLElement;
  /** Lines [firstLine, endLine) of the layout. */
  firstLine: number;
  endLine: number;
  /** UTF-16 offsets [start, end) in the source, line breaks after the last line excluded. */
  start: number;
  end: number;
  /** Set once the chunk's lines are drawn. */
  rendered: { dispose: () => void } | null;
}

export class TextView {
  private layout: LineLayout = layoutLines('');
  private chunks: Chunk[] = [];
  /** The paragraph element of each rendered line (global line index), and the way back. */
  private lineElements: (HTMLElement | undefined)[] = [];
  private lineOf = new WeakMap<Node, number>();
  private chunkOf = new WeakMap<Node, Chunk>();
  private observer: IntersectionObserver | null = null;
  /** Called after a chunk is rendered, with its source range, so highlights can follow. */
  onRender: ((range: SourceRange) => void) | null = null;

  constructor(
    readonly root: HTMLElement,
    private readonly renderLines: LineRenderer,
  ) {}

  /** Shows `text`: builds the chunks and renders the ones on screen, synchronously. */
  load(text: string): void {
    this.destroyChunks();
    this.layout = layoutLines(text);
    const lines = this.layout.lines;
    this.lineElements = new Array<HTMLElement | undefined>(lines.length);
    let first = 0;
    while (first < lines.length) {
      let end = first;
      let size = 0;
      while (end < lines.length && (end === first || size + (lines[end]?.text.length ?? 0) <= CHUNK_CHARACTERS)) size += (lines[end++]?.text.length ?? 0) + 1;
      const element = document.createElement('div');
      element.className = 'fm-chunk';
      const textRoot = document.createElement('div');
      textRoot.className = 'fm-chunk-text';
      const marks = document.createElement('div');
      marks.className = 'fm-chunk-marks';
      marks.setAttribute('aria-hidden', 'true');
      element.append(textRoot, marks);
      const chunk: Chunk = {
        element,
        text: textRoot,
        marks,
        firstLine: first,
        endLine: end,
        start: lines[first]?.start ?? 0,
        end: (lines[end - 1]?.start ?? 0) + (lines[end - 1]?.text.length ?? 0),
        rendered: null,
      };
      this.chunkOf.set(element, chunk);
      this.chunkOf.set(textRoot, chunk);
      this.chunks.push(chunk);
      first = end;
    }
    this.root.replaceChildren(...this.chunks.map((chunk) => chunk.element));
    // The top of the text is rendered before the first paint; the rest as it nears.
    for (const chunk of this.chunks) {
      if (chunk.start > INITIAL_CHARACTERS) break;
      this.renderChunk(chunk);
    }
    // The chunks not drawn yet hold their estimated height. Estimated after the top is
    // drawn: the estimate costs a layout, which then lays out the text shown as well
    // (its marks are measured next), instead of one layout for the estimate and another.
    const waiting = this.chunks.filter((chunk) => !chunk.rendered);
    if (waiting.length > 0) {
      const estimate = this.heightEstimator();
      for (const chunk of waiting) chunk.element.style.minHeight = `${estimate(chunk.firstLine, chunk.endLine)}px`;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const chunk = this.chunkOf.get(entry.target);
          if (entry.isIntersecting && chunk && !chunk.rendered) this.renderChunk(chunk);
        }
      },
      { root: this.root.parentElement, rootMargin: RENDER_MARGIN },
    );
    for (const chunk of this.chunks) if (!chunk.rendered) this.observer.observe(chunk.element);
  }

  destroy(): void {
    this.destroyChunks();
    this.root.replaceChildren();
  }

  private destroyChunks(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const chunk of this.chunks) chunk.rendered?.dispose();
    this.chunks = [];
    this.lineOf = new WeakMap();
    this.chunkOf = new WeakMap();
  }

  /** Estimated pixel height of lines [first, end), from the text's width in characters. */
  private heightEstimator(): (first: number, end: number) => number {
    const style = getComputedStyle(this.root);
    const fontSize = Number.parseFloat(style.fontSize) || 16;
    const lineHeight = Number.parseFloat(style.lineHeight) || fontSize * 1.65;
    const perRow = Math.max(20, Math.floor((this.root.clientWidth || 700) / (fontSize * 0.5)));
    return (first, end) => {
      let rows = 0;
      for (let line = first; line < end; line++) rows += Math.max(1, Math.ceil((this.layout.lines[line]?.text.length ?? 0) / perRow));
      return Math.round(rows * lineHeight);
    };
  }

  private renderChunk(chunk: Chunk): void {
    if (chunk.rendered) return;
    const lines: string[] = [];
    for (let line = chunk.firstLine; line < chunk.endLine; line++) lines.push(this.layout.lines[line]?.text ?? '');
    const { elements, dispose } = this.renderLines(chunk.text, lines);
    elements.forEach((element, i) => {
      this.lineElements[chunk.firstLine + i] = element;
      this.lineOf.set(element, chunk.firstLine + i);
    });
    chunk.rendered = { dispose };
    chunk.element.style.minHeight = '';
    this.observer?.unobserve(chunk.element);
    this.onRender?.({ start: chunk.start, end: chunk.end });
  }

  private chunkAt(utf16: number): Chunk | undefined {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.chunks[mid] as Chunk).start <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo];
  }

  /** Renders the chunk that holds a source offset, if it is not yet. */
  ensureRendered(utf16: number): void {
    const chunk = this.chunkAt(utf16);
    if (chunk && !chunk.rendered) this.renderChunk(chunk);
  }

  /** The source UTF-16 offset of a DOM position inside the view, or null outside it. */
  sourceOffsetOf(node: Node, offset: number): number | null {
    if (node === this.root) {
      // Between chunks: offset counts chunk elements.
      const chunk = this.chunks[offset];
      return chunk ? chunk.start : this.layout.toSource(this.layout.lines.length - 1, Number.MAX_SAFE_INTEGER);
    }
    const chunk = this.chunkOf.get(node);
    if (chunk) {
      // Before or after a chunk's text (its box holds the text, then the marks).
      if (node === chunk.element) return offset === 0 ? chunk.start : chunk.end;
      // Between paragraphs of a chunk (or inside a chunk not rendered yet).
      const line = chunk.rendered ? chunk.firstLine + offset : chunk.firstLine;
      return line >= chunk.endLine ? chunk.end : this.layout.toSource(line, 0);
    }
    let paragraph: Node | null = node;
    while (paragraph && !this.lineOf.has(paragraph)) {
      if (paragraph === this.root) return null;
      paragraph = paragraph.parentNode;
    }
    if (!paragraph) return null;
    const line = this.lineOf.get(paragraph) as number;
    return this.layout.toSource(line, textOffsetWithin(paragraph, node, offset));
  }

  /** The source range a DOM range covers, or null when it is not inside the view. */
  sourceRangeOf(range: AbstractRange): SourceRange | null {
    const start = this.sourceOffsetOf(range.startContainer, range.startOffset);
    const end = this.sourceOffsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    return start <= end ? { start, end } : { start: end, end: start };
  }

  /** A DOM position for a source UTF-16 offset, rendering its chunk if need be. */
  domPointOf(utf16: number): { node: Node; offset: number } {
    this.ensureRendered(utf16);
    const { line, offset } = this.layout.locate(utf16);
    const element = this.lineElements[line];
    if (!element) return { node: this.root, offset: 0 };
    // The usual case: a line is one text node inside one span.
    const only = element.firstChild?.firstChild;
    if (only && only.nodeType === Node.TEXT_NODE && element.childNodes.length === 1 && offset <= (only.nodeValue?.length ?? 0)) return { node: only, offset };
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let remaining = offset;
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const length = text.nodeValue?.length ?? 0;
      if (remaining <= length) return { node: text, offset: remaining };
      remaining -= length;
    }
    return { node: element, offset: element.childNodes.length };
  }

  /** A DOM range for a source range, rendering the chunks at both ends. */
  rangeOf(source: SourceRange): Range {
    const range = document.createRange();
    const start = this.domPointOf(source.start);
    const end = this.domPointOf(source.end);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  }

  /** DOM ranges for the parts of a source range in rendered chunks (renders nothing). */
  renderedRangesOf(source: SourceRange): Range[] {
    const ranges: Range[] = [];
    for (const chunk of this.chunks) {
      if (chunk.start > source.end) break;
      if (!chunk.rendered || chunk.end < source.start) continue;
      const start = Math.max(source.start, chunk.start);
      const end = Math.min(source.end, chunk.end);
      if (end > start || source.start === source.end) ranges.push(this.rangeOf({ start, end }));
    }
    return ranges;
  }

  /** The rendered chunks that a source range reaches into, with the layer to draw their marks in. */
  renderedChunks(source: SourceRange = { start: 0, end: Number.MAX_SAFE_INTEGER }): { start: number; end: number; marks: HTMLElement }[] {
    const found = [];
    for (const chunk of this.chunks) {
      if (chunk.start > source.end) break;
      if (chunk.rendered && chunk.end >= source.start) found.push({ start: chunk.start, end: chunk.end, marks: chunk.marks });
    }
    return found;
  }

  /**
   * The boxes of a source range's text, one per row it occupies on screen, in rendered
   * chunks only. Measured line by line: a range over several lines would also report the
   * boxes of the paragraphs between.
   */
  textRects(source: SourceRange): DOMRect[] {
    const rects: DOMRect[] = [];
    const first = this.layout.locate(source.start).line;
    const last = this.layout.locate(source.end).line;
    for (let line = first; line <= last; line++) {
      const element = this.lineElements[line];
      const info = this.layout.lines[line];
      if (!element || !info) continue;
      const start = Math.max(source.start, info.start);
      const end = Math.min(source.end, info.start + info.text.length);
      if (end <= start) continue;
      const range = document.createRange();
      const from = this.domPointOf(start);
      const to = this.domPointOf(end);
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      for (const rect of range.getClientRects()) if (rect.width > 0) rects.push(rect);
    }
    return rects;
  }

  /** Whether the line holding a rendered source offset runs right to left. */
  isRightToLeft(utf16: number): boolean {
    const element = this.lineElements[this.layout.locate(utf16).line];
    return element?.dir === 'rtl' || (element?.classList.contains('fm-rtl') ?? false);
  }

  /** The element of the line holding a source offset, to scroll to (rendered first). */
  lineElementAt(utf16: number): HTMLElement | undefined {
    this.ensureRendered(utf16);
    return this.lineElements[this.layout.locate(utf16).line];
  }
}

/** Characters of text before (node, offset) inside `paragraph`. */
function textOffsetWithin(paragraph: Node, node: Node, offset: number): number {
  if (node.nodeType !== Node.TEXT_NODE) {
    // An element boundary: count the text of the children before it.
    let count = 0;
    const children = node.childNodes;
    for (let i = 0; i < offset && i < children.length; i++) count += children[i]?.textContent?.length ?? 0;
    if (node === paragraph) return count;
    return count + textBefore(paragraph, node);
  }
  return offset + textBefore(paragraph, node);
}

/** Length of the text that precedes `node` inside `paragraph`. */
function textBefore(paragraph: Node, node: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text && text !== node; text = walker.nextNode()) {
    if (text.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) count += text.nodeValue?.length ?? 0;
    else break;
  }
  return count;
}
