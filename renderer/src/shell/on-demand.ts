/**
 * The parts of the window its first paint does not need — every dialog, the claims board,
 * the review and suggestion panels — each in its own chunk, loaded the first time it is
 * shown (React.lazy) and fetched in the background once the first document is on screen
 * (preloadOnDemand), so opening one later does not wait on the network either. The start
 * bundle keeps the shell, the article view and the span panels: what bench/cold-start.ts
 * times.
 */
import { lazy } from 'react';

const loaders = {
  dialogs: () => import('./DialogHost.js'),
  board: () => import('../claims/ClaimsBoard.js'),
  review: () => import('../review/ReviewPanel.js'),
  suggest: () => import('../suggest/SuggestPanel.js'),
};

export const DialogHost = lazy(() => loaders.dialogs().then((module) => ({ default: module.DialogHost })));
export const ClaimsBoard = lazy(() => loaders.board().then((module) => ({ default: module.ClaimsBoard })));
export const ReviewPanel = lazy(() => loaders.review().then((module) => ({ default: module.ReviewPanel })));
export const SuggestPanel = lazy(() => loaders.suggest().then((module) => ({ default: module.SuggestPanel })));

let preloaded = false;
/** Fetches every on-demand chunk when the window is idle (once). */
export function preloadOnDemand(): void {
  if (preloaded) return;
  preloaded = true;
  const load = () => void Promise.all(Object.values(loaders).map((loader) => loader())).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
