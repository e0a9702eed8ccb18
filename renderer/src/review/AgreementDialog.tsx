/** The agreement numbers (shared/review) as a table: this document and the whole corpus, per label. */
import { useEffect, useState } from 'react';
import type { AgreementNumbers, AgreementReport } from '../../../shared/review/agreement.js';
import type { ApiClient } from '../api/client.js';
import { Dialog } from '../ui/Dialog.js';
import { errorMessage } from '../ui/errors.js';
import { plural } from '../../../shared/text/plural.js';

const value = (result: { value: number | null; reason?: string }) => (
  <td title={result.reason}>{result.value === null ? '—' : result.value.toFixed(3)}</td>
);

function Rows({ scope, all, byLabel }: { scope: string; all: AgreementNumbers; byLabel: readonly (AgreementNumbers & { label: string })[] }) {
  return (
    <>
      {[{ ...all, label: 'all labels' }, ...byLabel].map((row) => (
        <tr key={`${scope}-${row.label}`}>
          <th scope="row">{scope}</th>
          <th scope="row">{row.label}</th>
          <td>{row.spans.join(' / ')}</td>
          {value(row.kappa)}
          {value(row.alpha)}
          {value(row.unitizingAlpha)}
          {value({ value: row.spanF1[0]?.exact.f1 ?? null, ...(row.spanF1[0]?.exact.reason ? { reason: row.spanF1[0].exact.reason } : {}) })}
          {value({ value: row.spanF1[0]?.partial.f1 ?? null, ...(row.spanF1[0]?.partial.reason ? { reason: row.spanF1[0].partial.reason } : {}) })}
        </tr>
      ))}
    </>
  );
}

export function AgreementDialog({ api, annotators, documentId, onClose }: { api: ApiClient; annotators: readonly string[]; documentId: string; onClose: () => void }) {
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // By value: the caller may pass a new array with the same names on every render.
  const names = annotators.join(',');
  useEffect(() => {
    api.call('getAgreement', { annotators: names.split(',') }).then(setReport, (caught: unknown) => setError(errorMessage(caught)));
  }, [api, names]);
  const here = report?.documents.find((doc) => doc.document === documentId);
  return (
    <Dialog label="Agreement" title={`Agreement: ${annotators.join(', ')}`} wide onDismiss={onClose}>
      {error && <p className="error">{error}</p>}
      {!report && !error && <p>Computing…</p>}
      {report && (
        <table className="agreement-table" aria-label="Agreement table">
          <thead>
            <tr>
              <th>scope</th>
              <th>label</th>
              <th>spans</th>
              <th>{annotators.length === 2 ? 'Cohen κ' : 'Fleiss κ'}</th>
              <th>α nominal</th>
              <th>α unitizing</th>
              <th>F1 exact</th>
              <th>F1 overlap</th>
            </tr>
          </thead>
          <tbody>
            {here && <Rows scope="this document" all={here.all} byLabel={here.byLabel} />}
            <Rows scope={`corpus (${plural(report.corpus.documents, 'document')})`} all={report.corpus.all} byLabel={report.corpus.byLabel} />
          </tbody>
        </table>
      )}
      {report && report.skipped.length > 0 && <p className="muted small">Left out: {report.skipped.map((skipped) => `${skipped.document} (${skipped.reason})`).join('; ')}.</p>}
      <p className="muted small">— : undefined for this data (hover for why). F1 is of {annotators[1]} against {annotators[0]}. See docs/agreement.md for how each number is computed.</p>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Dialog>
  );
}
