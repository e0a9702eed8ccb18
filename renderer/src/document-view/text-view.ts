/**
 * The article in a read-only Lexical editor: one paragraph per source line, each with a
 * single text node holding the line exactly (tabs, emoji, right-to-left text). Lexical
 * renders and owns the DOM; this module keeps the map from view positions to source
 * offsets (ARCHITECTURE.md: never derive offsets from getTextContent()).
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { layoutLines, type LineLayout } from '../../../shared/text/lines.js';

export interface SourceRange {
  /** UTF-16 offsets into the source text. */
  start: number;
  end: number;
}

export class TextView {
  private readonly editor: LexicalEditor;
  private layout: LineLayout = layoutLines('');
  /** The paragraph element of each line, in order, and the way back. */
  private lineElements: HTMLElement[] = [];
  private lineOf = new WeakMap<Node, number>();

  constructor(readonly root: HTMLElement) {
    this.editor = createEditor({
      namespace: 'factmark-document',
      editable: false,
      theme: { paragraph: 'fm-line', ltr: 'fm-ltr', rtl: 'fm-rtl' },
      onError: (error) => {
        throw error;
      },
    });
    this.editor.setRootElement(root);
  }

  /** Shows `text`; synchronous, so the DOM is complete when it returns. */
  load(text: string): void {
    this.layout = layoutLines(text);
    const lines = this.layout.lines;
    const keys: string[] = [];
    this.editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        const paragraphs = lines.map((line) => {
          const paragraph = $createParagraphNode();
          if (line.text !== '') paragraph.append($createTextNode(line.text));
          keys.push(paragraph.getKey());
          return paragraph;
        });
        root.append(...paragraphs);
      },
      { discrete: true },
    );
    this.lineElements = keys.map((key) => {
      const element = this.editor.getElementByKey(key);
      if (!element) throw new Error('Lexical did not render a line');
      return element;
    });
    this.lineOf = new WeakMap();
    this.lineElements.forEach((element, line) => this.lineOf.set(element, line));
  }

  destroy(): void {
    this.editor.setRootElement(null);
  }

  /** The source UTF-16 offset of a DOM position inside the view, or null outside it. */
  sourceOffsetOf(node: Node, offset: number): number | null {
    if (node === this.root) {
      // Between paragraphs: offset counts child elements.
      if (offset >= this.lineElements.length) return this.layout.toSource(this.lineElements.length - 1, Number.MAX_SAFE_INTEGER);
      return this.layout.toSource(offset, 0);
    }
    let paragraph: Node | null = node;
    while (paragraph && paragraph.parentNode !== this.root) paragraph = paragraph.parentNode;
    if (!paragraph) return null;
    const line = this.lineOf.get(paragraph);
    if (line === undefined) return null;
    return this.layout.toSource(line, textOffsetWithin(paragraph, node, offset));
  }

  /** The source range a DOM range covers, or null when it is not inside the view. */
  sourceRangeOf(range: AbstractRange): SourceRange | null {
    const start = this.sourceOffsetOf(range.startContainer, range.startOffset);
    const end = this.sourceOffsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    return start <= end ? { start, end } : { start: end, end: start };
  }

  /** A DOM position for a source UTF-16 offset. */
  domPointOf(utf16: number): { node: Node; offset: number } {
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

  rangeOf(source: SourceRange): Range {
    const range = document.createRange();
    const start = this.domPointOf(source.start);
    const end = this.domPointOf(source.end);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  }

  /** The element of the line holding a source offset, to scroll to. */
  lineElementAt(utf16: number): HTMLElement | undefined {
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
