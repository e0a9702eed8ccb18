/**
 * Where a document came from, when that is more than a file: the web address it was
 * fetched from and when, the e-mail it was attached to, an e-mail's attachments.
 */
import type { DocumentMeta } from '../../../shared/model/document.js';
import { sourceNote } from './heading-text.js';

export function SourceNote({ meta }: { meta: DocumentMeta }) {
  const note = sourceNote(meta);
  if (note === null) return null;
  return (
    <p className="muted small source-note" data-testid="source-note" dir="auto">
      {note}
    </p>
  );
}
