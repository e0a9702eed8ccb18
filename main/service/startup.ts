/**
 * Everything the window needs to draw its first screen, in one answer: the session, the
 * project with its documents and entities, and the document to open with the user's
 * layer (the one the window's link names, else the first). Read in parallel here, so the
 * window waits for one round trip instead of three in a row.
 */
import type { Startup } from '../../shared/api.js';
import type { SettingsStore } from '../settings.js';
import type { ProjectStore } from '../store/project-store.js';
import { getDocument } from './layers.js';
import { listDocuments, listEntities, projectInfo } from './projects.js';
import { session as sessionOf } from './session.js';

export async function startup(settings: SettingsStore | undefined, store: ProjectStore | null, now: () => Date, { documentId }: { documentId?: string | undefined }): Promise<Startup> {
  const session = sessionOf(settings);
  if (!store) return { session, project: null, documents: [], entities: [], document: null };
  const context = { store, now };
  const [project, documents, entities] = await Promise.all([projectInfo(store), listDocuments(context), listEntities(context)]);
  const open = documents.find((doc) => doc.id === documentId) ?? documents[0];
  // Without a name the window asks for one first; the document is read when it has it.
  const document = open && session.annotator ? await getDocument(context, { documentId: open.id, annotator: session.annotator }) : null;
  return { session, project, documents, entities, document };
}
