/**
 * Bringing articles in from the window: files chosen or dropped (read here, sent to the
 * service in batches so a long list shows progress), or text pasted as a new document.
 * Every file gets its own line in the report: imported, already there, the same story
 * as another document, or why it failed.
 */
import { useState } from 'react';
import type { ImportOutcome } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';

const BATCH = 20;
export const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface ImportProgress {
  done: number;
  total: number;
  outcomes: ImportOutcome[];
  finished: boolean;
}

/** Imports `files` in batches, reporting progress after each. */
export async function importFileList(api: ApiClient, files: readonly File[], annotator: string | null, onProgress: (progress: ImportProgress) => void): Promise<void> {
  const outcomes: ImportOutcome[] = [];
  onProgress({ done: 0, total: files.length, outcomes, finished: false });
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const payload = await Promise.all(batch.map(async (file) => ({ name: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) })));
    try {
      outcomes.push(...(await api.call('importTexts', { files: payload, importedBy: annotator })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push(...batch.map((file) => ({ file: file.name, status: 'failed' as const, error: { code: 'INTERNAL' as const, message: `${file.name}: ${message}` } })));
    }
    onProgress({ done: Math.min(files.length, i + BATCH), total: files.length, outcomes: [...outcomes], finished: false });
  }
  onProgress({ done: files.length, total: files.length, outcomes, finished: true });
}

export function ImportReport({ progress, onClose, onOpen }: { progress: ImportProgress; onClose: () => void; onOpen: (documentId: string) => void }) {
  const imported = progress.outcomes.filter((outcome) => outcome.status === 'imported').length;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Import">
      <div className="dialog">
        <h2>Import</h2>
        {!progress.finished && <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
        <p role="status">
          {progress.finished ? `${imported} of ${progress.total} imported` : `Importing ${progress.done} of ${progress.total}…`}
        </p>
        <ul className="import-report">
          {progress.outcomes.map((outcome, i) => (
            <li key={`${outcome.file}-${i}`} data-status={outcome.status}>
              {outcome.status === 'imported' && (
                <>
                  <button type="button" className="link" onClick={() => onOpen(outcome.documentId)}>
                    {outcome.title ?? outcome.file}
                  </button>{' '}
                  imported{outcome.encoding !== 'utf-8' ? ` (decoded from ${outcome.encoding})` : ''}
                  {outcome.nearDuplicates.map((near) => (
                    <div key={near.documentId} className="warning">
                      Looks like the same story as “{near.title ?? near.documentId}” ({Math.round(near.similarity * 100)}% shared wording). Keep both, or remove one from the project folder.
                    </div>
                  ))}
                </>
              )}
              {outcome.status === 'duplicate' && <span className="muted">{outcome.message}</span>}
              {outcome.status === 'failed' && <span className="error">{outcome.error.message}</span>}
            </li>
          ))}
        </ul>
        <div className="buttons">
          <button type="button" onClick={onClose} disabled={!progress.finished}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

export function PasteDialog({ onImport, onClose }: { onImport: (title: string, text: string) => void; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="New document from clipboard">
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) onImport(title.trim(), text);
        }}
      >
        <h2>New document from clipboard</h2>
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} aria-label="Title" />
        </label>
        <label className="field">
          <span>Article text (paste with Ctrl+V)</span>
          <textarea rows={12} value={text} onChange={(event) => setText(event.target.value)} aria-label="Article text" autoFocus />
        </label>
        <div className="buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!text.trim()}>
            Add document
          </button>
        </div>
      </form>
    </div>
  );
}

/** Text as a file for importTexts: UTF-8 bytes, base64. */
export function textFile(name: string, text: string): { name: string; data: string } {
  return { name, data: toBase64(new TextEncoder().encode(text)) };
}
