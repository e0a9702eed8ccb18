/**
 * "(guessed: author, date)": the metadata Factmark read off the text itself (a byline, a
 * date line) rather than the file stating it, until the analyst confirms it in Details.
 */
import type { DocumentMeta } from '../../../shared/model/document.js';

const NAMES: Record<string, string> = { title: 'title', outlet: 'outlet', author: 'author', url: 'address', published: 'date', language: 'language' };

export function guessedFields(meta: DocumentMeta): string[] {
  const guessed: readonly string[] = meta.guessed ?? [];
  // In the order the heading shows them, whatever order they were stored in.
  return (['title', 'outlet', 'author', 'published', 'url', 'language'] as const).filter((field) => guessed.includes(field) && meta[field] !== null && meta[field] !== undefined);
}

export function GuessedNote({ meta }: { meta: DocumentMeta }) {
  const fields = guessedFields(meta);
  if (fields.length === 0) return null;
  return (
    <span className="guessed" data-testid="guessed-note" title="Read off the text by Factmark: check them, and save Details to confirm">
      {' '}(guessed: {fields.map((field) => NAMES[field] ?? field).join(', ')})
    </span>
  );
}
