/** Choosing what to review: two annotators' layers of the document, and the reviewed layer to build. */
import { useState } from 'react';
import { AnnotatorName } from '../../../shared/model/common.js';
import { Dialog, DialogActions } from '../ui/Dialog.js';
import type { ReviewSetup } from '../annotate/review-setup.js';

export function CompareDialog({ annotators, me, onStart, onClose }: { annotators: readonly string[]; me: string; onStart: (setup: ReviewSetup) => void; onClose: () => void }) {
  const [a, setA] = useState(annotators[0] ?? '');
  const [b, setB] = useState(annotators[1] ?? '');
  const [into, setInto] = useState(`${me}-review`.slice(0, 64));
  const name = AnnotatorName.safeParse(into);
  const problem = annotators.length < 2 ? 'This document needs layers from two annotators to compare.' : a === b ? 'Choose two different annotators.' : !name.success ? 'Use 1–64 lower-case letters, digits, “.”, “_” or “-” for the reviewed layer.' : into === a || into === b ? 'The reviewed layer must be a layer of its own, not A’s or B’s.' : null;
  const select = (label: string, value: string, set: (value: string) => void) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => set(event.target.value)} aria-label={label}>
        {annotators.map((annotator) => (
          <option key={annotator} value={annotator}>
            {annotator}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Dialog label="Compare annotators" title="Compare annotators" onSubmit={() => problem === null && onStart({ a, b, into })}>
      {select('Annotator A', a, setA)}
      {select('Annotator B', b, setB)}
      <label className="field">
        <span>Reviewed layer</span>
        <input value={into} onChange={(event) => setInto(event.target.value)} aria-label="Reviewed layer" />
      </label>
      {problem && <p className="error">{problem}</p>}
      <DialogActions submit="Compare" disabled={problem !== null} onCancel={onClose} />
    </Dialog>
  );
}
