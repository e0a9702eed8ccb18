/**
 * Where a document came from, when that is more than a file: the web address it was
 * fetched from and when, the e-mail it was attached to, an e-mail's attachments.
 */
import type { DocumentMeta } from '../../../shared/model/document.js';
import { formatBytes } from '../../../shared/limits.js';

export function SourceNote({ meta }: { meta: DocumentMeta }) {
  const source = meta.source;
  if (!source) return null;
  const parts: string[] = [];
  if (source.retrievedFrom) parts.push(`Fetched from ${source.retrievedFrom}${source.retrievedAt ? ` on ${source.retrievedAt.slice(0, 10)}` : ''}`);
  if (source.attachedTo) parts.push(`Attached to the e-mail ${source.attachedTo}`);
  if (source.attachments?.length) parts.push(`Attachments: ${source.attachments.map((attachment) => `${attachment.name} (${formatBytes(attachment.bytes)})`).join(', ')}`);
  if (parts.length === 0) return null;
  return (
    <p className="muted small source-note" data-testid="source-note" dir="auto">
      {parts.join(' · ')}
    </p>
  );
}
