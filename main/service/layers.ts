/** One annotator's layer of one document: reading it, and saving it onto the version it was read as. */
import type { DocumentView, LayerView, SaveResult, Stamps } from '../../shared/api.js';
import type { SourceDocument } from '../../shared/model/document.js';
import { checkSaved, nextLayer, type LayerSave } from '../../shared/model/layer-save.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { layerConflict } from '../store/project-store.js';
import { documentName, type ServiceContext } from './context.js';

interface LayerRef {
  documentId: string;
  annotator: string;
}

export async function getDocument(context: ServiceContext, { documentId, annotator }: LayerRef): Promise<DocumentView> {
  const document = await context.store.readDocument(documentId);
  return { document, ...(await layerView(context, document, annotator)) };
}

/** The layer alone (the text is read too, to re-anchor its spans, but not sent back). */
export async function getLayer(context: ServiceContext, { documentId, annotator }: LayerRef): Promise<LayerView> {
  return layerView(context, await context.store.readDocument(documentId), annotator);
}

async function layerView({ store }: ServiceContext, document: SourceDocument, annotator: string): Promise<LayerView> {
  const { version, ...loaded } = await store.readLayer(document.id, annotator, document);
  return { ...loaded, stamp: version };
}

/**
 * Saves an annotator's layer, if the file on disk is still the version the save was
 * based on (CONFLICT otherwise: the caller reads it again and merges; see
 * shared/model/layer-save.ts for what a save may hold). Nothing is written when the
 * spans, relations and status are those on disk.
 */
export async function saveLayer({ store, now }: ServiceContext, documentId: string, baseStamp: string | null, save: LayerSave): Promise<SaveResult> {
  const document = await store.readDocument(documentId);
  const index = createOffsetIndex(document.text);
  const entityIds = new Set((await store.readEntities()).entities.map((entity) => entity.id));
  const claimIds = new Set((await store.readClaims()).claims.map((claim) => claim.id));
  let updatedAt = '';
  const result = await store.updateLayer(
    documentId,
    save.annotator,
    (previous) => {
      if (previous.version !== baseStamp) throw layerConflict(`${save.annotator}'s layer of ${documentName(document)}`, baseStamp, previous.version);
      const layer = nextLayer(save, previous, document, now());
      updatedAt = layer?.updatedAt ?? previous.layer.updatedAt;
      if (!layer) return null;
      checkSaved(layer, previous, { manifest: store.manifest, text: document.text, sha256: document.sha256, entityIds, claimIds, index });
      return layer;
    },
    document,
  );
  return { written: result.written, updatedAt, stamp: result.version };
}

export async function getStamps({ store }: ServiceContext, documentId: string | undefined): Promise<Stamps> {
  return store.stamps(documentId);
}
