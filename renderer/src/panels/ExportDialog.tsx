/**
 * Export: a format, the open document or the whole project, and whose layers. In the
 * browser the export is a download; in Electron the service asks where to save it.
 */
import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormat, type ExportFormatId } from '../../../shared/formats/registry.js';
import type { ApiClient } from '../api/client.js';
import { errorMessage } from './errors.js';
import { Dialog, DialogActions } from './Dialog.js';

interface Props {
  api: ApiClient;
  /** The open document, for "this document". */
  documentId: string | null;
  /** Saves what is waiting first, so the export has the latest tags. */
  flush: () => Promise<void>;
  onClose: () => void;
}

export function ExportDialog({ api, documentId, flush, onClose }: Props) {
  const [scope, setScope] = useState<'document' | 'project'>(documentId ? 'document' : 'project');
  const [format, setFormat] = useState<ExportFormatId>('factmark-json');
  // Whose layers exist is read when the dialog opens: a first tag, or a colleague's
  // folder pulled in, adds one.
  const [annotators, setAnnotators] = useState<readonly string[]>([]);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    flush()
      .then(() => api.call('getProject', {}))
      .then((info) => {
        if (cancelled) return;
        setAnnotators(info?.annotators ?? []);
        setChosen(info?.annotators ?? []);
      })
      .catch((caught: unknown) => setMessage(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, [api, flush]);

  const run = async () => {
    setMessage(null);
    await flush();
    const documentIds = scope === 'document' && documentId ? [documentId] : undefined;
    // Every layer unless some were left out: then exactly the ones ticked.
    const only = chosen.length < annotators.length ? [...chosen] : undefined;
    if (api.downloadUrl) {
      const spec: ExportFormat = EXPORT_FORMATS[format];
      const query = [`format=${format}`, ...(documentIds ?? []).map((id) => `doc=${encodeURIComponent(id)}`), ...(only ?? []).map((name) => `annotator=${encodeURIComponent(name)}`)];
      const link = window.document.createElement('a');
      link.href = `${api.downloadUrl}&${query.join('&')}`;
      link.download = `${documentIds?.[0] ?? 'factmark-corpus'}.${format}${spec.extension}`;
      link.click();
      setMessage('Download started.');
      return;
    }
    try {
      const result = await api.call('exportCorpus', { format, ...(documentIds ? { documentIds } : {}), ...(only ? { annotators: only } : {}) });
      setMessage(result.path ? `Exported ${result.documents} documents and ${result.spans} spans to ${result.path}.${result.notes.map((note) => ` Note: ${note}.`).join('')}` : 'Export cancelled.');
    } catch (caught) {
      setMessage(`Export failed: ${errorMessage(caught)}`);
    }
  };

  return (
    <Dialog label="Export" title="Export" onSubmit={() => void run()}>
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormatId)} aria-label="Format">
          {EXPORT_FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {EXPORT_FORMATS[id].name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>What to export</legend>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'document'} disabled={!documentId} onChange={() => setScope('document')} /> This document
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" checked={scope === 'project'} onChange={() => setScope('project')} /> The whole project
        </label>
      </fieldset>
      {annotators.length > 0 && (
        <fieldset>
          <legend>Whose layers</legend>
          {annotators.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={chosen.includes(name)} onChange={(event) => setChosen((current) => (event.target.checked ? [...current, name] : current.filter((other) => other !== name)))} /> {name}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted small">The documents' text and metadata go with the spans wherever the format carries them.</p>
      {message && <p role="status">{message}</p>}
      <DialogActions submit="Export" disabled={chosen.length === 0} onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}
