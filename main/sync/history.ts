/**
 * A span's history, from git's history of its layer file: each commit that changed the
 * file, oldest first, compared with the one before, says when the span appeared, what
 * changed in it (its label, its bounds, its note, an attribute), and when it went, and
 * who made the commit. A change not committed yet is the last entry, "not synced".
 */
import path from 'node:path';
import * as git from 'isomorphic-git';
import type { SpanHistory, SpanHistoryEntry } from '../../shared/api.js';
import type { Span } from '../../shared/model/annotations.js';
import { sameValue } from '../../shared/model/layer-merge.js';
import { readProjectBytes } from '../store/files.js';
import { isRepository, repoAt, resolve } from './repo.js';

/** Commits of one layer file looked at: enough for any span's life, bounded for a long history. */
const HISTORY_DEPTH = 300;

type SpanLike = Pick<Span, 'id' | 'label' | 'start' | 'end' | 'attributes' | 'quote'> & { note?: string; updatedAt?: string; createdAt?: string };

function spanIn(text: string | null, spanId: string): SpanLike | null {
  if (text === null) return null;
  try {
    const layer = JSON.parse(text) as { spans?: SpanLike[] };
    return layer.spans?.find((span) => span.id === spanId) ?? null;
  } catch {
    return null;
  }
}

/** What differs between two versions of a span: label, bounds, note, or attribute ids. */
function changedFields(before: SpanLike, after: SpanLike): string[] {
  const fields: string[] = [];
  if (before.label !== after.label) fields.push('label');
  if (before.start !== after.start || before.end !== after.end) fields.push('bounds');
  if ((before.note ?? '') !== (after.note ?? '')) fields.push('note');
  const ids = new Set([...Object.keys(before.attributes ?? {}), ...Object.keys(after.attributes ?? {})]);
  for (const id of ids) if (!sameValue(before.attributes?.[id] ?? null, after.attributes?.[id] ?? null)) fields.push(id);
  return fields;
}

export async function spanHistory(dir: string, documentId: string, annotator: string, spanId: string): Promise<SpanHistory> {
  const filepath = `annotations/${annotator}/${documentId}.json`;
  const onDisk = readProjectBytes(path.join(dir, 'annotations', annotator, `${documentId}.json`));
  const current = spanIn(onDisk ? new TextDecoder().decode(onDisk) : null, spanId);
  if (!isRepository(dir) || !(await resolve(repoAt(dir), 'HEAD'))) {
    // Not in git: the span's own times are all there is.
    const entries: SpanHistoryEntry[] = [];
    if (current?.createdAt) entries.push({ what: 'created', by: annotator, at: current.createdAt, commit: null, fields: [], label: current.label, text: current.quote.exact });
    if (current?.updatedAt && current.updatedAt !== current.createdAt) entries.push({ what: 'changed', by: annotator, at: current.updatedAt, commit: null, fields: [], label: current.label, text: current.quote.exact });
    return { entries, tracked: false };
  }
  const repo = repoAt(dir);
  const base = { fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
  let commits: Awaited<ReturnType<typeof git.log>> = [];
  try {
    commits = await git.log({ ...base, ref: 'HEAD', filepath, depth: HISTORY_DEPTH, force: true });
  } catch {
    commits = []; // the file was never committed
  }
  const entries: SpanHistoryEntry[] = [];
  let previous: SpanLike | null = null;
  const record = (what: SpanHistoryEntry['what'], span: SpanLike, by: string, at: string, commit: string | null, fields: string[] = []) =>
    entries.push({ what, by, at, commit, fields, label: span.label, text: span.quote.exact });
  for (const entry of [...commits].reverse()) {
    let text: string | null = null;
    try {
      text = new TextDecoder().decode((await git.readBlob({ ...base, oid: entry.oid, filepath })).blob);
    } catch {
      text = null; // deleted in this commit
    }
    const span = spanIn(text, spanId);
    const by = entry.commit.author.name;
    const at = new Date(entry.commit.author.timestamp * 1000).toISOString();
    if (span && !previous) record('created', span, by, at, entry.oid);
    else if (span && previous && !sameValue(span, previous)) {
      const fields = changedFields(previous, span);
      if (fields.length) record('changed', span, by, at, entry.oid, fields);
    } else if (!span && previous) record('removed', previous, by, at, entry.oid);
    previous = span;
  }
  // Not committed yet: a change made here since the last sync.
  if (current && !previous) record('created', current, annotator, current.createdAt ?? new Date().toISOString(), null);
  else if (current && previous && !sameValue(current, previous)) {
    const fields = changedFields(previous, current);
    if (fields.length) record('changed', current, annotator, current.updatedAt ?? new Date().toISOString(), null, fields);
  } else if (!current && previous) record('removed', previous, annotator, new Date().toISOString(), null);
  return { entries, tracked: true };
}
