/**
 * Checks that no single file's schema can make: a layer against its document's text and
 * the project's label schema. Used by `factmark validate` and on every load.
 */
import { createOffsetIndex, type OffsetIndex } from '../text/offsets.js';
import type { AnnotationLayer, AttributeValue, Span } from './annotations.js';
import type { AttributeDef, LabelDef } from './labels.js';
import type { ProjectManifest } from './project.js';
import { timexProblem } from './timex.js';

export interface LayerProblem {
  spanId?: string;
  relationId?: string;
  /** The attribute at fault, when the span itself is fine. */
  attribute?: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface LayerContext {
  manifest: ProjectManifest;
  text: string;
  sha256: string;
  /** Ids in entities.json, for `ref` attributes that point at an entity. */
  entityIds: ReadonlySet<string>;
  /** Ids in claims.json, for `ref` attributes that point at a canonical claim; without them such refs are not checked. */
  claimIds?: ReadonlySet<string>;
  /** The text's offset index, when the caller has built one already. */
  index?: OffsetIndex;
}

export function checkLayer({ manifest, text, sha256, entityIds, claimIds, index = createOffsetIndex(text) }: LayerContext, layer: AnnotationLayer): LayerProblem[] {
  const problems: LayerProblem[] = [];
  const labels = new Map(manifest.labels.map((label) => [label.id, label]));
  const spans = new Map(layer.spans.map((span) => [span.id, span]));

  if (layer.documentSha256 !== sha256) {
    problems.push({ severity: 'warning', message: 'made against another version of the document text (documentSha256 differs); spans are re-anchored by quote when opened' });
  }
  for (const span of layer.spans) {
    if (span.end > index.length) {
      problems.push({ spanId: span.id, severity: 'error', message: `offsets ${span.start}-${span.end} run past the end of the text (${index.length} code points)` });
    } else {
      const slice = index.slice(span.start, span.end);
      if (slice !== span.quote.exact) {
        problems.push({
          spanId: span.id,
          severity: 'error',
          message: `offsets ${span.start}-${span.end} slice the text to ${JSON.stringify(clip(slice))}, not to its quote ${JSON.stringify(clip(span.quote.exact))}`,
        });
      }
    }
    const label = labels.get(span.label);
    if (!label) problems.push({ spanId: span.id, severity: 'error', message: `label "${span.label}" is not in the project's label schema` });
    else problems.push(...checkAttributes(span, label, { spans, entityIds, ...(claimIds ? { claimIds } : {}) }));
  }
  const types = new Map(manifest.relationTypes.map((type) => [type.id, type]));
  for (const relation of layer.relations) {
    const type = types.get(relation.type);
    if (!type) {
      problems.push({ relationId: relation.id, severity: 'error', message: `relation type "${relation.type}" is not in the project's schema` });
      continue;
    }
    const from = spans.get(relation.from);
    const to = spans.get(relation.to);
    if (from && !type.from.includes(from.label)) problems.push({ relationId: relation.id, severity: 'error', message: `"${relation.type}" cannot start at a ${from.label} span` });
    if (to && !type.to.includes(to.label)) problems.push({ relationId: relation.id, severity: 'error', message: `"${relation.type}" cannot end at a ${to.label} span` });
    else if (from && to && type.from.includes(from.label) && type.rules && !type.rules.some((rule) => rule.from.includes(from.label) && rule.to.includes(to.label))) {
      problems.push({ relationId: relation.id, severity: 'error', message: `"${relation.type}" cannot go from a ${from.label} span to a ${to.label} span` });
    }
  }
  return problems;
}

interface RefTargets {
  spans: ReadonlyMap<string, Span>;
  entityIds: ReadonlySet<string>;
  claimIds?: ReadonlySet<string>;
}

function checkAttributes(span: Span, label: LabelDef, targets: RefTargets): LayerProblem[] {
  const problems: LayerProblem[] = [];
  const defs = new Map(label.attributes.map((def) => [def.id, def]));
  for (const [id, value] of Object.entries(span.attributes)) {
    const def = defs.get(id);
    if (!def) {
      problems.push({ spanId: span.id, attribute: id, severity: 'warning', message: `attribute "${id}" is not defined for label "${label.id}"` });
      continue;
    }
    const reason = attributeProblem(def, value, targets);
    // A TIMEX3 value that is not one (words, a date as people write it) is pointed out,
    // but does not stop a save: the span and the rest of its work are still good.
    if (reason) problems.push({ spanId: span.id, attribute: id, severity: def.type === 'timex' && typeof value === 'string' ? 'warning' : 'error', message: `attribute "${id}": ${reason}` });
  }
  return problems;
}

/**
 * Why `value` does not fit `def`, or null. Null means "not set" for every type. Without
 * `targets`, a ref is only checked to be a string.
 */
export function attributeProblem(def: AttributeDef, value: AttributeValue, targets?: RefTargets): string | null {
  if (value === null) return null;
  switch (def.type) {
    case 'enum':
      return typeof value === 'string' && def.values.includes(value) ? null : `${JSON.stringify(value)} is not one of ${def.values.join(', ')}`;
    case 'text':
      return typeof value === 'string' ? null : 'must be a string';
    case 'timex':
      return typeof value === 'string' ? timexProblem(value) : 'must be a TIMEX3 value such as 2020-03-29';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'ref': {
      if (typeof value !== 'string') return 'must be a span or entity id';
      if (!targets) return null;
      const target = targets.spans.get(value);
      if (!target) {
        const entityAllowed = def.to.includes('entity');
        if (entityAllowed && targets.entityIds.has(value)) return null;
        const claimAllowed = def.to.includes('claim');
        if (claimAllowed && (!targets.claimIds || targets.claimIds.has(value))) return null;
        // Words, where words may stand for whom is meant.
        if (def.to.includes('text')) return null;
        return `"${value}" is no span in this layer${entityAllowed ? ' and no entity in entities.json' : ''}${claimAllowed ? ' and no claim in claims.json' : ''}`;
      }
      const allowed = def.to.some((to) => to === 'span' || to === `span:${target.label}`);
      return allowed ? null : `refers to a ${target.label} span, but must refer to ${def.to.join(' or ')}`;
    }
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
