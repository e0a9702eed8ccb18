/** Editing a document's metadata: title, outlet, author, address, date, language, notes. */
import { useState } from 'react';
import { DocumentMetaEdit } from '../../../shared/api.js';
import type { DocumentMeta } from '../../../shared/model/document.js';
import { Dialog, DialogActions, DialogError } from './Dialog.js';

const FIELDS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['url', 'Address (URL)'],
  ['published', 'Published (YYYY-MM-DD)'],
  ['language', 'Language (e.g. en, ar)'],
] as const;

interface Props {
  meta: DocumentMeta;
  /** The language the text looks like, offered when none is set. */
  suggestedLanguage: string | null;
  onSave: (meta: DocumentMetaEdit) => Promise<void>;
  onClose: () => void;
}

export function MetadataDialog({ meta, suggestedLanguage, onSave, onClose }: Props) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries([...FIELDS.map(([key]) => [key, meta[key] ?? '']), ['notes', meta.notes ?? '']]));
  const [error, setError] = useState<string | null>(null);
  const value = Object.fromEntries(Object.entries(draft).map(([key, text]) => [key, text.trim() === '' ? null : text.trim()]));
  const check = DocumentMetaEdit.safeParse(value);
  return (
    <Dialog
      label="Document details"
      title="Document details"
      onSubmit={() => {
        if (check.success) onSave(check.data).catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
      }}
    >
      {FIELDS.map(([key, label]) => (
        <label key={key} className="field">
          <span>{label}</span>
          <input value={draft[key] ?? ''} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} aria-label={label} dir="auto" />
          {key === 'language' && suggestedLanguage && !draft.language && (
            <span className="suggestion">
              The text looks like “{suggestedLanguage}”.{' '}
              <button type="button" className="link" onClick={() => setDraft({ ...draft, language: suggestedLanguage })}>
                Use it
              </button>
            </span>
          )}
        </label>
      ))}
      <label className="field">
        <span>Notes</span>
        <textarea rows={3} value={draft.notes ?? ''} onChange={(event) => setDraft({ ...draft, notes: event.target.value })} aria-label="Notes" />
      </label>
      {!check.success && <p className="error">{check.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join('; ')}</p>}
      <DialogError message={error} />
      <DialogActions submit="Save" disabled={!check.success} onCancel={onClose} />
    </Dialog>
  );
}
