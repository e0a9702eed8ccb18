/**
 * A date span's TIMEX3 attributes, as a group: value and type, then what applies to the
 * type (the anchor of a duration, the quantifier and frequency of a set), the value said
 * in words, and what does not fit between the fields (a duration value with type DATE).
 * Each field is the details panel's own (`field`), so editing, undo and validation of a
 * single value work as for every attribute; this group adds what needs them together.
 * Only the attributes the project's label defines are shown: older projects have fewer.
 */
import type { ReactNode } from 'react';
import type { AttributeValue } from '../../../shared/model/annotations.js';
import type { AttributeDef } from '../../../shared/model/labels.js';
import { describeTimex, TIMEX_ATTRIBUTES, timexAttributeProblems, type TimexAttributeId } from '../../../shared/model/timex.js';

/** Whether a label's attributes are a date's TIMEX3 ones: a `value` of type timex. */
export function isTimexLabel(attributes: readonly AttributeDef[]): boolean {
  return attributes.some((attribute) => attribute.id === 'value' && attribute.type === 'timex');
}

const isTimexAttribute = (id: string): id is TimexAttributeId => (TIMEX_ATTRIBUTES as readonly string[]).includes(id);

interface Props {
  attributes: readonly AttributeDef[];
  values: Readonly<Record<string, AttributeValue>>;
  /** The panel's field for one attribute. */
  field: (attribute: AttributeDef) => ReactNode;
}

export function TimexFields({ attributes, values, field }: Props) {
  const type = typeof values.timexType === 'string' ? values.timexType : null;
  const value = typeof values.value === 'string' ? values.value : null;
  // Anchors belong to durations and quant/freq to sets; shown too when already filled in.
  const shown = (attribute: AttributeDef) => {
    if (attribute.id === 'anchor' || attribute.id === 'anchorRole') return type === 'DURATION' || values[attribute.id] != null;
    if (attribute.id === 'quant' || attribute.id === 'freq') return type === 'SET' || values[attribute.id] != null;
    return true;
  };
  const problems = timexAttributeProblems(values);
  const meaning = value ? describeTimex(value) : null;
  return (
    <fieldset className="timex-fields" aria-label="TIMEX3">
      {attributes.map((attribute) =>
        shown(attribute) ? (
          <div key={attribute.id} className="timex-field">
            {field(attribute)}
            {attribute.id === 'value' && meaning && (
              <p className="muted small" data-testid="timex-meaning">
                {meaning}
              </p>
            )}
            {isTimexAttribute(attribute.id) && problems[attribute.id] && (
              <p className="field-problem" role="alert">
                {problems[attribute.id]}
              </p>
            )}
          </div>
        ) : null,
      )}
    </fieldset>
  );
}
