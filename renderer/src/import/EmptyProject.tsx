/**
 * What the centre shows with no document to open: how to bring articles in, with the
 * buttons to do it, in words that fit where the app runs (a menu bar in the desktop app,
 * none in the browser).
 */
import { useRef } from 'react';
import { ACCEPTED } from './read-files.js';

interface Props {
  /** False while the document list is still being read. */
  empty: boolean;
  desktop: boolean;
  onImportFiles: (files: File[]) => void;
  onPaste: () => void;
  onWebAddress?: () => void;
}

export function EmptyProject({ empty, desktop, onImportFiles, onPaste, onWebAddress }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  if (!empty) return <p className="empty">Loading…</p>;
  return (
    <div className="empty empty-project">
      <h2>This project has no documents yet</h2>
      <p>Bring in the articles you want to check: text, Markdown, saved web pages, PDF, Word or e-mail files, or web addresses. A CSV or JSON sheet chosen with the files can give their titles, outlets and dates.</p>
      <div className="buttons start">
        <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
          Import articles…
        </button>
        <button type="button" onClick={onPaste}>
          Paste an article…
        </button>
        {onWebAddress && (
          <button type="button" onClick={onWebAddress}>
            From a web address…
          </button>
        )}
      </div>
      <input ref={fileInput} type="file" multiple accept={ACCEPTED} hidden onChange={(event) => onImportFiles(Array.from(event.target.files ?? []))} />
      <p className="muted small">
        You can also drop files anywhere on this window{desktop ? ', or use File → Import Articles…' : ''}. From a terminal: <code>factmark import PROJECT-FOLDER FILES…</code>
      </p>
    </div>
  );
}
