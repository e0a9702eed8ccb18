/**
 * The metadata table (project/MetadataTable.tsx): which documents it shows, every one
 * (Metadata…) or those just imported (the import report's "Edit their details…").
 */
import { useCallback, useState } from 'react';
import type { DialogStack } from '../ui/dialog-stack.js';

export function useMetadataTable(dialogs: Pick<DialogStack<'metadata-table'>, 'open'>, allIds: () => readonly string[]) {
  const [documentIds, setDocumentIds] = useState<readonly string[] | null>(null);
  const { open } = dialogs;
  const edit = useCallback(
    (ids: readonly string[] | null) => {
      setDocumentIds(ids ?? allIds());
      open('metadata-table', () => setDocumentIds(null));
    },
    [open, allIds],
  );
  return { documentIds, edit };
}
