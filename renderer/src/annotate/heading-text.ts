/**
 * The words above the article (DocumentHeading.tsx), as plain data: the byline, what was
 * guessed, where the document came from, the progress and layer choices. The window's
 * first paint (prepaint/) draws the same heading before React has loaded, from these
 * same functions, so the two cannot say different things or take different room.
 */
import type { DocumentSummary } from '../../../shared/api.js';
import { formatBytes } from '../../../shared/limits.js';
import type { LayerStatus } from '../../../shared/model/annotations.js';
import type { DocumentMeta } from '../../../shared/model/document.js';

/** "Outlet · Author · 2026-11-22": the parts the document has. */
export function byline(meta: DocumentMeta): string {
  return [meta.outlet, meta.author, meta.published].filter(Boolean).join(' · ');
}

const FIELD_NAMES: Record<string, string> = { title: 'title', outlet: 'outlet', author: 'author', url: 'address', published: 'date', language: 'language' };

/** The metadata Factmark read off the text itself, in the order the heading shows them. */
export function guessedFields(meta: DocumentMeta): string[] {
  const guessed: readonly string[] = meta.guessed ?? [];
  return (['title', 'outlet', 'author', 'published', 'url', 'language'] as const).filter((field) => guessed.includes(field) && meta[field] !== null && meta[field] !== undefined);
}

/** " (guessed: author, date)", or null when nothing was guessed. */
export function guessedNote(meta: DocumentMeta): string | null {
  const fields = guessedFields(meta);
  return fields.length === 0 ? null : ` (guessed: ${fields.map((field) => FIELD_NAMES[field] ?? field).join(', ')})`;
}

export const GUESSED_TITLE = 'Read off the text by Factmark: check them, and save Details to confirm';

/** Where the document came from when that is more than a file, or null. */
export function sourceNote(meta: DocumentMeta): string | null {
  const source = meta.source;
  if (!source) return null;
  const parts: string[] = [];
  if (source.retrievedFrom) parts.push(`Fetched from ${source.retrievedFrom}${source.retrievedAt ? ` on ${source.retrievedAt.slice(0, 10)}` : ''}`);
  if (source.attachedTo) parts.push(`Attached to the e-mail ${source.attachedTo}`);
  if (source.attachments?.length) parts.push(`Attachments: ${source.attachments.map((attachment) => `${attachment.name} (${formatBytes(attachment.bytes)})`).join(', ')}`);
  return parts.length === 0 ? null : parts.join(' · ');
}

/** "My progress", or a colleague's. */
export function progressLabel(layer: { annotator: string; readOnly: boolean }): string {
  return layer.readOnly ? `${layer.annotator}'s progress` : 'My progress';
}

export const LAYER_STATUSES: readonly { value: LayerStatus; name: string }[] = [
  { value: 'not-started', name: 'not started' },
  { value: 'in-progress', name: 'in progress' },
  { value: 'done', name: 'done' },
];

/** Every annotator with a layer on this document, by name (the Layer menu's colleagues). */
export function layersHere(summary: DocumentSummary | null | undefined): string[] {
  return (summary?.layers.map((layer) => layer.annotator) ?? []).sort();
}

/** The layers that can be shown: one's own first, then every colleague's on this document. */
export function layerChoices(me: string | null, layersHere: readonly string[]): { value: string; name: string }[] {
  return [...new Set([me ?? '', ...layersHere])].filter(Boolean).map((name) => ({ value: name, name: name === me ? `${name} (mine)` : `${name} (read-only)` }));
}

/** The heading's words that are not the document's: its links and its menus' names. */
export const HEADING_WORDS = {
  details: 'Details…',
  progressMenu: 'My progress on this document',
  layer: 'Layer',
  layerMenu: 'Layer shown',
  compare: 'Compare…',
  suggest: 'Suggest',
} as const;

export const NO_DATE_WARNING = 'No publication date: relative dates such as “on Sunday” cannot be resolved. Add it under Details.';
