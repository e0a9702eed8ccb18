// @vitest-environment jsdom
/**
 * The document view's map between positions in the DOM Lexical renders and offsets into
 * the source text (document-view/text-view.ts): every offset that is a place in the text
 * comes back as itself, whatever the line endings, tabs, emoji or scripts, and across the
 * chunks a long article is cut into.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lexicalLines } from '../../../renderer/src/document-view/lexical-lines.js';
import { plainLines } from '../../../renderer/src/document-view/plain-lines.js';
import { CHUNK_CHARACTERS, TextView, type LineRenderer } from '../../../renderer/src/document-view/text-view.js';

beforeAll(() => {
  // jsdom lays nothing out, so it has no IntersectionObserver: chunks far from the top
  // stay unrendered until asked for (ensureRendered), which is what is tested here.
  globalThis.IntersectionObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
    readonly root = null;
    readonly rootMargin = '';
    readonly thresholds = [];
  } as unknown as typeof IntersectionObserver;
});

let views: TextView[] = [];
afterEach(() => {
  for (const view of views) view.destroy();
  views = [];
  document.body.replaceChildren();
});

/** The map must hold whichever draws the lines: Lexical in the window, plain elements at the first paint. */
let renderer: LineRenderer = lexicalLines;

function viewOf(text: string): TextView {
  const scroller = document.createElement('div');
  const root = document.createElement('div');
  scroller.append(root);
  document.body.append(scroller);
  const view = new TextView(root, renderer);
  view.load(text);
  views.push(view);
  return view;
}

/** The offsets that are places in the text: not between the \r and \n of a line break. */
function places(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (!(text[i - 1] === '\r' && text[i] === '\n')) out.push(i);
  return out;
}

/** An offset's place in the view, and back again. */
function roundTrip(view: TextView, offset: number): number | null {
  const point = view.domPointOf(offset);
  return view.sourceOffsetOf(point.node, point.offset);
}

describe.each([
  ['Lexical', lexicalLines],
  ['plain elements (the first paint)', plainLines],
] as const)('the view ↔ source offset map, lines drawn by %s', (_name, lines) => {
  beforeAll(() => {
    renderer = lines;
  });

  it('gives every place in a text with CRLF, tabs, emoji and Arabic back as itself', () => {
    const text = 'Résumé 👩‍🚒\r\n\tسطر عربي\r\n\r\nlast line, no break';
    const view = viewOf(text);
    for (const offset of places(text)) expect(roundTrip(view, offset), `offset ${offset}`).toBe(offset);
  });

  it('maps a DOM range to the source range it covers, in either direction', () => {
    const text = 'first line\r\nsecond line\nthird';
    const view = viewOf(text);
    const start = text.indexOf('line\r\n');
    const end = text.indexOf('third') + 2;
    const range = view.rangeOf({ start, end });
    expect(view.sourceRangeOf(range)).toEqual({ start, end });
    expect(text.slice(start, end)).toBe('line\r\nsecond line\nth');
  });

  it('keeps the map across the chunks of a long article, rendering a far chunk when asked', () => {
    const line = 'A line of the article with words, and 😀 an emoji.';
    const text = Array.from({ length: Math.ceil((CHUNK_CHARACTERS * 5) / line.length) }, (_, i) => `${i}: ${line}`).join('\r\n');
    const view = viewOf(text);
    const far = text.length - 10;
    expect(roundTrip(view, far)).toBe(far);
    for (const offset of [0, CHUNK_CHARACTERS - 1, CHUNK_CHARACTERS + 7, Math.floor(text.length / 2), text.length]) {
      const place = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
      expect(roundTrip(view, place), `offset ${place}`).toBe(place);
    }
  });

  it('gives a place outside the view as null', () => {
    const view = viewOf('some text');
    expect(view.sourceOffsetOf(document.body, 0)).toBeNull();
  });

  it('round-trips every place of random texts made of lines, breaks and wide characters', () => {
    const piece = fc.constantFrom('a', 'word ', '\t', '😀', 'ع', '\r\n', '\n', '\r', 'é', '👩‍🚒');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const view = viewOf(text);
        try {
          for (const offset of places(text)) {
            expect(roundTrip(view, offset), JSON.stringify({ text, offset })).toBe(offset);
          }
        } finally {
          view.destroy();
          views = views.filter((other) => other !== view);
        }
      }),
      { numRuns: 150 },
    );
  });
});
