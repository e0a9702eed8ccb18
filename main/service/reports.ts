/** What can be measured of a project: counts, agreement between annotators, and its check. */
import type { ProjectStats, ValidationReport } from '../../shared/api.js';
import { collectMentions, type LayerInput } from '../../shared/claims/mentions.js';
import { FactmarkError } from '../../shared/errors.js';
import type { LayerStatus, Span } from '../../shared/model/annotations.js';
import { agreementReport, type AgreementReport } from '../../shared/review/agreement.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { validateProject as validate } from '../store/validate.js';
import { layerIndex, type ServiceContext } from './context.js';

export async function getStats({ store }: ServiceContext): Promise<ProjectStats> {
  const ids = await store.listDocumentIds();
  let characters = 0;
  for (const id of ids) characters += createOffsetIndex((await store.readDocument(id)).text).length;
  const spans: ProjectStats['spans'] = {};
  for (const label of store.manifest.labels) spans[label.id] = {};
  const layerStatus: ProjectStats['layerStatus'] = {};
  const annotators = await store.listAnnotators();
  for (const annotator of annotators) {
    const statuses: Record<LayerStatus, number> = { 'not-started': 0, 'in-progress': 0, done: 0 };
    for (const id of await store.listLayerIds(annotator)) {
      const layer = await store.readLayerFile(id, annotator);
      statuses[layer.status]++;
      for (const span of layer.spans) {
        const byAnnotator = (spans[span.label] ??= {});
        byAnnotator[annotator] = (byAnnotator[annotator] ?? 0) + 1;
      }
    }
    layerStatus[annotator] = statuses;
  }
  return { documents: ids.length, characters, annotators, spans, layerStatus };
}

export interface AgreementRequest {
  annotators: string[];
  labels?: string[] | undefined;
  documentIds?: string[] | undefined;
  reference?: string | undefined;
}

/** Agreement between annotators over the documents every one of them has a layer for. */
export async function getAgreement({ store }: ServiceContext, request: AgreementRequest): Promise<AgreementReport> {
  const { layerIds } = await layerIndex(store);
  for (const name of request.annotators) if (!layerIds.has(name)) throw new FactmarkError('NOT_FOUND', `No annotator "${name}" in this project (annotators: ${[...layerIds.keys()].join(', ') || 'none yet'})`);
  if (request.reference && !request.annotators.includes(request.reference)) throw new FactmarkError('BAD_INPUT', `The reference "${request.reference}" is not one of the annotators compared`);
  const ids = await store.listDocumentIds();
  for (const id of request.documentIds ?? []) if (!ids.includes(id)) throw new FactmarkError('NOT_FOUND', `No document ${id} in this project`);
  const layers = new Map(request.annotators.map((name) => [name, new Map<string, Span[]>()] as const));
  const documentLengths = new Map<string, number>();
  // The whole layers too (spans and relations), for the claim spans' links (collectMentions).
  const claimLayers: LayerInput[] = [];
  for (const id of request.documentIds ?? ids) {
    if (!request.annotators.some((name) => layerIds.get(name)?.has(id))) continue;
    const doc = await store.readDocument(id);
    documentLengths.set(id, createOffsetIndex(doc.text).length);
    for (const name of request.annotators) {
      if (!layerIds.get(name)?.has(id)) continue;
      const { layer } = await store.readLayer(id, name, doc);
      layers.get(name)?.set(id, layer.spans);
      claimLayers.push(layer);
    }
  }
  const mentions = collectMentions(claimLayers, store.manifest.labels, (await store.readEntities()).entities);
  const claims = { mentions, registry: (await store.readClaims()).claims };
  return agreementReport({ layers, documentLengths, claims }, { ...(request.labels ? { labels: request.labels } : {}), ...(request.reference ? { reference: request.reference } : {}) });
}

export async function validateProject({ store }: ServiceContext): Promise<ValidationReport> {
  return validate(store.root);
}
