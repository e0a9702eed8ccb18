/** Dialogs over the app: the shortcut list, and who is annotating. */
import { useState } from 'react';
import { AnnotatorName } from '../../../shared/model/common.js';
import type { ShortcutHelp } from '../annotate/shortcuts.js';
import { Dialog, DialogActions } from './Dialog.js';

const HELP_GROUPS: { when: ShortcutHelp['when']; title: string }[] = [
  { when: 'always', title: 'Tagging' },
  { when: 'reviewing', title: 'While reviewing two layers' },
  { when: 'suggesting', title: 'While suggestions are listed' },
];

export function HelpOverlay({ shortcuts, onClose }: { shortcuts: readonly ShortcutHelp[]; onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" title="Keyboard shortcuts" onDismiss={onClose}>
      {HELP_GROUPS.map((group) => (
        <table key={group.when} className="shortcuts">
          <caption>{group.title}</caption>
          <tbody>
            {shortcuts
              .filter((shortcut) => shortcut.when === group.when)
              .map((shortcut) => (
                <tr key={shortcut.keys + shortcut.does}>
                  <th scope="row">
                    <kbd>{shortcut.keys}</kbd>
                  </th>
                  <td>{shortcut.does}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
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
