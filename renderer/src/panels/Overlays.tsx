/** Dialogs over the app: the shortcut list, who is annotating, and export. */
import { useState } from 'react';
import { AnnotatorName } from '../../../shared/model/common.js';
import type { ShortcutHelp } from '../annotate/shortcuts.js';
import { Dialog, DialogActions } from './Dialog.js';

export function HelpOverlay({ shortcuts, onClose }: { shortcuts: readonly ShortcutHelp[]; onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" title="Keyboard shortcuts" onDismiss={onClose}>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.keys + shortcut.does}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Dialog>
  );
}

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

export function ExportDialog({ hasDocument, onExport, onClose, message }: { hasDocument: boolean; onExport: (scope: 'document' | 'project') => void; onClose: () => void; message: string | null }) {
  const [scope, setScope] = useState<'document' | 'project'>(hasDocument ? 'document' : 'project');
  return (
    <Dialog
      label="Export Factmark JSON"
      title="Export Factmark JSON"
      onSubmit={() => {
        onExport(scope);
      }}
    >
      <fieldset>
        <legend>What to export</legend>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'document'} disabled={!hasDocument} onChange={() => setScope('document')} /> This document
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'project'} onChange={() => setScope('project')} /> The whole project
        </label>
      </fieldset>
      <p className="muted small">Documents with their text and metadata, the label schema, and every annotator's spans and relations.</p>
      {message && <p role="status">{message}</p>}
      <DialogActions submit="Export" onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}
