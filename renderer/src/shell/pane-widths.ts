/**
 * Where the workspace's side panes fold away (use-pane-layout.ts): below MEDIUM the
 * documents, below NARROW the spans too. The same widths are in styles.css's @media
 * rules, which do the drawing. Plain data: the first paint (prepaint/) reads it too.
 */
export const MEDIUM = '(max-width: 1023px)';
export const NARROW = '(max-width: 719px)';
