/**
 * The labels of what a file gave, made the project's: each source label mapped as the
 * plan says (shared/formats/labels/plan.ts), the labels and relation types it adds
 * written to factmark.json first, and the spans whose label stays unknown left out
 * with one line per label and their count.
 */
import type { ImportFailure } from '../../shared/api.js';
import { planLabels, type LabelOptions } from '../../shared/formats/labels/plan.js';
import { validateWith } from '../../shared/model/parse.js';
import { ProjectManifest } from '../../shared/model/project.js';
import type { ProjectStore } from '../store/project-store.js';
import type { FoundLayer } from './annotation-import.js';

export interface Labelled {
  layers: FoundLayer[];
  failed: ImportFailure[];
  notes: string[];
}

export async function applyLabels(store: ProjectStore, layers: readonly FoundLayer[], options: LabelOptions): Promise<Labelled> {
  const sources = layers.flatMap((layer) => layer.spans.map((span) => span.label));
  const relations = layers.flatMap((layer) => {
    const labelOf = new Map(layer.spans.map((span) => [span.id, span.label]));
    return layer.relations.map((relation) => ({ type: relation.type, from: labelOf.get(relation.from) ?? '', to: labelOf.get(relation.to) ?? '' }));
  });
  const plan = planLabels(sources, relations, store.manifest, options);
  const manifest = { ...store.manifest, labels: plan.labels, relationTypes: plan.relationTypes };
  if (JSON.stringify(manifest) !== JSON.stringify(store.manifest)) {
    // Checked as a whole before it is written: additions that would make the schema
    // invalid change nothing.
    await store.writeManifest(validateWith(ProjectManifest, manifest, 'factmark.json', 'the labels this import adds would make the label schema invalid'));
  }
  const unknown = new Map<string, { count: number; first: string }>();
  const result = layers.map((layer): FoundLayer => {
    const dropped = new Set<string>();
    const spans = layer.spans.flatMap((span) => {
      const label = plan.label(span.label);
      if (label) return [label === span.label ? span : { ...span, label }];
      dropped.add(span.id);
      const known = unknown.get(span.label);
      unknown.set(span.label, { count: (known?.count ?? 0) + 1, first: known?.first ?? layer.origin.get(span.id) ?? span.id });
      return [];
    });
    const kept = layer.relations.flatMap((relation) => {
      // Relations of a span left out go with it, counted with its label's line.
      if (dropped.has(relation.from) || dropped.has(relation.to)) {
        const label = (layer.spans.find((span) => span.id === (dropped.has(relation.from) ? relation.from : relation.to)) as { label: string }).label;
        const known = unknown.get(label) as { count: number; first: string };
        known.count++;
        return [];
      }
      const type = plan.relationType(relation.type);
      return [type && type !== relation.type ? { ...relation, type } : relation];
    });
    return { ...layer, spans, relations: kept };
  });
  const failed = [...unknown].map(([label, { count, first }]) => ({ where: `label "${label}" (first at ${first})`, reason: plan.why(label), count }));
  return { layers: result, failed, notes: plan.notes };
}
