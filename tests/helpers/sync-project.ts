/**
 * Projects for the sync tests: made with the real store, with documents of plain words,
 * and spans over whole words (valid: the quote fits the text), as the app makes them.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../shared/model/annotations.js';
import { DOCUMENT_FORMAT, documentIdFor } from '../../shared/model/document.js';
import { makeQuote } from '../../shared/text/quote.js';
import { sha256Text } from '../../main/store/hash.js';
import { ProjectStore } from '../../main/store/project-store.js';

const WORDS = 'the coalition said on Sunday that forces had left the base near Kirkuk after rocket attacks officials reported about 300 personnel departed'.split(' ');

export function documentText(seed: number, words = 60): string {
  return Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

/** A new project with `count` documents; returns the store and the document ids. */
export async function seedProject(dir: string, count: number, name = 'Team project'): Promise<{ store: ProjectStore; ids: string[] }> {
  const store = await ProjectStore.create(dir, { name, now: new Date('2026-11-22T10:00:00.000Z') });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${documentText(i)} (${i})`;
    const sha256 = sha256Text(text);
    const id = documentIdFor(sha256);
    await store.addDocument({ format: DOCUMENT_FORMAT, version: 1, id, sha256, meta: { title: `Article ${i}`, outlet: null, author: null, url: null, published: '2026-11-22', language: 'en', source: null }, text });
    ids.push(id);
  }
  return { store, ids };
}

/** A span over word `word` (0-based) of the text, labelled `label`. */
export function wordSpan(text: string, word: number, label: string, id: string, at = '2026-11-22T10:00:00.000Z'): Span {
  const starts = [...text.matchAll(/\S+/g)];
  const match = starts[word % starts.length];
  if (!match) throw new Error('no such word');
  const start = match.index;
  const end = start + match[0].length;
  return { id, label, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: at, updatedAt: at };
}

/** Adds a span to an annotator's layer through the store (compare-and-swap, as a save). */
export async function addSpan(store: ProjectStore, documentId: string, annotator: string, make: (text: string) => Span): Promise<void> {
  const document = await store.readDocument(documentId);
  await store.updateLayer(documentId, annotator, ({ layer }) => ({ ...layer, status: 'in-progress', spans: [...layer.spans, make(document.text)] }), document);
}

/** Every file of a project folder but .git, path -> content: two clones in step hold the same. */
export function projectFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      if (name === '.git') continue;
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** What the server's repository holds on a branch: path list, read with the system's git. */
export function serverFiles(repoDir: string, branch = 'main'): string[] {
  return execFileSync('git', ['-C', repoDir, 'ls-tree', '-r', '--name-only', branch], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

export function serverLog(repoDir: string, branch = 'main'): string[] {
  return execFileSync('git', ['-C', repoDir, 'log', '--format=%an|%s', branch], { encoding: 'utf8' }).split('\n').filter(Boolean);
}
