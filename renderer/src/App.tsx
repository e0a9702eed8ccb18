/**
 * The app shell. For now: the open project and its documents; the annotation view
 * arrives with the app issue.
 */
import { useEffect, useState } from 'react';
import type { DocumentSummary, ProjectInfo } from '../../shared/api.js';
import type { ApiClient } from './api/client.js';

export function App({ api }: { api: ApiClient }) {
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = async () => {
      const info = await api.call('getProject', {});
      setProject(info);
      if (info) setDocuments(await api.call('listDocuments', {}));
    };
    load().catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
    return api.onMenu((command) => {
      if (command === 'project-changed') void load();
    });
  }, [api]);

  return (
    <div className="app">
      <header className="app-header">
        <strong>Factmark</strong>
        <span className="project-name">{project?.manifest.name ?? 'No project open'}</span>
      </header>
      {error && <p role="alert">{error}</p>}
      <ul className="document-list" aria-label="Documents">
        {documents.map((doc) => (
          <li key={doc.id}>
            <span className="title">{doc.meta.title ?? doc.id}</span>
            <span className="meta">{[doc.meta.outlet, doc.meta.published].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
