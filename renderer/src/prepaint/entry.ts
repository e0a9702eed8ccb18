/**
 * The page's entry point: the first screen is drawn without React (first-paint.ts), then
 * the window loads (main.tsx) and takes over. The window's code is asked for only once
 * the first screen is on screen: fetched and compiled earlier, it took the machine's
 * time from the first paint (on two cores, by a third) and made the window no sooner
 * ready (bench/RESULTS.md, cold start). The style sheet is imported here, so that it is
 * in the page before the first paint.
 */
import '../styles.css';
import { firstPaint } from './first-paint.js';

void firstPaint()
  .catch((error: unknown) => console.error('The first paint failed; the window draws itself.', error))
  .then(() => import('../main.js'));
