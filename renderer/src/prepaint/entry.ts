/**
 * The page's own code: the first screen is drawn without React (first-paint.ts), then
 * the window (main.tsx) is loaded and takes over. Built as one classic script and put
 * inline at the end of index.html (scripts/first-paint-build.ts, vite.config.ts), so it
 * runs as soon as the page and its style sheet are parsed. The window's code is its own
 * module, named in a meta element by the build; it is asked for only once the first
 * screen is on screen: fetched and compiled earlier, it took the machine's time from the
 * first paint (on two cores) and made the window no sooner ready (bench/RESULTS.md).
 */
import { firstPaint } from './first-paint.js';

const windowCode = document.querySelector<HTMLMetaElement>('meta[name="factmark-window"]')?.content;

void firstPaint()
  .catch((error: unknown) => console.error('The first paint failed; the window draws itself.', error))
  .then(() => {
    if (!windowCode) throw new Error('index.html does not name the window’s code (meta factmark-window)');
    return import(windowCode);
  });
