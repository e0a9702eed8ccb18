/** Who is annotating: asked once, on first start, and changed from the status bar. */
import { useState } from 'react';
import { AnnotatorName } from '../../../shared/model/common.js';
import { Dialog, DialogActions } from '../ui/Dialog.js';

export function AnnotatorDialog({ suggested, current, onSave, onCancel }: { suggested: string; current: string | null; onSave: (name: string) => void; onCancel?: () => void }) {
  const [name, setName] = useState(current ?? suggested);
  const check = AnnotatorName.safeParse(name);
  return (
    <Dialog
      label="Who is annotating?"
      title="Who is annotating?"
      onSubmit={() => {
        if (check.success) onSave(check.data);
      }}
    >
      <p>Your tags are saved under this name, in their own files, so colleagues' work never mixes with yours.</p>
      <label className="field">
        <span>Annotator name</span>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus aria-label="Annotator name" />
      </label>
      {!check.success && <p className="error">Use 1–64 lower-case letters, digits, “.”, “_” or “-”.</p>}
      <DialogActions submit="Save" disabled={!check.success} onCancel={onCancel} />
    </Dialog>
  );
}
