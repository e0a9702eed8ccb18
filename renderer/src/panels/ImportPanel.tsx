/**
 * Bringing articles in from the window: files chosen or dropped (read here, sent to the
 * service in batches so a long list shows progress), or text pasted as a new document.
 * Every file gets its own line in the report: imported, already there, the same story
 * as another document, or why it failed.
 */
import { useRef, useState } from 'react';
import type { ImportOutcome, ImportPreview } from '../../../shared/api.js';
import { plural } from '../../../shared/text/plural.js';
import type { ApiClient } from '../api/client.js';
import { Dialog, DialogActions } from './Dialog.js';

const BATCH = 20;
export const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml';

/**
 * Bytes as base64, encoded by the browser off the page's thread (FileReader): a 10 MB
 * file encoded here in JavaScript held the window for a third of a second.
 */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** "5.0 MB", "820 KB": a size as a person reads it. */
export function byteSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export interface ImportProgress {
  done: number;
  total: number;
  outcomes: ImportOutcome[];
  finished: boolean;
  /** What is happening before the files go in: reading them, looking for furniture. */
  step?: string;
}

/** A file read in the window, ready to send: its bytes as base64. */
export interface FilePayload {
  name: string;
  data: string;
}

export async function readFiles(files: readonly File[]): Promise<FilePayload[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, data: await toBase64(file) })));
}

/** What each file would bring in, to show page furniture before anything is removed. */
export async function previewFiles(api: ApiClient, files: readonly FilePayload[]): Promise<ImportPreview[]> {
  const previews: ImportPreview[] = [];
  for (let i = 0; i < files.length; i += BATCH) previews.push(...(await api.call('previewImport', { files: files.slice(i, i + BATCH) })));
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
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map((file, j) => ({ ...file, removeLines: removeLines[i + j] ?? [] }));
    try {
      outcomes.push(...(await api.call('importTexts', { files: batch, importedBy: annotator })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push(...batch.map((file) => ({ file: file.name, status: 'failed' as const, error: { code: 'INTERNAL' as const, message: `${file.name}: ${message}` } })));
    }
    onProgress({ done: Math.min(files.length, i + BATCH), total: files.length, outcomes: [...outcomes], finished: false });
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
      {/* One file has no steps to count: the bar then just says "working". */}
      {!progress.finished && (progress.total > 1 ? <progress max={progress.total} value={progress.done} aria-label="Import progress" /> : <progress aria-label="Import progress" />)}
      <p role="status">
        {progress.finished ? `${imported} of ${plural(progress.total, 'file')} imported` : (progress.step ?? `Importing ${progress.done} of ${plural(progress.total, 'file')}…`)}
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
                {outcome.removedLines.length ? `, ${plural(outcome.removedLines.length, 'line')} of page furniture left out` : ''}
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

/** Above this, pasted text is kept aside instead of in the text box (see PasteDialog). */
export const LARGE_PASTE = 200_000;

/**
 * Text pasted as a new document. The text box is left to the browser (not a React
 * state), and a long paste does not go into it at all: laying out megabytes in a text
 * box held the window for seconds. It is kept as it came, shown by its length and first
 * words, and read once, on "Add document".
 */
export function PasteDialog({ onImport, onClose }: { onImport: (title: string, text: string) => void; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [size, setSize] = useState(0);
  const [large, setLarge] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const submit = () => {
    const text = large ?? box.current?.value ?? '';
    if (text.trim()) onImport(title.trim(), text);
  };
  const onPaste = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (pasted.length < LARGE_PASTE) return;
    event.preventDefault();
    setLarge(pasted);
  };
  return (
    <Dialog label="New document from clipboard" title="New document from clipboard" onSubmit={submit}>
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} aria-label="Title" />
      </label>
      {large === null ? (
        <label className="field">
          <span>Article text (paste with Ctrl+V)</span>
          <textarea ref={box} rows={12} spellCheck={false} autoComplete="off" onPaste={onPaste} onInput={(event) => setSize(event.currentTarget.value.length)} aria-label="Article text" autoFocus />
        </label>
      ) : (
        <div className="field" data-testid="pasted-text">
          <span>Article text</span>
          <p className="pasted-summary">
            {plural(large.length, 'character')} pasted, beginning “<span dir="auto">{large.slice(0, 120).trim()}</span>…”{' '}
            <button type="button" className="link" onClick={() => setLarge(null)}>
              Clear
            </button>
          </p>
        </div>
      )}
      {large === null && size > 100_000 && <p className="muted small">{plural(size, 'character')}</p>}
      <DialogActions submit="Add document" disabled={large === null && size === 0} onCancel={onClose} />
    </Dialog>
  );
}

/** Text as a file for importTexts: UTF-8 bytes, base64. */
export async function textFile(name: string, text: string): Promise<FilePayload> {
  return { name, data: await toBase64(new Blob([text], { type: 'text/plain;charset=utf-8' })) };
}
