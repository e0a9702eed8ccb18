/** The toolbar across the top: the project, undo and redo, import, export, theme, help. */
import { useRef } from 'react';
import type { Theme } from '../../../shared/api.js';
import { ACCEPTED } from '../import/read-files.js';

interface Props {
  project: { name: string; root: string } | null;
  history: { canUndo: boolean; canRedo: boolean; undo(): void; redo(): void } | null;
  theme: Theme;
  onProjects: () => void;
  onLabels: () => void;
  /** The metadata of every document, in one table. */
  onMetadataTable: () => void;
  onImportFiles: (files: File[]) => void;
  onPaste: () => void;
  onImportAnnotations: () => void;
  onExport: () => void;
  onToggleTheme: () => void;
  onHelp: () => void;
}

export function AppHeader({ project, history, theme, onProjects, onLabels, onMetadataTable, onImportFiles, onPaste, onImportAnnotations, onExport, onToggleTheme, onHelp }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  // Groups wrap as a whole on a narrow window: a label never parts from its buttons.
  return (
    <header className="app-header">
      <span className="header-group">
        <strong className="brand">Factmark</strong>
        <span className="project-name" title={project?.root}>
          {project?.name ?? 'No project open'}
        </span>
        <button type="button" className="link" onClick={onProjects}>
          Projects…
        </button>
        <button type="button" className="link" onClick={onLabels} disabled={!project}>
          Labels…
        </button>
        <button type="button" className="link" onClick={onMetadataTable} disabled={!project} title="Edit the title, outlet, author, date, address and language of every document in one table">
          Metadata…
        </button>
      </span>
      <span className="spacer" />
      <span className="header-group">
        <button type="button" onClick={() => history?.undo()} disabled={!history?.canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => history?.redo()} disabled={!history?.canRedo} title="Redo (Shift+Ctrl+Z)">
          Redo
        </button>
      </span>
      <span className="header-group">
        <button type="button" onClick={() => fileInput.current?.click()} title="Import articles: text, web pages, PDF, Word, e-mail (or drop files on the window); a CSV or JSON sheet chosen with them gives their metadata">
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPTED}
          hidden
          data-testid="import-input"
          onChange={(event) => {
            onImportFiles(Array.from(event.target.files ?? []));
            // Cleared, so choosing the same file again imports it again.
            event.target.value = '';
          }}
        />
        <button type="button" onClick={onPaste} title="New document from clipboard">
          Paste…
        </button>
        <button type="button" onClick={onImportAnnotations} disabled={!project} title="Import annotations made elsewhere: a colleague's export, brat, W3C, doccano, Label Studio">
          Import annotations…
        </button>
        <button type="button" onClick={onExport} disabled={!project}>
          Export…
        </button>
      </span>
      <span className="header-group">
        {/* Named by what it shows, so a voice command of the visible words finds it. */}
        <button type="button" onClick={onToggleTheme} title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? 'Light' : 'Dark'} theme
        </button>
        <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </span>
    </header>
  );
}
