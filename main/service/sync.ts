/**
 * Sharing the open project through git (main/sync/): its status, a sync, a remote's
 * token, a span's history, and a project cloned from a remote. One sync at a time in this
 * process (and across processes, by the sync's own lock); the app asks for the status as
 * often as it likes, since that never reaches the network.
 */
import type { SpanHistory, SyncChoice, SyncResult, SyncStatus } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import type { CredentialStore } from '../sync/credentials.js';
import { syncFolder } from '../sync/engine.js';
import { spanHistory } from '../sync/history.js';
import { noSyncStatus, syncStatus } from '../sync/status.js';
import type { ServiceContext } from './context.js';

export class SyncRunner {
  private running: Promise<unknown> = Promise.resolve();
  private active = 0;

  constructor(private readonly credentials: CredentialStore | null) {}

  get syncing(): boolean {
    return this.active > 0;
  }

  /** `root`: the open project's folder; null with none open. */
  async status(root: string | null): Promise<SyncStatus> {
    return root === null ? noSyncStatus(this.syncing) : syncStatus(root, this.credentials, this.syncing);
  }

  /** Syncs the project at `root` as `annotator`; `reopen` reads the project again when files changed. */
  async sync(root: string, annotator: string, params: { remote?: string | undefined; resolutions: Record<string, SyncChoice> }, reopen: () => Promise<void>, now: () => Date): Promise<SyncResult> {
    this.active++;
    const turn = this.running.then(async () => {
      try {
        const report = await syncFolder(root, { annotator, remote: params.remote, resolutions: params.resolutions, credentials: this.credentials, now });
        // The label schema may have changed under the open project: read it again.
        if (report.changedFiles) await reopen();
        return report;
      } finally {
        this.active--;
      }
    });
    this.running = turn.catch(() => undefined);
    const { changedFiles: _changed, timings: _timings, ...report } = await turn;
    return { ...report, status: await this.status(root) };
  }

  async setToken(remote: string, token: string | null, username: string | undefined): Promise<void> {
    if (!this.credentials) throw new FactmarkError('BAD_INPUT', 'This Factmark keeps no tokens: set FACTMARK_GIT_TOKEN in its environment');
    await this.credentials.set(remote, token, username);
  }

  get store(): CredentialStore | null {
    return this.credentials;
  }
}

export async function getSpanHistory({ store }: ServiceContext, params: { documentId: string; annotator: string; spanId: string }): Promise<SpanHistory> {
  // Through the layout, so the names are checked as every file name is.
  store.layout.layer(params.annotator, params.documentId);
  return spanHistory(store.root, params.documentId, params.annotator, params.spanId);
}
