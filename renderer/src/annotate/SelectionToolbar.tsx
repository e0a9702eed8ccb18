/** The small toolbar beside a text selection: one button per label. */
import type { LabelDef } from '../../../shared/model/labels.js';
import type { Selection } from '../document-view/DocumentView.js';

export function SelectionToolbar({ selection, labels, onTag }: { selection: Selection; labels: readonly LabelDef[]; onTag: (labelId: string, exact: boolean) => void }) {
  const top = selection.rect.top > 60 ? selection.rect.top - 40 : selection.rect.bottom + 6;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag selection" style={{ left: Math.max(8, selection.rect.left), top }}>
      {labels.map((label, index) => (
        <button
          key={label.id}
          type="button"
          className={`tag-button fm-label-${index}`}
          // Keep the text selection: a mousedown on a button would otherwise clear it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => onTag(label.id, event.altKey)}
          title={`Tag as ${label.name} (${label.key})`}
        >
          {label.name} <kbd>{label.key}</kbd>
        </button>
      ))}
    </div>
  );
}
