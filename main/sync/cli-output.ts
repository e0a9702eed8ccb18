/** `factmark sync`'s words: what was committed, received and sent; the conflicts and how to answer them. */
import type { SyncChoice, SyncResult } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { plural } from '../../shared/text/plural.js';

/** `--choose c1a2=ours --choose c3b4=theirs` as resolutions. */
export function parseChoices(choices: readonly string[]): Record<string, SyncChoice> {
  const resolutions: Record<string, SyncChoice> = {};
  for (const choice of choices) {
    const match = /^([a-z0-9]+)=(ours|theirs)$/.exec(choice.trim());
    if (!match) throw new FactmarkError('BAD_INPUT', `--choose "${choice}": write it as ID=ours (keep yours) or ID=theirs, with an ID the last sync showed`);
    resolutions[match[1] as string] = match[2] as SyncChoice;
  }
  return resolutions;
}

/** A value as it appears in a conflict, on one line: a claim's verdict as a verdict, anything else as JSON. */
function shown(value: unknown): string {
  if (value === undefined) return '(removed)';
  const text = verdictLine(value) ?? JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** `false "Only 200 left" (by bob, 2026-12-06T10:07:00.000Z)`, or null for what is no verdict. */
function verdictLine(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rating, explanation, by, at } = value as Record<string, unknown>;
  if (typeof rating !== 'string' || typeof by !== 'string' || typeof at !== 'string') return null;
  return `${rating}${typeof explanation === 'string' ? ` ${JSON.stringify(explanation)}` : ''} (by ${by}, ${at})`;
}

export function formatSyncResult(result: SyncResult): string {
  const lines: string[] = [];
  lines.push(result.committed ? `Committed: ${result.committed}` : 'Nothing new to commit here');
  if (result.received) lines.push(`Received ${plural(result.received, 'changed file')} from ${result.status.remote ?? 'the remote'}`);
  if (result.sent) lines.push(`Sent to ${result.status.remote ?? 'the remote'}`);
  if (result.outcome === 'offline') lines.push(`Offline: your work is committed here (${plural(result.status.ahead, 'commit')} to send) and goes out at the next sync`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  if (result.conflicts.length) {
    lines.push(`${plural(result.conflicts.length, 'conflict')} to choose; nothing was merged. Sync again with --choose ID=ours (keep yours) or --choose ID=theirs for each:`);
    for (const conflict of result.conflicts) {
      lines.push(`  ${conflict.id}  ${conflict.file}: ${conflict.where}`);
      lines.push(`      yours:  ${shown(conflict.ours)}`);
      lines.push(`      theirs: ${shown(conflict.theirs)}`);
    }
  } else if (result.outcome === 'synced') {
    lines.push(`In step with ${result.status.remote ?? 'the remote'} (${result.status.branch ?? 'main'})`);
  }
  return `${lines.join('\n')}\n`;
}
