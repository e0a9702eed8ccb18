/** Writing the rows of the metadata table: one updateDocumentMeta per changed document, as Details does. */
import type { DocumentMetaEdit, DocumentSummary } from '../../../shared/api.js';
import type { ApiClient } from '../api/client.js';

export async function saveMetadataRows(api: ApiClient, edits: readonly { documentId: string; meta: DocumentMetaEdit }[]): Promise<DocumentSummary[]> {
  const saved: DocumentSummary[] = [];
  for (const edit of edits) saved.push(await api.call('updateDocumentMeta', edit));
  return saved;
}
