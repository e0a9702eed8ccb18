/**
 * The open project as the window knows it: its manifest and labels, the document list,
 * the canonical entities, and the app's session (who annotates, the theme, recent
 * projects). Read at start in one answer (getStartup), and again when the project changes.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { DocumentSummary, ProjectInfo, Session, Startup, Theme } from '../../../shared/api.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { ApiClient } from '../api/client.js';
import { DARK_SCHEME, shownTheme } from './theme.js';

const DEFAULT_KINDS = ['person', 'organization', 'location', 'facility', 'group', 'other'];

/** `start`: the start-up answer when the window had it before its first render (main.tsx). */
export function useProject(api: ApiClient, onError: (error: unknown) => void, start: Startup | null = null) {
  const [project, setProject] = useState<ProjectInfo | null>(start?.project ?? null);
  const [documents, setDocuments] = useState<DocumentSummary[]>(start?.documents ?? []);
  const [entities, setEntities] = useState<CanonicalEntity[]>(start?.entities ?? []);
  const [session, setSession] = useState<Session | null>(start?.session ?? null);

  /** Reads the project, its documents and entities again (after an import, a switch, a pull). */
  const loadProject = useCallback(async () => {
    const info = await api.call('getProject', {});
    const [list, registry] = info ? await Promise.all([api.call('listDocuments', {}), api.call('listEntities', {})]) : [[], []];
    setProject(info);
    setDocuments(list);
    setEntities(registry);
    return list;
  }, [api]);

  const loadSession = useCallback(async () => setSession(await api.call('getSession', {})), [api]);

  /** The first screen's answer (getStartup), taken in at once. */
  const applyStartup = useCallback((start: Startup) => {
    setSession(start.session);
    setProject(start.project);
    setDocuments(start.documents);
    setEntities(start.entities);
  }, []);

  const labels = useMemo(() => project?.manifest.labels ?? [], [project]);
  // The kinds a canonical entity may have: the entity label's Kind values, where there are.
  const entityKinds = useMemo(() => {
    const kind = labels.find((label) => label.id === 'entity')?.attributes.find((attribute) => attribute.id === 'kind');
    return kind?.type === 'enum' ? kind.values : DEFAULT_KINDS;
  }, [labels]);

  const theme = useTheme(session?.theme ?? 'system');
  const setTheme = useCallback((next: Theme) => void api.call('updateSession', { theme: next }).then(setSession, onError), [api, onError]);

  const createEntity = useCallback(
    async (entity: { name: string; kind: string; aliases: string[] }) => {
      const made = await api.call('createEntity', entity);
      setEntities(await api.call('listEntities', {}));
      return made;
    },
    [api],
  );

  return { project, setProject, documents, setDocuments, entities, createEntity, session, setSession, loadProject, loadSession, applyStartup, labels, entityKinds, theme, setTheme };
}

/** The theme shown: the saved choice, or the system's; set on <html> for the style sheet. */
function useTheme(saved: Theme): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_SCHEME).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_SCHEME);
    const update = () => setSystemDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  const theme = shownTheme(saved, systemDark);
  // Before the browser paints: set after it, a dark-theme window would show its first frame light.
  useLayoutEffect(() => {
    window.document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
