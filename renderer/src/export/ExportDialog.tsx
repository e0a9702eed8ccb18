/**
 * Export: a format, the open document or the whole project, and whose layers. In the
 * browser the export is a download; in Electron the service asks where to save it.
 * Either way the dialog follows it, document by document, until it has finished.
 */
import { useEffect, useState } from 'react';
import type { ExportProgress } from '../../../shared/api.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormatInfo as ExportFormat, type ExportFormatId } from '../../../shared/formats/catalog.js';
import { exportFileName } from '../../../shared/formats/file-name.js';
import { plural } from '../../../shared/text/plural.js';
import type { ApiClient } from '../api/client.js';
import { errorMessage } from '../ui/errors.js';
import { Dialog, DialogActions } from '../ui/Dialog.js';

interface Props {
  api: ApiClient;
  /** The open document, for "this document", and its title (the file is named after it). */
  documentId: string | null;
  documentTitle: string | null;
  /** Saves what is waiting first, so the export has the latest tags. */
  flush: () => Promise<void>;
  onClose: () => void;
}

export function ExportDialog({ api, documentId, documentTitle, flush, onClose }: Props) {
  const [scope, setScope] = useState<'document' | 'project'>(documentId ? 'document' : 'project');
  const [format, setFormat] = useState<ExportFormatId>('factmark-json');
  // Whose layers exist is read when the dialog opens: a first tag, or a colleague's
  // folder pulled in, adds one.
  const [annotators, setAnnotators] = useState<readonly string[]>([]);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [projectName, setProjectName] = useState('factmark');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    flush()
      .then(() => api.call('getProject', {}))
      .then((info) => {
        if (cancelled) return;
        setAnnotators(info?.annotators ?? []);
        setChosen(info?.annotators ?? []);
        if (info) setProjectName(info.manifest.name);
      })
      .catch((caught: unknown) => setMessage(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, [api, flush]);

  const [watching, setWatching] = useState<number | null>(null);
  const progress = useExportProgress(api, watching, () => setWatching(null));

  const run = async () => {
    setMessage(null);
    await flush();
    // Exports are numbered: the one to follow is the first after the latest so far.
    setWatching((await api.call('getExportProgress', {}))?.id ?? 0);
    const documentIds = scope === 'document' && documentId ? [documentId] : undefined;
    // Every layer unless some were left out: then exactly the ones ticked.
    const only = chosen.length < annotators.length ? [...chosen] : undefined;
    if (api.downloadUrl) {
      const spec: ExportFormat = EXPORT_FORMATS[format];
      const query = [`format=${format}`, ...(documentIds ?? []).map((id) => `doc=${encodeURIComponent(id)}`), ...(only ?? []).map((name) => `annotator=${encodeURIComponent(name)}`)];
      const link = window.document.createElement('a');
      link.href = `${api.downloadUrl}&${query.join('&')}`;
      link.download = exportFileName(projectName, spec, documentIds ? documentTitle : null);
      link.click();
      setMessage('Download started.');
      return;
    }
    try {
      const result = await api.call('exportCorpus', { format, ...(documentIds ? { documentIds } : {}), ...(only ? { annotators: only } : {}) });
      // A finished export's count is left to the poll; a cancelled one never began.
      if (!result.path) setWatching(null);
      // The notes arrive with the finished progress, shown below.
      setMessage(result.path ? `Exported ${plural(result.documents, 'document')} and ${plural(result.spans, 'span')} to ${result.path}.` : 'Export cancelled.');
    } catch (caught) {
      setWatching(null);
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
      {progress && (
        <p role="status" data-testid="export-progress">
          <progress value={progress.done} max={Math.max(progress.total, 1)} />{' '}
          {progress.failed ? `Export failed: ${progress.failed}` : `${progress.finished ? 'Exported' : 'Exporting…'} ${progress.done.toLocaleString('en-US')} of ${plural(progress.total, 'document')}`}
        </p>
      )}
      {progress?.finished && progress.notes.length > 0 && (
        <ul className="warning export-notes" data-testid="export-notes">
          {progress.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
      <DialogActions submit="Export" disabled={chosen.length === 0} onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}

/** How often the dialog asks how the export is going. */
const POLL_MS = 300;
/** A download the browser never started is given up on after this long. */
const NO_START_MS = 15_000;

/**
 * Follows the first export numbered above `after` (null: none), asking the service
 * every POLL_MS, until it has finished; then `onDone`. The last progress seen stays
 * shown, so the dialog says how it ended.
 */
function useExportProgress(api: ApiClient, after: number | null, onDone: () => void): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => {
    if (after === null) {
      // Stopped from outside (cancelled, or failed before it began): a half-way count would mislead.
      setProgress((last) => (last?.finished ? last : null));
      return undefined;
    }
    setProgress(null);
    const started = Date.now();
    let stopped = false;
    const poll = async () => {
      const latest = await api.call('getExportProgress', {}).catch(() => null);
      if (stopped) return;
      const ours = latest && latest.id > after ? latest : null;
      if (ours) setProgress(ours);
      if (ours?.finished || (!ours && Date.now() - started > NO_START_MS)) {
        stopped = true;
        onDone();
        return;
      }
      timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    let timer = window.setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // onDone is left out on purpose: a new function each render would restart the polling.
  }, [api, after]);
  return progress;
}
