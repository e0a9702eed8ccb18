/** The `?` overlay: every key the window answers to, from the command table, grouped by when it applies. */
import type { CommandScope } from '../../../shared/commands.js';
import { keyLabel } from '../commands/keys.js';
import type { Command } from '../commands/types.js';
import { Dialog } from '../ui/Dialog.js';

const GROUPS: { scope: CommandScope; title: string }[] = [
  { scope: 'always', title: 'Tagging' },
  { scope: 'reviewing', title: 'While reviewing two layers' },
  { scope: 'suggesting', title: 'While suggestions are listed' },
  { scope: 'board', title: 'On the claims board' },
];

/** What is done with the mouse and modifiers, which no single command holds. */
const GESTURES = [
  { keys: 'Drag, or Shift+arrows', does: 'Select text (snaps to whole words)' },
  { keys: 'Alt while selecting or tagging', does: 'Keep the exact characters, no snapping' },
  { keys: 'Click a span', does: 'Select it; click again to cycle through overlapping spans' },
  { keys: `${keyLabel('Mod+A')}, then ${keyLabel('Mod+C')}`, does: 'Select and copy the whole article' },
];

export function HelpOverlay({ commands, onClose }: { commands: readonly Command[]; onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" title="Keyboard shortcuts" onDismiss={onClose}>
      {GROUPS.map((group) => (
        <table key={group.scope} className="shortcuts">
          <caption>{group.title}</caption>
          <tbody>
            {[...(group.scope === 'always' ? GESTURES : []), ...commands.filter((command) => command.scope === group.scope && command.keys.length > 0).map((command) => ({ keys: command.keys.map((key) => keyLabel(key)).join(' or '), does: command.does }))].map((row) => (
              <tr key={row.keys + row.does}>
                <th scope="row">
                  <kbd>{row.keys}</kbd>
                </th>
                <td>{row.does}</td>
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
