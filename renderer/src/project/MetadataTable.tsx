/**
 * The metadata of many documents at once, as a table: one row per document, one column
 * per field, every cell editable, a value filled into every empty cell of a column with
 * one click (the outlet of a batch from one site), and only the rows that changed
 * written. Dates are read as in Details (30 March 2020, 2020-03-30; a day-month order that
 * could go either way is asked about); values Factmark guessed from the text are in
 * italics until a row is saved or confirmed.
 */
import { useMemo, useState } from 'react';
import { DocumentMetaEdit, type DocumentSummary } from '../../../shared/api.js';
import { readTypedDate } from '../../../shared/text/typed-date.js';
import { Dialog, DialogError } from '../ui/Dialog.js';

const COLUMNS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['published', 'Published'],
  ['url', 'Address (URL)'],
  ['language', 'Language'],
] as const;

type Column = (typeof COLUMNS)[number][0];
type Row = Record<Column, string>;

interface Props {
  documents: readonly DocumentSummary[];
  /** Writes the rows that changed; resolves when all are saved. */
  onSave: (edits: { documentId: string; meta: DocumentMetaEdit }[]) => Promise<void>;
  onClose: () => void;
}

function rowOf(doc: DocumentSummary): Row {
  return Object.fromEntries(COLUMNS.map(([key]) => [key, doc.meta[key] ?? ''])) as Row;
}

/** A row as the api takes it, or what is wrong with it, cell by cell. */
export function checkRow(row: Row, notes: string | null | undefined): { meta: DocumentMetaEdit } | { problems: Partial<Record<Column, string>> } {
  const problems: Partial<Record<Column, string>> = {};
  const typed = row.published.trim() ? readTypedDate(row.published) : null;
  if (typed && !typed.ok) problems.published = typed.problem;
  const value = Object.fromEntries(COLUMNS.map(([key]) => [key, key === 'published' && typed?.ok ? typed.value : row[key].trim() === '' ? null : row[key].trim()]));
  const checked = DocumentMetaEdit.safeParse({ ...value, notes: notes ?? null });
  if (!checked.success) for (const issue of checked.error.issues) problems[issue.path[0] as Column] ??= issue.message;
  return Object.keys(problems).length ? { problems } : { meta: checked.success ? checked.data : (value as DocumentMetaEdit) };
}

export function MetadataTable({ documents, onSave, onClose }: Props) {
  const [rows, setRows] = useState<Record<string, Row>>(() => Object.fromEntries(documents.map((doc) => [doc.id, rowOf(doc)])));
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [fill, setFill] = useState<{ column: Column; value: string }>({ column: 'outlet', value: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const original = useMemo(() => new Map(documents.map((doc) => [doc.id, rowOf(doc)])), [documents]);
  const changed = documents.filter((doc) => confirmed.has(doc.id) || COLUMNS.some(([key]) => rows[doc.id]?.[key] !== original.get(doc.id)?.[key]));
  const checks = new Map(documents.map((doc) => [doc.id, checkRow(rows[doc.id] ?? rowOf(doc), doc.meta.notes)]));
  const invalid = changed.filter((doc) => 'problems' in (checks.get(doc.id) ?? {}));
  const set = (id: string, column: Column, value: string) => setRows((current) => ({ ...current, [id]: { ...(current[id] as Row), [column]: value } }));
  const fillEmpty = () => {
    if (!fill.value.trim()) return;
    setRows((current) => Object.fromEntries(Object.entries(current).map(([id, row]) => [id, row[fill.column].trim() ? row : { ...row, [fill.column]: fill.value.trim() }])));
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(changed.flatMap((doc) => {
        const check = checks.get(doc.id);
        return check && 'meta' in check ? [{ documentId: doc.id, meta: check.meta }] : [];
      }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSaving(false);
    }
  };
  return (
    <Dialog label="Metadata of documents" title={`Metadata of ${documents.length === 1 ? 'one document' : `${documents.length} documents`}`} wide>
      <div className="metadata-fill">
        <label>
          Fill every empty{' '}
          <select value={fill.column} onChange={(event) => setFill({ ...fill, column: event.target.value as Column })} aria-label="Column to fill">
            {COLUMNS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>{' '}
          with <input value={fill.value} onChange={(event) => setFill({ ...fill, value: event.target.value })} aria-label="Value to fill in" dir="auto" />
        </label>{' '}
        <button type="button" onClick={fillEmpty} disabled={!fill.value.trim()}>
          Fill
        </button>
      </div>
      <div className="metadata-table-scroll">
        <table className="metadata-table">
          <thead>
            <tr>
              <th>Document</th>
              {COLUMNS.map(([key, label]) => (
                <th key={key}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => {
              const row = rows[doc.id] ?? rowOf(doc);
              const check = checks.get(doc.id);
              const problems = check && 'problems' in check ? check.problems : {};
              const guessed: readonly string[] = confirmed.has(doc.id) ? [] : (doc.meta.guessed ?? []);
              return (
                <tr key={doc.id} data-changed={changed.includes(doc) || undefined}>
                  <th scope="row" title={doc.id}>
                    {doc.meta.source?.file ?? doc.id}
                    {guessed.length > 0 && (
                      <button type="button" className="link small" onClick={() => setConfirmed(new Set([...confirmed, doc.id]))} title="The values in italics were guessed from the text: mark them right as they are">
                        {' '}
                        Confirm
                      </button>
                    )}
                  </th>
                  {COLUMNS.map(([key, label]) => (
                    <td key={key} className={key}>
                      <input
                        value={row[key]}
                        onChange={(event) => set(doc.id, key, event.target.value)}
                        aria-label={`${label} of ${doc.meta.source?.file ?? doc.id}`}
                        aria-invalid={problems[key] ? true : undefined}
                        title={problems[key] ?? (guessed.includes(key) && row[key] === original.get(doc.id)?.[key] ? 'Guessed from the text' : undefined)}
                        className={guessed.includes(key) && row[key] === original.get(doc.id)?.[key] ? 'guessed' : undefined}
                        dir="auto"
                      />
                      {problems[key] && <span className="field-problem small">{problems[key]}</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <DialogError message={error} />
      <div className="buttons">
        <span className="muted small">{invalid.length ? `${invalid.length} changed ${invalid.length === 1 ? 'row has' : 'rows have'} a value to fix` : `${changed.length} changed`}</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={saving || changed.length === 0 || invalid.length > 0} onClick={() => void save()}>
          Save {changed.length === 1 ? '1 row' : `${changed.length} rows`}
        </button>
      </div>
    </Dialog>
  );
}
