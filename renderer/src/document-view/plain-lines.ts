/**
 * The first paint's line renderer (text-view.ts, prepaint/): the lines drawn as plain
 * elements of exactly the shape and style Lexical gives them (lexical-lines.ts), so the
 * article is laid out, wraps and is marked the same before the window's code has loaded
 * as after; the window then draws it again with Lexical in the same place. Text only,
 * never HTML.
 */
import type { LineRenderer } from './text-view.js';

/** What Lexical sets on a read-only editor's root (and so on the box the lines are in). */
const ROOT_STYLE = 'user-select: text; white-space: pre-wrap; word-break: break-word;';

export const plainLines: LineRenderer = (root, lines) => {
  root.style.cssText = ROOT_STYLE;
  const elements = lines.map((text) => {
    const line = document.createElement('p');
    line.className = 'fm-line';
    line.dir = 'auto';
    if (text === '') line.append(document.createElement('br'));
    else {
      const node = document.createElement('span');
      node.textContent = text;
      line.append(node);
    }
    return line;
  });
  root.replaceChildren(...elements);
  return { elements, dispose: () => root.replaceChildren() };
};
