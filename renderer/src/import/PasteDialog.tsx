import { useRef, useState } from 'react';
import { plural } from '../../../shared/text/plural.js';
import { Dialog, DialogActions } from '../ui/Dialog.js';

/** Above this, pasted text is kept aside instead of in the text box (see PasteDialog). */
export const LARGE_PASTE = 200_000;

/**
 * Text pasted as a new document. The text box is left to the browser (not a React
 * state), and a long paste does not go into it at all: laying out megabytes in a text
 * box held the window for seconds. It is kept as it came, shown by its length and first
 * words, and read once, on "Add document".
 */
export function PasteDialog({ onImport, onClose, onWebAddress }: { onImport: (title: string, text: string) => void; onClose: () => void; onWebAddress?: () => void }) {
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
      {onWebAddress && (
        <p className="small">
          Or give the page’s address:{' '}
          <button type="button" className="link" onClick={onWebAddress}>
            From a web address…
          </button>
        </p>
      )}
      <DialogActions submit="Add document" disabled={large === null && size === 0} onCancel={onClose} />
    </Dialog>
  );
}
