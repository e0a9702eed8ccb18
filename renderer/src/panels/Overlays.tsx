/** Dialogs over the app: the shortcut list, who is annotating, and export. */
import { useState } from 'react';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormatId } from '../../../shared/formats/registry.js';
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

export function ExportDialog({ hasDocument, onExport, onClose, message }: { hasDocument: boolean; onExport: (scope: 'document' | 'project', format: ExportFormatId) => void; onClose: () => void; message: string | null }) {
  const [scope, setScope] = useState<'document' | 'project'>(hasDocument ? 'document' : 'project');
  const [format, setFormat] = useState<ExportFormatId>('factmark-json');
  return (
    <Dialog label="Export" title="Export" onSubmit={() => onExport(scope, format)}>
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormatId)} aria-label="Format">
          {EXPORT_FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {EXPORT_FORMATS[id].name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>What to export</legend>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'document'} disabled={!hasDocument} onChange={() => setScope('document')} /> This document
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'project'} onChange={() => setScope('project')} /> The whole project
        </label>
      </fieldset>
      <p className="muted small">Every annotator's spans, with the documents' text and metadata where the format carries them.</p>
      {message && <p role="status">{message}</p>}
      <DialogActions submit="Export" onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}
