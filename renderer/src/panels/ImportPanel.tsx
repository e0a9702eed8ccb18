/**
 * Bringing articles in from the window: files chosen or dropped (read here, sent to the
 * service in batches so a long list shows progress), or text pasted as a new document.
 * Every file gets its own line in the report: imported, already there, the same story
 * as another document, or why it failed.
 */
import { useState } from 'react';
import type { ImportOutcome, ImportPreview } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import { Dialog, DialogActions } from './Dialog.js';
import { batches, tooLargeToSend, type FilePayload } from './import-batches.js';

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

export type { FilePayload } from './import-batches.js';

export async function readFiles(files: readonly File[]): Promise<FilePayload[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) })));
}

/** What each file would bring in, to show page furniture before anything is removed. */
export async function previewFiles(api: ApiClient, files: readonly FilePayload[]): Promise<ImportPreview[]> {
  const previews: ImportPreview[] = [];
  for (const { start, end } of batches(files)) {
    const batch = files.slice(start, end);
    const tooLarge = batch.length === 1 ? tooLargeToSend(batch[0] as FilePayload) : null;
    // Not sent: the service would refuse it anyway, and the request would be too large.
    if (tooLarge) previews.push({ file: tooLarge.file, error: tooLarge.error });
    else previews.push(...(await api.call('previewImport', { files: batch })));
  }
  return previews;
}

/**
 * Imports `files` in batches, reporting progress after each. `removeLines[i]` lists the
 * lines the analyst chose to drop from file i.
 */
export async function importPayloads(
  api: ApiClient,
  files: readonly FilePayload[],
  removeLines: Readonly<Record<number, number[]>>,
  annotator: string | null,
  onProgress: (progress: ImportProgress) => void,
): Promise<void> {
  const outcomes: ImportOutcome[] = [];
  onProgress({ done: 0, total: files.length, outcomes, finished: false });
  for (const { start, end } of batches(files)) {
    const batch = files.slice(start, end).map((file, j) => ({ ...file, removeLines: removeLines[start + j] ?? [] }));
    const tooLarge = batch.length === 1 ? tooLargeToSend(batch[0] as FilePayload) : null;
    try {
      outcomes.push(...(tooLarge ? [tooLarge] : await api.call('importTexts', { files: batch, importedBy: annotator })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push(...batch.map((file) => ({ file: file.name, status: 'failed' as const, error: { code: 'INTERNAL' as const, message: `${file.name}: ${message}` } })));
    }
    onProgress({ done: end, total: files.length, outcomes: [...outcomes], finished: false });
  }
  onProgress({ done: files.length, total: files.length, outcomes, finished: true });
}

/**
 * Page furniture found in the files: every line shown, ticked for removal; the analyst
 * decides. Nothing is removed without this dialog.
 */
export function FurnitureDialog({ previews, onDone }: { previews: readonly ImportPreview[]; onDone: (removeLines: Record<number, number[]> | null) => void }) {
  const [chosen, setChosen] = useState<Record<number, number[]>>(() =>
    Object.fromEntries(previews.flatMap((preview, i) => ('furniture' in preview && preview.furniture.length ? [[i, preview.furniture.map((line) => line.line)]] : []))),
  );
  const toggle = (file: number, line: number) => {
    const current = chosen[file] ?? [];
    setChosen({ ...chosen, [file]: current.includes(line) ? current.filter((other) => other !== line) : [...current, line] });
  };
  return (
    <Dialog label="Page furniture" title="Remove page furniture?">
      <p className="muted small">These lines look like parts of the web page, not of the article. Ticked lines are left out of the document; the rest of the text is kept exactly. Documents cannot be changed after import.</p>
      {previews.map((preview, i) =>
        'furniture' in preview && preview.furniture.length ? (
          <fieldset key={`${preview.file}-${i}`}>
            <legend>{preview.file}</legend>
            {preview.furniture.map((line) => (
              <label key={line.line} className="checkbox furniture-line">
                <input type="checkbox" checked={(chosen[i] ?? []).includes(line.line)} onChange={() => toggle(i, line.line)} />
                <span>
                  <span className="muted">line {line.line + 1} ({line.reason}):</span> <code>{line.text.trim()}</code>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null,
      )}
      <div className="buttons">
        <button type="button" onClick={() => onDone(null)}>
          Cancel import
        </button>
        <button type="button" onClick={() => onDone({})}>
          Import as is
        </button>
        <button type="button" className="primary" onClick={() => onDone(chosen)}>
          Import without ticked lines
        </button>
      </div>
    </Dialog>
  );
}

interface ReportProps {
  progress: ImportProgress;
  onClose: () => void;
  onOpen: (documentId: string) => void;
  /** Takes back an import (a near-duplicate the analyst does not want). */
  onRemove: (documentId: string) => Promise<void>;
}

export function ImportReport({ progress, onClose, onOpen, onRemove }: ReportProps) {
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const imported = progress.outcomes.filter((outcome) => outcome.status === 'imported').length;
  return (
    <Dialog label="Import" title="Import">
      {!progress.finished && <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
      <p role="status">
        {progress.finished ? `${imported} of ${progress.total} imported` : `Importing ${progress.done} of ${progress.total}…`}
      </p>
      <ul className="import-report">
        {progress.outcomes.map((outcome, i) => (
          <li key={`${outcome.file}-${i}`} data-status={outcome.status}>
            {outcome.status === 'imported' && removed.has(outcome.documentId) && <span className="muted">{outcome.title ?? outcome.file}: not kept</span>}
            {outcome.status === 'imported' && !removed.has(outcome.documentId) && (
              <>
                <button type="button" className="link" onClick={() => onOpen(outcome.documentId)}>
                  {outcome.title ?? outcome.file}
                </button>{' '}
                imported{outcome.encoding !== 'utf-8' ? ` (decoded from ${outcome.encoding})` : ''}
                {outcome.removedLines.length ? `, ${outcome.removedLines.length} lines of page furniture left out` : ''}
                {outcome.nearDuplicates.map((near) => (
                  <div key={near.documentId} className="warning">
                    Looks like the same story as “{near.title ?? near.documentId}” ({Math.round(near.similarity * 100)}% shared wording).{' '}
                    <button type="button" className="link" onClick={() => void onRemove(outcome.documentId).then(() => setRemoved(new Set([...removed, outcome.documentId])))}>
                      Don't keep this one
                    </button>
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
    </Dialog>
  );
}

export function PasteDialog({ onImport, onClose }: { onImport: (title: string, text: string) => void; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <Dialog
      label="New document from clipboard"
      title="New document from clipboard"
      onSubmit={() => {
        if (text.trim()) onImport(title.trim(), text);
      }}
    >
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} aria-label="Title" />
      </label>
      <label className="field">
        <span>Article text (paste with Ctrl+V)</span>
        <textarea rows={12} value={text} onChange={(event) => setText(event.target.value)} aria-label="Article text" autoFocus />
      </label>
      <DialogActions submit="Add document" disabled={!text.trim()} onCancel={onClose} />
    </Dialog>
  );
}

/** Text as a file for importTexts: UTF-8 bytes, base64. */
export function textFile(name: string, text: string): FilePayload {
  return { name, data: toBase64(new TextEncoder().encode(text)) };
}
