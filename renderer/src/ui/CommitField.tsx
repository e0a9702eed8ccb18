/**
 * A text field that commits when the analyst is done with it (Enter, leaving the field,
 * or the field going away with a draft), not at every key: a span's note, a claim's
 * wording. A draft that does not validate is kept, with the reason under it; Escape
 * brings back the committed value.
 */
import { useEffect, useId, useRef, useState } from 'react';

export interface CommitFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Why a draft cannot be committed (then it is kept, with the reason under it), or null. */
  validate?: (draft: string) => string | null;
  multiline?: boolean;
  placeholder?: string;
}

export function CommitField({ label, value, onCommit, validate, multiline = false, placeholder }: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  // The value as last given or committed, and the latest draft and commit, for the
  // clean-up below (which sees only the first render's closure).
  const latest = useRef({ value, draft, onCommit });
  latest.current = { ...latest.current, draft, onCommit };
  useEffect(() => {
    latest.current.value = value;
    setDraft(value);
  }, [value]);
  const commit = () => {
    const { draft: text, value: committed, onCommit: send } = latest.current;
    const why = validate?.(text) ?? null;
    setProblem(why);
    if (text === committed || why) return;
    latest.current.value = text;
    send(text);
  };
  // Unmounted with a draft (the selection moved on without a blur): it is its span's.
  useEffect(() => () => commit(), []);
  const common = {
    value: draft,
    placeholder,
    'aria-label': label,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
        event.preventDefault();
        commit();
      }
      if (event.key === 'Escape') {
        latest.current.draft = latest.current.value;
        setDraft(latest.current.value);
        setProblem(null);
      }
    },
  };
  const described = problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} {...described} /> : <input type="text" {...common} {...described} />}
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}; not saved
        </span>
      )}
    </label>
  );
}
