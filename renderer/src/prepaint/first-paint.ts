/**
 * The first screen, drawn before the window's code has loaded: with the start-up answer
 * (asked for by public/early-start.js while the page loads), the window's frame
 * (frame.ts) and the top of the article with its span marks, by the same TextView and
 * SpanMarks the window uses, its lines drawn as plain elements (plain-lines.ts) instead
 * of Lexical. React, Lexical and the rest take a few hundred milliseconds to load and
 * run; the analyst reads the article meanwhile. The window replaces this screen with its
 * own, drawn in the same place (React empties #root when it first draws), in one frame.
 *
 * Drawn only in the case the frame knows: a project, the analyst's own layer of a
 * document, a wide window. Otherwise the window draws the first screen itself.
 */
import type { Startup } from '../../../shared/api.js';
import { createOffsetIndex } from '../../../shared/text/offsets.js';
import { peekStartup } from '../api/early-start.js';
import { plainLines } from '../document-view/plain-lines.js';
import { highlightStyles } from '../document-view/highlights.js';
import { SpanMarks } from '../document-view/span-marks.js';
import { TextView } from '../document-view/text-view.js';
import { DARK_SCHEME, shownTheme } from '../project/theme.js';
import { MEDIUM } from '../shell/pane-widths.js';
import { buildFrame } from './frame.js';

/** The mark benchmarks and tests read: the article is on screen, drawn before the window loaded. */
export const FIRST_PAINT_MARK = 'factmark:first-paint';

/** Draws the first screen into #root when it can; resolves once it has been painted. */
export async function firstPaint(): Promise<void> {
  const root = document.getElementById('root');
  const start = await peekStartup();
  const drawable = root && start ? drawableStart(start) : null;
  if (!root || !drawable) return;
  const theme = shownTheme(drawable.session.theme, window.matchMedia(DARK_SCHEME).matches);
  document.documentElement.dataset.theme = theme;
  const frame = buildFrame(drawable, { board: null, syncing: false, theme });
  if (!frame) return;
  const labels = drawable.project.manifest.labels;
  const style = document.createElement('style');
  style.textContent = highlightStyles(labels);
  root.replaceChildren(style, frame.element);
  const { document: source, layer } = drawable.view;
  const view = new TextView(frame.text, plainLines);
  view.load(source.text);
  const marks = new SpanMarks(view, createOffsetIndex(source.text), labels);
  view.onRender = (range) => marks.refresh(range);
  marks.sync(layer.spans, null);
  // Painted: a task queued from an animation frame runs once that frame is on screen.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  frame.text.dataset.firstPaintDocument = source.id;
  frame.text.dataset.firstPaintSpans = String(layer.spans.length);
  performance.mark(FIRST_PAINT_MARK, { detail: { documentId: source.id, spans: layer.spans.length } });
}

/** The start-up answer when it shows what the frame can draw (see the module comment), else null. */
function drawableStart(start: Startup) {
  const { project, session, document: view } = start;
  const me = session.annotator;
  if (!project || !me || !view || view.layer.annotator !== me || window.matchMedia(MEDIUM).matches) return null;
  return { project, session, documents: start.documents, view, me };
}
