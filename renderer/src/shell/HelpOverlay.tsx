/** The `?` overlay: every key the window answers to, grouped by when it applies. */
import type { ShortcutHelp } from '../annotate/shortcuts.js';
import { Dialog } from '../ui/Dialog.js';

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
