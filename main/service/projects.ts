/** The project: its summary, its documents' list, metadata and search, its labels, its entities. */
import type { DocumentMetaEdit, DocumentSummary, ProjectInfo } from '../../shared/api.js';
import type { CanonicalEntity } from '../../shared/model/entities.js';
import { labelsStillInUse, planLabelChange, renameSpans } from '../../shared/model/label-change.js';
import type { LabelDef, RelationTypeDef } from '../../shared/model/labels.js';
import { validateWith } from '../../shared/model/parse.js';
import { ProjectManifest } from '../../shared/model/project.js';
import type { ProjectStore } from '../store/project-store.js';
import { layerIndex, type ServiceContext } from './context.js';

export async function projectInfo(store: ProjectStore): Promise<ProjectInfo> {
  return { root: store.root, manifest: store.manifest, annotators: await store.listAnnotators(), documentCount: (await store.listDocumentIds()).length };
}

export async function listDocuments({ store }: ServiceContext): Promise<DocumentSummary[]> {
  const { annotators, layerIds } = await layerIndex(store);
  const summaries: DocumentSummary[] = [];
  for (const id of await store.listDocumentIds()) summaries.push(await summary(store, id, annotators, layerIds));
  return summaries;
}

async function summary(store: ProjectStore, id: string, annotators: string[], layerIds: Map<string, Set<string>>): Promise<DocumentSummary> {
  const { meta, length } = await store.documentSummary(id);
  const layers = [];
  for (const annotator of annotators) {
    if (layerIds.get(annotator)?.has(id)) layers.push({ annotator, ...(await store.layerSummary(id, annotator)) });
  }
  return { id, meta, length, layers };
}

/** Changes a document's metadata; its text and the record of its import never change. */
export async function updateDocumentMeta({ store }: ServiceContext, { documentId, meta }: { documentId: string; meta: DocumentMetaEdit }): Promise<DocumentSummary> {
  const current = await store.readDocument(documentId);
  const { notes, ...rest } = meta;
  // Saved by the analyst: what was guessed (meta.guessed) is confirmed now, and goes.
  await store.writeDocumentMeta(documentId, { ...rest, ...(notes ? { notes } : {}), source: current.meta.source });
  const { annotators, layerIds } = await layerIndex(store);
  return summary(store, documentId, annotators, layerIds);
}

/** Documents whose title, outlet, author, notes or text contain every word of `query`. */
export async function searchDocuments({ store }: ServiceContext, query: string): Promise<string[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return store.listDocumentIds();
  const found: string[] = [];
  for (const id of await store.listDocumentIds()) {
    const doc = await store.readDocument(id);
    const haystack = [doc.meta.title, doc.meta.outlet, doc.meta.author, doc.meta.notes, doc.text].filter(Boolean).join('\n').toLowerCase();
    if (words.every((word) => haystack.includes(word))) found.push(id);
  }
  return found;
}

/**
 * Replaces the label schema (shared/model/label-change.ts says what follows a rename).
 * Every layer is read first: nothing is written unless every file can be updated, and a
 * label that disappears while spans still use it is refused.
 */
export async function updateLabelSchema({ store }: ServiceContext, { labels, relationTypes, renames }: { labels: LabelDef[]; relationTypes?: RelationTypeDef[] | undefined; renames: Record<string, string> }): Promise<ProjectInfo> {
  const change = planLabelChange(store.manifest, labels, relationTypes, renames);
  const { annotators, layerIds } = await layerIndex(store);
  const toRename: { document: string; annotator: string }[] = [];
  const inUse = new Map<string, number>();
  for (const annotator of annotators) {
    for (const id of layerIds.get(annotator) ?? []) {
      const layer = await store.readLayerFile(id, annotator);
      for (const span of layer.spans) if (!change.keeps(span.label)) inUse.set(span.label, (inUse.get(span.label) ?? 0) + 1);
      if (layer.spans.some((span) => change.renames(span.label))) toRename.push(layer);
    }
  }
  const refused = labelsStillInUse(inUse);
  if (refused) throw refused;
  const manifest = validateWith(ProjectManifest, { ...store.manifest, labels: change.labels, relationTypes: change.relationTypes }, 'factmark.json', 'The new label schema is not valid');
  // Each layer is renamed as it is on disk at the moment of writing: a save made since
  // it was read above is renamed too, not replaced.
  for (const { document, annotator } of toRename) {
    await store.updateLayer(document, annotator, ({ layer, exists }) => {
      const spans = renameSpans(layer.spans, change);
      return exists && spans !== layer.spans ? { ...layer, spans } : null;
    });
  }
  await store.writeManifest(manifest);
  return projectInfo(store);
}

export async function listEntities({ store }: ServiceContext): Promise<CanonicalEntity[]> {
  return (await store.readEntities()).entities;
}

/**
 * Adds a canonical entity. Its id comes from its name ("e_k_1_air_base"), made unique;
 * the same name and kind twice is the same entity, returned as it is.
 */
export async function createEntity({ store }: ServiceContext, entity: { name: string; kind: string; aliases: string[]; note?: string | undefined }): Promise<CanonicalEntity> {
  const same = (candidate: CanonicalEntity) => candidate.name === entity.name && candidate.kind === entity.kind;
  const registry = await store.updateEntities((current) => {
    if (current.some(same)) return null;
    const aliases = [...new Set(entity.aliases.filter((alias) => alias !== entity.name))];
    const id = entityIdFor(entity.name, new Set(current.map((existing) => existing.id)));
    return [...current, { id, name: entity.name, kind: entity.kind, aliases, ...(entity.note ? { note: entity.note } : {}) }];
  });
  const made = registry.entities.find(same);
  if (!made) throw new Error('the entity just written is not in entities.json');
  return made;
}

/** An entity id from its name: readable in entities.json and in exports, unique in the registry. */
function entityIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = `e_${name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').toLowerCase().slice(0, 40) || 'entity'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** Takes a document out of the project (an import the analyst did not want to keep). */
export async function removeDocument({ store }: ServiceContext, { documentId }: { documentId: string }): Promise<{ removed: string }> {
  await store.removeDocument(documentId);
  return { removed: documentId };
}
