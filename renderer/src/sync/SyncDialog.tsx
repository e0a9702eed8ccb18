/**
 * Sync settings: the git remote the project syncs with, and its token. The token is
 * kept out of the project folder (the app's data folder, owner-only, or the desktop's
 * keychain) and never shown again: the dialog says only where one comes from. Plain
 * http:// is taken only for 127.0.0.1; any host's https:// address works (GitHub, GitLab,
 * Gitea, a bare repository behind git http-backend).
 */
import { useState } from 'react';
import type { SyncStatus } from '../../../shared/api.js';
import { checkRemoteUrl } from '../../../shared/sync/remote-url.js';
import { Dialog, DialogError } from '../ui/Dialog.js';
import { ago } from './time.js';

interface Props {
  status: SyncStatus | null;
  /** The last sync's failure, if it failed. */
  problem: string | null;
  onSave: (remote: string, token: string | null, username: string | null) => Promise<unknown>;
  onForgetToken: (remote: string) => Promise<void>;
  onClose: () => void;
}

const TOKEN_SOURCES = {
  environment: 'from FACTMARK_GIT_TOKEN in Factmark’s environment',
  settings: 'saved for this remote, readable by you alone',
  keychain: 'saved in the system keychain',
} as const;

export function SyncDialog({ status, problem, onSave, onForgetToken, onClose }: Props) {
  const [remote, setRemote] = useState(status?.remote ?? '');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(problem);
  const [saving, setSaving] = useState(false);
  const checked = remote.trim() ? checkRemoteUrl(remote.trim()) : null;
  return (
    <Dialog
      label="Sync settings"
      title="Sync through git"
      onSubmit={() => {
        if (!checked?.ok) return;
        setSaving(true);
        setError(null);
        onSave(remote.trim(), token || null, username.trim() || null)
          .then(onClose)
          .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
          .finally(() => setSaving(false));
      }}
    >
      <p className="muted small">
        Your colleagues and you share this project through a git repository: GitHub, GitLab, Gitea, or your own server. Each sync commits your changes, takes in theirs and sends yours. An empty repository is filled by the first sync.
      </p>
      <label className="field">
        <span>Remote address</span>
        <input value={remote} onChange={(event) => setRemote(event.target.value)} placeholder="https://git.example.org/team/k1-corpus.git" aria-label="Remote address" autoFocus spellCheck={false} />
        {checked && !checked.ok && (
          <span className="field-problem" role="alert">
            {checked.reason}
          </span>
        )}
      </label>
      <label className="field">
        <span>Token {status?.token ? `(one is ${TOKEN_SOURCES[status.token]}; type a new one to replace it)` : '(an access token with read and write rights to the repository)'}</span>
        <input type="password" value={token} onChange={(event) => setToken(event.target.value)} aria-label="Token" autoComplete="off" />
      </label>
      <details className="small">
        <summary>User name for the token (most hosts need none)</summary>
        <label className="field">
          <span>GitHub takes any name; GitLab “oauth2”; Gitea your user name</span>
          <input value={username} onChange={(event) => setUsername(event.target.value)} aria-label="User name" autoComplete="off" />
        </label>
      </details>
      {status?.remote && (
        <p className="muted small" data-testid="sync-settings-status">
          Syncs with {status.remote}
          {status.branch ? ` (${status.branch})` : ''}; {status.lastSync ? `last synced ${ago(status.lastSync)}` : 'not synced yet'}.
          {status.token === 'settings' || status.token === 'keychain' ? (
            <>
              {' '}
              <button type="button" className="link" onClick={() => void onForgetToken(status.remote ?? '')}>
                Forget the saved token
              </button>
            </>
          ) : null}
        </p>
      )}
      <DialogError message={error} />
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!checked?.ok || saving}>
          {saving ? 'Syncing…' : 'Save and sync'}
        </button>
      </div>
    </Dialog>
  );
}
