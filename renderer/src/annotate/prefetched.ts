/**
 * The document the start-up answer already carried (getStartup), kept for the session
 * that opens it, so the first screen needs no second round trip. Taken once: any later
 * opening of a document reads it afresh.
 */
import type { DocumentView } from '../../../shared/api.js';

let kept: DocumentView | null = null;

export function keepPrefetched(view: DocumentView | null): void {
  kept = view;
}

export function takePrefetched(documentId: string, annotator: string): DocumentView | null {
  const view = kept;
  if (!view || view.document.id !== documentId || view.layer.annotator !== annotator) return null;
  kept = null;
  return view;
}
