/**
 * Open another project or start one: recent projects, or a folder path (in the desktop
 * app, File → New Project / Open Project use the system's folder picker instead); or
 * join a project colleagues share through git, cloned into a new folder.
 */
import { useState } from 'react';
import { Dialog, DialogError } from '../ui/Dialog.js';

interface Props {
  current: string | null;
  recent: readonly string[];
  onOpen: (dir: string) => Promise<void>;
  onCreate: (dir: string, name: string) => Promise<void>;
  /** Clones a shared project from its git remote into `dir` (missing or empty), with the token if one is given. */
  onClone: (dir: string, remote: string, token: string | null) => Promise<void>;
  onClose: () => void;
}

export function ProjectsDialog({ current, recent, onOpen, onCreate, onClone, onClose }: Props) {
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const [remote, setRemote] = useState('');
  const [token, setToken] = useState('');
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
      <details>
        <summary>Join a project shared through git</summary>
        <label className="field">
          <span>Git remote (the project is cloned into the folder above, which must be new or empty)</span>
          <input value={remote} onChange={(event) => setRemote(event.target.value)} placeholder="https://git.example.org/team/k1-corpus.git" aria-label="Git remote" spellCheck={false} />
        </label>
        <label className="field">
          <span>Token (if the remote asks for one; kept outside the project)</span>
          <input type="password" value={token} onChange={(event) => setToken(event.target.value)} aria-label="Remote token" autoComplete="off" />
        </label>
        <div className="buttons start">
          <button type="button" disabled={!dir.trim() || !remote.trim()} onClick={() => void run(onClone(dir.trim(), remote.trim(), token || null))}>
            Clone into the folder
          </button>
        </div>
      </details>
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
