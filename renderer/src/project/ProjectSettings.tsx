/**
 * Project settings: the label schema. Labels can be added, renamed (their id too: the
 * spans follow), recoloured for both themes, given another key, and their attributes
 * edited. The service refuses to drop a label that spans still use, with the count.
 */
import { useState } from 'react';
import type { AttributeDef, LabelDef } from '../../../shared/model/labels.js';
import { ProjectManifest } from '../../../shared/model/project.js';
import { Dialog, DialogActions, DialogError } from '../ui/Dialog.js';

interface Draft {
  /** The id the label had when the dialog opened (null for a new label). */
  originalId: string | null;
  label: LabelDef;
}

const NEW_COLORS = [
  { light: '#be123c', dark: '#fda4af' },
  { light: '#6d28d9', dark: '#c4b5fd' },
  { light: '#0e7490', dark: '#67e8f9' },
  { light: '#4d7c0f', dark: '#bef264' },
];

export function ProjectSettings({ manifest, onSave, onClose }: { manifest: ProjectManifest; onSave: (labels: LabelDef[], renames: Record<string, string>) => Promise<void>; onClose: () => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => manifest.labels.map((label) => ({ originalId: label.id, label })));
  const [error, setError] = useState<string | null>(null);
  const labels = drafts.map((draft) => draft.label);
  // The same checks the file gets (ids, keys unique; colours; enum defaults), before saving.
  const check = ProjectManifest.safeParse({ ...manifest, labels, relationTypes: [] });
  const problems = check.success ? [] : check.error.issues.map((issue) => issue.message);

  const update = (index: number, change: Partial<LabelDef>) => setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, label: { ...draft.label, ...change } } : draft)));
  const updateAttribute = (index: number, at: number, attribute: AttributeDef | null) => {
    const attributes = drafts[index]?.label.attributes ?? [];
    update(index, { attributes: attribute ? attributes.map((old, i) => (i === at ? attribute : old)) : attributes.filter((_, i) => i !== at) });
  };
  const addLabel = () => {
    const taken = new Set(labels.map((label) => label.key));
    const key = '123456789'.split('').find((candidate) => !taken.has(candidate)) ?? 'x';
    setDrafts([...drafts, { originalId: null, label: { id: `label-${drafts.length + 1}`, name: 'New label', key, color: NEW_COLORS[drafts.length % NEW_COLORS.length] ?? { light: '#be123c', dark: '#fda4af' }, attributes: [] } }]);
  };

  return (
    <Dialog
      label="Project settings"
      title="Labels"
      wide
      onSubmit={() => {
        const renames = Object.fromEntries(drafts.flatMap((draft) => (draft.originalId && draft.originalId !== draft.label.id ? [[draft.originalId, draft.label.id]] : [])));
        onSave(labels, renames).catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
      }}
    >
      {drafts.map((draft, index) => (
        <fieldset key={index} className="label-editor" aria-label={`Label ${draft.label.name}`}>
          <div className="row">
            <label className="field">
              <span>Name</span>
              <input value={draft.label.name} onChange={(event) => update(index, { name: event.target.value })} aria-label="Label name" />
            </label>
            <label className="field">
              <span>Id (in the files)</span>
              <input value={draft.label.id} onChange={(event) => update(index, { id: event.target.value })} aria-label="Label id" />
            </label>
            <label className="field narrow">
              <span>Key</span>
              <input value={draft.label.key} maxLength={1} onChange={(event) => update(index, { key: event.target.value.toLowerCase() })} aria-label="Label key" />
            </label>
            <label className="field narrow">
              <span>Light</span>
              <input type="color" value={draft.label.color.light} onChange={(event) => update(index, { color: { ...draft.label.color, light: event.target.value } })} aria-label="Colour in the light theme" />
            </label>
            <label className="field narrow">
              <span>Dark</span>
              <input type="color" value={draft.label.color.dark} onChange={(event) => update(index, { color: { ...draft.label.color, dark: event.target.value } })} aria-label="Colour in the dark theme" />
            </label>
            <button type="button" className="danger" onClick={() => setDrafts(drafts.filter((_, i) => i !== index))} aria-label={`Remove label ${draft.label.name}`}>
              Remove
            </button>
          </div>
          {draft.originalId && draft.originalId !== draft.label.id && <p className="muted small">Spans labelled “{draft.originalId}” will be relabelled “{draft.label.id}”.</p>}
          <details>
            <summary>Attributes ({draft.label.attributes.length})</summary>
            {draft.label.attributes.map((attribute, at) => (
              <AttributeEditor key={at} attribute={attribute} onChange={(next) => updateAttribute(index, at, next)} />
            ))}
            <button type="button" onClick={() => update(index, { attributes: [...draft.label.attributes, { id: `attribute-${draft.label.attributes.length + 1}`, name: 'New attribute', type: 'text' }] })}>
              Add attribute
            </button>
          </details>
        </fieldset>
      ))}
      <button type="button" onClick={addLabel}>
        Add label
      </button>
      {problems.length > 0 && <p className="error">{problems.join('; ')}</p>}
      <DialogError message={error} />
      <DialogActions submit="Save labels" disabled={problems.length > 0} onCancel={onClose} />
    </Dialog>
  );
}

function AttributeEditor({ attribute, onChange }: { attribute: AttributeDef; onChange: (attribute: AttributeDef | null) => void }) {
  const values = attribute.type === 'enum' ? attribute.values.join(', ') : '';
  return (
    <div className="row attribute-editor">
      <label className="field">
        <span>Name</span>
        <input value={attribute.name} onChange={(event) => onChange({ ...attribute, name: event.target.value })} aria-label="Attribute name" />
      </label>
      <label className="field">
        <span>Id</span>
        <input value={attribute.id} onChange={(event) => onChange({ ...attribute, id: event.target.value })} aria-label="Attribute id" />
      </label>
      <label className="field">
        <span>Type</span>
        <select
          value={attribute.type}
          aria-label="Attribute type"
          onChange={(event) => {
            const base = { id: attribute.id, name: attribute.name };
            const type = event.target.value;
            if (type === 'enum') onChange({ ...base, type: 'enum', values: ['yes', 'no'] });
            else if (type === 'ref') onChange({ ...base, type: 'ref', to: ['entity'] });
            else if (type === 'timex' || type === 'text' || type === 'boolean') onChange({ ...base, type });
          }}
        >
          <option value="text">text</option>
          <option value="enum">choice</option>
          <option value="timex">date value (TIMEX3)</option>
          <option value="ref">reference</option>
          <option value="boolean">yes/no</option>
        </select>
      </label>
      {attribute.type === 'enum' && (
        <label className="field">
          <span>Choices (comma-separated)</span>
          <input
            defaultValue={values}
            aria-label="Choices"
            onBlur={(event) => {
              const list = event.target.value.split(',').map((value) => value.trim()).filter(Boolean);
              if (list.length) onChange({ ...attribute, values: list, ...(attribute.default && !list.includes(attribute.default) ? { default: undefined } : {}) });
            }}
          />
        </label>
      )}
      <button type="button" className="danger" onClick={() => onChange(null)} aria-label={`Remove attribute ${attribute.name}`}>
        ×
      </button>
    </div>
  );
}
