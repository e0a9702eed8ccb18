/**
 * Page furniture found in the files about to be imported: every line shown, ticked for
 * removal; the analyst decides. Nothing is removed without this dialog.
 */
import { useState } from 'react';
import type { ImportPreview } from '../../../shared/api.js';
import { Dialog } from '../ui/Dialog.js';

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
