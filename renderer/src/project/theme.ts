/**
 * The theme shown: the saved choice, or the system's. Plain functions: the window
 * (use-project.ts) and its first paint (prepaint/) both set it on <html>.
 */
import type { Theme } from '../../../shared/api.js';

export const DARK_SCHEME = '(prefers-color-scheme: dark)';

export function shownTheme(saved: Theme, systemDark: boolean): 'light' | 'dark' {
  return saved === 'light' || saved === 'dark' ? saved : systemDark ? 'dark' : 'light';
}
