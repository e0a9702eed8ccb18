/** Editing a document's metadata: title, outlet, author, address, date, language, notes. */
import { useState } from 'react';
import { DocumentMetaEdit } from '../../../shared/api.js';
import type { DocumentMeta } from '../../../shared/model/document.js';
import { readTypedDate, spoken } from '../../../shared/text/typed-date.js';
import { Dialog, DialogActions, DialogError } from '../ui/Dialog.js';

const FIELDS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['url', 'Address (URL)'],
  ['published', 'Published'],
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
  const guessed: readonly string[] = meta.guessed ?? [];
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries([...FIELDS.map(([key]) => [key, meta[key] ?? '']), ['notes', meta.notes ?? '']]));
  const [error, setError] = useState<string | null>(null);
  // The date as typed (30/03/2020, 30 March 2020) is read into YYYY-MM-DD; what cannot
  // be read, or could be two days, is said under the field.
  const typed = draft.published?.trim() ? readTypedDate(draft.published) : null;
  const value = Object.fromEntries(Object.entries(draft).map(([key, text]) => [key, key === 'published' && typed?.ok ? typed.value : text.trim() === '' ? null : text.trim()]));
  const check = DocumentMetaEdit.safeParse(value);
  const problems = check.success ? [] : check.error.issues.filter((issue) => issue.path[0] !== 'published' || !typed || typed.ok).map((issue) => `${String(issue.path[0])}: ${issue.message}`);
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
          <span>
            {label}
            {guessed.includes(key) && <em className="guessed"> (guessed)</em>}
          </span>
          <input
            value={draft[key] ?? ''}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            aria-label={label}
            dir="auto"
            {...(key === 'published' ? { placeholder: 'e.g. 2020-03-30 or 30 March 2020', 'aria-describedby': 'published-read-as', 'aria-invalid': typed !== null && !typed.ok } : {})}
          />
          {key === 'published' && typed && (
            <span id="published-read-as" className={typed.ok ? 'muted small' : 'field-problem'} data-testid="published-read-as">
              {typed.ok ? `Read as ${spoken(typed.value)}` : typed.problem}
            </span>
          )}
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
      {guessed.length > 0 && <p className="muted small">Fields marked “guessed” were read off the article’s text; saving confirms them.</p>}
      {problems.length > 0 && <p className="error">{problems.join('; ')}</p>}
      <DialogError message={error} />
      <DialogActions submit="Save" disabled={!check.success} onCancel={onClose} />
    </Dialog>
  );
}
