/**
 * Tagging: one command per label of the project, on the label's key and the first letter
 * of its name when that letter is free (C, E, D). With text selected it tags it (Alt held:
 * the exact characters, no snapping to words); with a span selected it relabels the span.
 */
import type { LabelDef } from '../../../shared/model/labels.js';
import { canEdit } from './command.js';
import type { Command } from './types.js';

/** Letter keys for labels: the first letter of the label name when it is free (C/E/D). */
export function labelLetters(labels: readonly LabelDef[], taken: ReadonlySet<string>): Map<string, string> {
  const used = new Set([...taken, ...labels.map((label) => label.key)]);
  const letters = new Map<string, string>();
  for (const label of labels) {
    const letter = label.name.trim().charAt(0).toLowerCase();
    if (/^[a-z]$/.test(letter) && !used.has(letter)) {
      letters.set(label.id, letter);
      used.add(letter);
    }
  }
  return letters;
}

/** `taken`: single keys other commands have (J, K, X…), which no label letter may take. */
export function tagCommands(labels: readonly LabelDef[], taken: ReadonlySet<string>): Command[] {
  const letters = labelLetters(labels, taken);
  return labels.map((label) => ({
    id: `tag:${label.id}`,
    label: `Tag as ${label.name}`,
    does: `Tag the selection as ${label.name}, or make the selected span one`,
    keys: [label.key, ...(letters.has(label.id) ? [letters.get(label.id) as string] : [])],
    scope: 'always',
    enabled: canEdit,
    run: (context, event) => {
      if (!context.tagging.tag(label.id, event?.altKey ?? false)) context.tagging.relabel(label.id);
    },
  }));
}
