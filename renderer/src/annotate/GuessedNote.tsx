/**
 * "(guessed: author, date)": the metadata Factmark read off the text itself (a byline, a
 * date line) rather than the file stating it, until the analyst confirms it in Details.
 */
import type { DocumentMeta } from '../../../shared/model/document.js';
import { GUESSED_TITLE, guessedNote } from './heading-text.js';

export function GuessedNote({ meta }: { meta: DocumentMeta }) {
  const note = guessedNote(meta);
  if (note === null) return null;
  return (
    <span className="guessed" data-testid="guessed-note" title={GUESSED_TITLE}>
      {note}
    </span>
  );
}
