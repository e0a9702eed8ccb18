/**
 * Open another project or start one: recent projects, or a folder path (in the desktop
 * app, File → New Project / Open Project use the system's folder picker instead).
 */
import { useState } from 'react';
import { Dialog, DialogError } from '../ui/Dialog.js';

interface Props {
  current: string | null;
  recent: readonly string[];
  onOpen: (dir: string) => Promise<void>;
  onCreate: (dir: string, name: string) => Promise<void>;
  onClose: () => void;
}

export function ProjectsDialog({ current, recent, onOpen, onCreate, onClose }: Props) {
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (action: Promise<void>) => action.catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  return (
    <Dialog label="Projects" title="Projects">
      {current && <p className="muted small">Open now: {current}</p>}
      {recent.filter((item) => item !== current).length > 0 && (
        <>
          <h3>Recent</h3>
          <ul className="recent-projects">
            {recent
              .filter((item) => item !== current)
              .map((item) => (
                <li key={item}>
                  <button type="button" className="link" onClick={() => void run(onOpen(item))}>
                    {item}
                  </button>
                </li>
              ))}
          </ul>
        </>
      )}
      <h3>Open or create</h3>
      <label className="field">
        <span>Project folder (a path on this computer)</span>
        <input value={dir} onChange={(event) => setDir(event.target.value)} placeholder="/home/me/corpora/k1" aria-label="Project folder" />
      </label>
      <label className="field">
        <span>New project name (optional)</span>
        <input value={name} onChange={(event) => setName(event.target.value)} aria-label="New project name" />
      </label>
      <DialogError message={error} />
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" disabled={!dir.trim()} onClick={() => void run(onCreate(dir.trim(), name.trim()))}>
          Create new project
        </button>
        <button type="button" className="primary" disabled={!dir.trim()} onClick={() => void run(onOpen(dir.trim()))}>
          Open project
        </button>
      </div>
    </Dialog>
  );
}
