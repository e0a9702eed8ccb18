/**
 * What every part of the service works with: the open project's store and the clock.
 * The parts (projects, layers, imports, exports, reports, suggestions, session) are
 * functions over this; main/service.ts is the facade that checks params and hands them on.
 */
import type { SourceDocument } from '../../shared/model/document.js';
import type { ProjectStore } from '../store/project-store.js';

export interface ServiceContext {
  store: ProjectStore;
  now: () => Date;
}

/** Which annotators have a layer on which documents: one folder listing each. */
export async function layerIndex(store: ProjectStore): Promise<{ annotators: string[]; layerIds: Map<string, Set<string>> }> {
  const annotators = await store.listAnnotators();
  const layerIds = new Map(await Promise.all(annotators.map(async (name) => [name, new Set(await store.listLayerIds(name))] as const)));
  return { annotators, layerIds };
}

/** How a document is named in messages: its title, else its id. */
export function documentName(document: SourceDocument): string {
  return document.meta.title ? `"${document.meta.title}"` : document.id;
}
