/**
 * Import annotations made elsewhere (a colleague's export, another tool's output) into
 * an annotator's layers, and report file by file what came in and what could not be
 * placed, and why.
 */
import { useState } from 'react';
import type { AnnotationImportOutcome } from '../../../shared/api.js';
import { FORMATS_WITH_ANNOTATORS, IMPORT_FORMATS, IMPORT_FORMAT_IDS, type ImportFormatId } from '../../../shared/formats/catalog.js';
import { MAX_UPLOAD_BYTES, formatBytes } from '../../../shared/limits.js';
import { AnnotatorName } from '../../../shared/model/common.js';
import type { ApiClient } from '../api/client.js';
import { errorMessage } from '../ui/errors.js';
import { Dialog, DialogActions, DialogError } from '../ui/Dialog.js';
import { readFiles } from './read-files.js';
import { plural } from '../../../shared/text/plural.js';

interface Props {
  api: ApiClient;
  /** Who is annotating: the default owner of what comes in. */
  annotator: string | null;
  /** Saves the open layer first: the import may write to it. */
  flush: () => Promise<void>;
  onClose: () => void;
  /** Called after anything was written, so lists and the open document are read again. */
  onImported: () => Promise<void>;
}

export function AnnotationImportDialog({ api, annotator, flush, onClose, onImported }: Props) {
  const [format, setFormat] = useState<ImportFormatId>('w3c');
  const [owner, setOwner] = useState(annotator ?? '');
  const [keepOwners, setKeepOwners] = useState(true);
  const [addLabels, setAddLabels] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [outcomes, setOutcomes] = useState<AnnotationImportOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Factmark corpora, Label Studio and doccano 1.x say whose each annotation is.
  const owned = FORMATS_WITH_ANNOTATORS.includes(format);
  const ownerCheck = AnnotatorName.safeParse(owner);
  const ownerNeeded = !(owned && keepOwners);

  const run = async () => {
    setError(null);
    // One request carries them all (a brat .ann needs its .txt beside it): checked here,
    // before they are read, rather than refused by the service after the upload.
    const size = files.reduce((total, file) => total + file.size, 0);
    if (size > MAX_UPLOAD_BYTES) {
      setError(`These files come to ${formatBytes(size)}; the app imports up to ${formatBytes(MAX_UPLOAD_BYTES)} of annotation files at a time: import them in parts, or with \`factmark import\` on the command line.`);
      return;
    }
    setBusy(true);
    try {
      const payloads = await readFiles(files);
      await flush();
      const result = await api.call('importAnnotations', { format, files: payloads, addLabels, ...(ownerNeeded && ownerCheck.success ? { annotator: ownerCheck.data } : {}) });
      setOutcomes(result);
      if (result.some((outcome) => Object.keys(outcome.added).length || outcome.notes?.length)) await onImported();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label="Import annotations" title="Import annotations" wide onSubmit={() => void run()}>
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ImportFormatId)} aria-label="Annotation format">
          {IMPORT_FORMAT_IDS.map((id) => (
            <option key={id} value={id}>
              {IMPORT_FORMATS[id].name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Files</span>
        <input type="file" multiple accept={`${IMPORT_FORMATS[format].accept},.zip`} aria-label="Annotation files" onChange={(event) => setFiles(Array.from(event.target.files ?? []))} />
      </label>
      {owned && (
        <label className="checkbox">
          <input type="checkbox" checked={keepOwners} onChange={(event) => setKeepOwners(event.target.checked)} /> Keep each layer's own annotator
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={addLabels} onChange={(event) => setAddLabels(event.target.checked)} /> Add the labels the files use and the schema lacks
      </label>
      {ownerNeeded && (
        <label className="field">
          <span>Into the layers of</span>
          <input value={owner} onChange={(event) => setOwner(event.target.value)} aria-label="Into the layers of" />
        </label>
      )}
      {ownerNeeded && !ownerCheck.success && <p className="error">Use 1–64 lower-case letters, digits, “.”, “_” or “-”.</p>}
      <p className="muted small">Spans are placed by their offsets and checked against the text and the label schema; whatever cannot be placed is listed here, never dropped silently. Records whose text the project lacks become documents.</p>
      <DialogError message={error} />
      {outcomes && <ImportOutcomes outcomes={outcomes} />}
      <DialogActions submit={busy ? 'Importing…' : 'Import'} disabled={busy || files.length === 0 || (ownerNeeded && !ownerCheck.success)} onCancel={onClose} cancel="Close" />
    </Dialog>
  );
}

function ImportOutcomes({ outcomes }: { outcomes: readonly AnnotationImportOutcome[] }) {
  return (
    <ul className="import-outcomes" aria-label="Import results">
      {outcomes.map((outcome) => {
        const added = Object.values(outcome.added).reduce((total, count) => total + count, 0);
        const counts = outcome.counts;
        return (
          <li key={outcome.file}>
            <strong>{outcome.file}</strong>:{' '}
            {outcome.error ? <span className="error">{outcome.error.message}</span> : `${plural(added, 'span')} added to ${plural(Object.values(outcome.added).filter((count) => count > 0).length, 'document')}`}
            {counts && (
              <div className="small" aria-label={`Counts for ${outcome.file}`}>
                {plural(counts.records, 'record')}, {plural(counts.annotations, 'annotation')} read: {counts.placed} placed, {counts.leftOut} left out
              </div>
            )}
            {outcome.documentsAdded && outcome.documentsAdded.length > 0 && (
              <details>
                <summary>{plural(outcome.documentsAdded.length, 'document')} added</summary>
                <ul>
                  {outcome.documentsAdded.map((doc) => (
                    <li key={doc.documentId}>
                      {doc.documentId} from {doc.from}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {outcome.notes?.map((note) => (
              <div key={note} className="muted small">
                {note}
              </div>
            ))}
            {outcome.failed.length > 0 && (
              <details>
                <summary>{counts ? `${counts.leftOut} left out` : `${outcome.failed.length} not imported`}</summary>
                <ul>
                  {outcome.failed.map((failure, i) => (
                    <li key={i}>
                      {failure.where}: {failure.reason}
                      {(failure.count ?? 1) !== 1 && ` (${plural(failure.count ?? 1, 'annotation')})`}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
