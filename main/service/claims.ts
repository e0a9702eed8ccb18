/**
 * Claims across articles: the board (every canonical claim with its mentions in every
 * layer), changes to claims.json (the workflow, verdicts, evidence, merges), and links
 * written into layers by the matcher's inbox or the CLI. Layers are read through the
 * store's digest cache, so drawing the board again reads only the files that changed.
 */
import { buildBoard, type BoardDocument, type ClaimsBoard } from '../../shared/claims/board.js';
import { applyClaimChanges, type ClaimChange } from '../../shared/claims/changes.js';
import { claimLabels, withClaimLinkAttributes } from '../../shared/claims/claim-labels.js';
import { collectMentions, type LayerInput, type Mention } from '../../shared/claims/mentions.js';
import { FactmarkError } from '../../shared/errors.js';
import type { AnnotationLayer } from '../../shared/model/annotations.js';
import type { ClaimLink } from '../../shared/claims/links.js';
import type { CanonicalClaim } from '../../shared/model/claims.js';
import { layerIndex, type ServiceContext } from './context.js';

/** Every claim span of the project, with the entity and date spans that tell what it is about. */
export async function allMentions({ store }: ServiceContext): Promise<Mention[]> {
  const labels = store.manifest.labels;
  const claimIds = new Set(claimLabels(labels).keys());
  if (claimIds.size === 0) return [];
  const kind = `claims:${[...claimIds].join(',')}`;
  const { annotators, layerIds } = await layerIndex(store);
  const layers: LayerInput[] = [];
  for (const annotator of annotators) {
    for (const documentId of layerIds.get(annotator) ?? []) {
      const layer = await store.layerDigest(documentId, annotator, kind, (full) => claimPart(full, claimIds));
      if (layer) layers.push(layer);
    }
  }
  return collectMentions(layers, labels, (await store.readEntities()).entities);
}

/** What the mentions need of a layer: its claim spans, the entity and date spans, and the claims' relations. */
function claimPart(layer: AnnotationLayer, claimIds: ReadonlySet<string>): LayerInput | null {
  const claims = layer.spans.filter((span) => claimIds.has(span.label));
  if (claims.length === 0) return null;
  const from = new Set(claims.map((span) => span.id));
  return {
    document: layer.document,
    annotator: layer.annotator,
    spans: layer.spans.filter((span) => from.has(span.id) || span.label === 'entity' || span.label === 'date'),
    relations: layer.relations.filter((relation) => from.has(relation.from)),
  };
}

export async function claimsBoard(context: ServiceContext): Promise<ClaimsBoard> {
  const { store } = context;
  const [registry, entities, mentions] = await Promise.all([store.readClaims(), store.readEntities(), allMentions(context)]);
  const documents: BoardDocument[] = [];
  for (const id of await store.listDocumentIds()) {
    const { meta } = await store.documentSummary(id);
    documents.push({ id, title: meta.title, outlet: meta.outlet, published: meta.published, url: meta.url });
  }
  return buildBoard(registry, mentions, documents, entities.entities);
}

export async function listClaims({ store }: ServiceContext): Promise<CanonicalClaim[]> {
  return (await store.readClaims()).claims;
}

/** Applies the changes to claims.json as it is on disk now, all or none. */
export async function changeClaims(context: ServiceContext, { annotator, changes }: { annotator: string; changes: readonly ClaimChange[] }): Promise<CanonicalClaim[]> {
  const deleting = changes.flatMap((change) => (change.kind === 'delete' ? [change.claimId] : []));
  if (deleting.length) {
    const linked = new Set((await allMentions(context)).map((mention) => mention.claimId));
    const used = deleting.filter((id) => linked.has(id));
    if (used.length) throw new FactmarkError('BAD_INPUT', `Claim ${used.join(', ')} still has mentions: unlink them, or merge it into another claim, before deleting it`);
  }
  const actor = { annotator, at: context.now().toISOString() };
  const registry = await context.store.updateClaims((current) => applyClaimChanges(current, changes, actor));
  return registry.claims;
}

/**
 * Links (or unlinks) claim spans of one annotator's layers to canonical claims: each
 * layer is changed as it is on disk at that moment, under its lock, so a window with the
 * document open merges the change like any other save it did not make. A claim label
 * without the link attributes (a project older than claims.json) gets them first.
 */
export async function linkClaimSpans(context: ServiceContext, { annotator, links }: { annotator: string; links: readonly ClaimLink[] }): Promise<{ linked: number; missing: string[] }> {
  const { store } = context;
  const known = new Set((await store.readClaims()).claims.map((claim) => claim.id));
  const unknown = links.filter((link) => link.claimId !== null && !known.has(link.claimId));
  if (unknown.length) throw new FactmarkError('NOT_FOUND', `No claim ${unknown.map((link) => link.claimId).join(', ')} in claims.json`);
  const byDocument = new Map<string, ClaimLink[]>();
  for (const link of links) byDocument.set(link.documentId, [...(byDocument.get(link.documentId) ?? []), link]);
  let linked = 0;
  const missing: string[] = [];
  const at = context.now().toISOString();
  for (const [documentId, wanted] of byDocument) {
    const document = await store.readDocument(documentId);
    await store.updateLayer(
      documentId,
      annotator,
      async ({ layer }) => {
        const byId = new Map(wanted.map((link) => [link.spanId, link]));
        let changed = false;
        const spans = [];
        for (const span of layer.spans) {
          const link = byId.get(span.id);
          if (!link) {
            spans.push(span);
            continue;
          }
          byId.delete(span.id);
          const attribute = await linkAttributes(context, span.label);
          const attributes = { ...span.attributes, [attribute.link]: link.claimId };
          if (link.carriedAs && attribute.carriedAs) attributes[attribute.carriedAs] = link.carriedAs;
          if (JSON.stringify(attributes) === JSON.stringify(span.attributes)) {
            spans.push(span);
            continue;
          }
          changed = true;
          linked++;
          spans.push({ ...span, attributes, updatedAt: at });
        }
        missing.push(...[...byId.keys()].map((spanId) => `${annotator}'s span ${spanId} on ${documentId}`));
        return changed ? { ...layer, spans, updatedAt: at } : null;
      },
      document,
    );
  }
  return { linked, missing };
}

/** The claim label's link attributes, added to the schema when it lacks them. */
async function linkAttributes({ store }: ServiceContext, labelId: string): Promise<{ link: string; carriedAs: string | null }> {
  const found = claimLabels(store.manifest.labels).get(labelId);
  if (!found) throw new FactmarkError('BAD_INPUT', `Spans labelled "${labelId}" are not claims: only claim spans link to canonical claims`);
  const labels = withClaimLinkAttributes(store.manifest.labels, labelId);
  if (labels) await store.writeManifest({ ...store.manifest, labels });
  const now = claimLabels(store.manifest.labels).get(labelId) ?? found;
  return { link: now.link, carriedAs: now.carriedAs };
}
