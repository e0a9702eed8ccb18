/**
 * Mentions: every claim span in every annotator's layer, with what the board and the
 * matcher need to know of it — the canonical claim it links to, how the article carries
 * it, the claimant as the article names them, and the entities and dates it speaks of
 * (entity and date spans inside it, or tied to it by a relation). Pure: the service reads
 * the layers and hands them in.
 */
import type { AnnotationLayer, Span } from '../model/annotations.js';
import { CarriedAs, type SpanRef } from '../model/claims.js';
import type { CanonicalEntity } from '../model/entities.js';
import type { LabelDef } from '../model/labels.js';
import { claimLabels, type ClaimLabel } from './claim-labels.js';

/** A layer as the mentions need it: whose, on which document, its spans and relations. */
export type LayerInput = Pick<AnnotationLayer, 'document' | 'annotator' | 'spans' | 'relations'>;

/** Who made a claim, as one article names them. */
export interface QuotedClaimant {
  /** The canonical entity, when the claimant points at one (directly or through an entity span). */
  entityId: string | null;
  /** The words: the entity span's text, the entity's name, or the claimant written out. */
  text: string;
}

export interface MentionEntity {
  entityId: string | null;
  text: string;
}

export interface MentionDate {
  /** The TIMEX3 value the date span resolves to, when it has one. */
  value: string | null;
  text: string;
}

export interface Mention {
  ref: SpanRef;
  label: string;
  /** The canonical claim it links to (as written in the span: see resolveClaimId for merged claims). */
  claimId: string | null;
  text: string;
  start: number;
  end: number;
  carriedAs: CarriedAs | null;
  claimant: QuotedClaimant | null;
  entities: MentionEntity[];
  dates: MentionDate[];
  note: string | null;
}

interface Context {
  labels: ReadonlyMap<string, ClaimLabel>;
  entities: ReadonlyMap<string, CanonicalEntity>;
}

/** Every claim span of these layers, as mentions. */
export function collectMentions(layers: readonly LayerInput[], labels: readonly LabelDef[], entities: readonly CanonicalEntity[]): Mention[] {
  const context: Context = { labels: claimLabels(labels), entities: new Map(entities.map((entity) => [entity.id, entity])) };
  return layers.flatMap((layer) => layerMentions(layer, context));
}

function layerMentions(layer: LayerInput, context: Context): Mention[] {
  const claimSpans = layer.spans.filter((span) => context.labels.has(span.label));
  if (claimSpans.length === 0) return [];
  const byId = new Map(layer.spans.map((span) => [span.id, span]));
  // Relations from a claim span (said-by, about) to the spans it is about.
  const related = new Map<string, Span[]>();
  for (const relation of layer.relations) {
    const to = byId.get(relation.to);
    if (!to) continue;
    related.set(relation.from, [...(related.get(relation.from) ?? []), to]);
  }
  const entitySpans = layer.spans.filter((span) => span.label === 'entity');
  const dateSpans = layer.spans.filter((span) => span.label === 'date');
  return claimSpans.map((span) => {
    const claimLabel = context.labels.get(span.label) as ClaimLabel;
    const inside = (other: Span) => other.start >= span.start && other.end <= span.end;
    const tied = related.get(span.id) ?? [];
    const entitiesHere = unique([...entitySpans.filter(inside), ...tied.filter((other) => other.label === 'entity')]);
    const datesHere = unique([...dateSpans.filter(inside), ...tied.filter((other) => other.label === 'date')]);
    const link = span.attributes[claimLabel.link];
    const carried = claimLabel.carriedAs ? CarriedAs.safeParse(span.attributes[claimLabel.carriedAs]) : null;
    return {
      ref: { documentId: layer.document, annotator: layer.annotator, spanId: span.id },
      label: span.label,
      claimId: typeof link === 'string' && link ? link : null,
      text: span.quote.exact,
      start: span.start,
      end: span.end,
      carriedAs: carried?.success ? carried.data : null,
      claimant: claimLabel.claimant ? claimantOf(span.attributes[claimLabel.claimant], byId, context) : null,
      entities: entitiesHere.map((entity) => ({ entityId: stringOr(entity.attributes.entityId), text: entity.quote.exact })),
      dates: datesHere.map((date) => ({ value: stringOr(date.attributes.value), text: date.quote.exact })),
      note: span.note ?? null,
    };
  });
}

/** The claimant attribute read as the article names them: a span, an entity, or words. */
function claimantOf(value: unknown, spans: ReadonlyMap<string, Span>, context: Context): QuotedClaimant | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const span = spans.get(value);
  if (span) return { entityId: stringOr(span.attributes.entityId), text: span.quote.exact };
  const entity = context.entities.get(value);
  if (entity) return { entityId: entity.id, text: entity.name };
  return { entityId: null, text: value.trim() };
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function unique(spans: Span[]): Span[] {
  return [...new Map(spans.map((span) => [span.id, span])).values()].sort((a, b) => a.start - b.start);
}
