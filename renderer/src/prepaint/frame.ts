/**
 * The window's frame for the first paint, built as plain elements from the start-up
 * answer: the toolbar, the three panes with the article's heading, and the status bar,
 * with the classes and the words the React components give them (shell/AppHeader.tsx,
 * shell/Workspace.tsx, annotate/DocumentHeading.tsx), taken from the same data modules,
 * so that the article lies exactly where the window will draw it. Only the case drawn
 * at start is built: the analyst's own layer, no review, a wide window.
 *
 * Nothing here can be used yet: the frame is inert until the window replaces it.
 */
import type { DocumentSummary, DocumentView, ProjectInfo } from '../../../shared/api.js';
import { GUESSED_TITLE, HEADING_WORDS, LAYER_STATUSES, NO_DATE_WARNING, byline, guessedNote, layerChoices, layersHere, progressLabel, sourceNote } from '../annotate/heading-text.js';
import { commandTable } from '../commands/register.js';
import type { FaceState } from '../commands/types.js';
import { projectLinks, toolbarGroups } from '../shell/toolbar.js';

/** A window just opened has a project and a document, and nothing to undo or redo. */
const OFF_AT_START = new Set(['undo', 'redo']);

type Child = Node | string | null;

/** An element with attributes (false and null leave one out) and children (text as text, never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | null>, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

function header(project: ProjectInfo, face: FaceState): HTMLElement {
  const commands = commandTable(project.manifest.labels);
  return el(
    'header',
    { class: 'app-header' },
    el(
      'span',
      { class: 'header-group' },
      el('strong', { class: 'brand' }, 'Factmark'),
      el('span', { class: 'project-name', title: project.root }, project.manifest.name),
      ...projectLinks(commands).map((command) => el('button', { type: 'button', class: 'link' }, command.label)),
    ),
    el('span', { class: 'spacer' }),
    ...toolbarGroups(commands, face).map((group) =>
      el('span', { class: 'header-group' }, ...group.map(({ command, face: shown, title, ariaLabel }) => el('button', { type: 'button', title, 'aria-label': ariaLabel, disabled: OFF_AT_START.has(command.id) }, shown))),
    ),
  );
}

function select(label: string, choices: readonly { value: string; name: string }[], value: string): HTMLSelectElement {
  return el('select', { 'aria-label': label }, ...choices.map((choice) => el('option', { value: choice.value, selected: choice.value === value }, choice.name)));
}

function heading(summary: DocumentSummary, view: DocumentView, me: string): HTMLElement {
  const { meta } = summary;
  const guessed = guessedNote(meta);
  const source = sourceNote(meta);
  return el(
    'div',
    { class: 'document-heading' },
    el('h1', { dir: 'auto' }, meta.title ?? summary.id),
    el(
      'div',
      { class: 'heading-line muted' },
      el('span', { class: 'heading-group' }, byline(meta) || null, guessed === null ? null : el('span', { class: 'guessed', title: GUESSED_TITLE }, guessed), el('button', { type: 'button', class: 'link' }, HEADING_WORDS.details)),
      el('label', { class: 'heading-group' }, `${progressLabel({ annotator: me, readOnly: false })}:`, select(HEADING_WORDS.progressMenu, LAYER_STATUSES, view.layer.status)),
      el('label', { class: 'heading-group' }, `${HEADING_WORDS.layer}:`, select(HEADING_WORDS.layerMenu, layerChoices(me, layersHere(summary)), me)),
      el('span', { class: 'heading-group' }, el('button', { type: 'button', class: 'link' }, HEADING_WORDS.compare), el('button', { type: 'button', class: 'link' }, HEADING_WORDS.suggest)),
    ),
    source === null ? null : el('p', { class: 'muted small source-note', dir: 'auto' }, source),
    meta.published ? null : el('p', { class: 'warning', role: 'note' }, NO_DATE_WARNING),
  );
}

export interface Frame {
  element: HTMLElement;
  /** Where the article's lines go (the TextView's root). */
  text: HTMLElement;
}

/** The frame around `view`, the document open in the start-up answer. */
export function buildFrame(start: { project: ProjectInfo; documents: readonly DocumentSummary[]; view: DocumentView; me: string }, face: FaceState): Frame | null {
  const { project, documents, view, me } = start;
  const summary = documents.find((candidate) => candidate.id === view.document.id);
  if (!summary) return null;
  const text = el('div', { class: 'document-text', lang: view.document.meta.language, dir: 'auto', 'aria-label': 'Article text' });
  const element = el(
    'div',
    { class: 'app', inert: true, 'aria-busy': 'true' },
    header(project, face),
    el(
      'main',
      { class: 'workspace', 'data-layout': 'wide' },
      el('nav', { class: 'document-list', 'aria-label': 'Documents' }, el('h2', { class: 'pane-title' }, `Documents (${documents.length})`)),
      el('section', { class: 'document-pane', 'aria-label': 'Document' }, heading(summary, view, me), el('div', { class: 'document-scroll', 'aria-label': 'Article' }, text)),
      el('aside', { class: 'span-pane' }, el('section', { class: 'span-list', 'aria-label': 'Spans' }, el('h2', { class: 'pane-title' }, `Spans (${view.layer.spans.length})`))),
    ),
    el('footer', { class: 'status-bar' }, el('button', { type: 'button', class: 'link' }, `Annotator: ${me}`), el('span', {}, 'Opening…')),
  );
  return { element, text };
}
