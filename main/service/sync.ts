/**
 * Sharing the open project through git (main/sync/): its status, a sync, a remote's
 * token, a span's history, and a project cloned from a remote. One sync at a time in this
 * process (and across processes, by the sync's own lock); the app asks for the status as
 * often as it likes, since that never reaches the network.
 */
import type { SpanHistory, SyncChoice, SyncResult, SyncStatus } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import type { SettingsStore } from '../settings.js';
import { cloneProject } from '../sync/clone.js';
import type { CredentialStore } from '../sync/credentials.js';
import { syncFolder } from '../sync/engine.js';
import { spanHistory } from '../sync/history.js';
import { noSyncStatus, syncStatus } from '../sync/status.js';
import type { ServiceContext } from './context.js';

interface SyncParams {
  remote?: string | undefined;
  resolutions: Record<string, SyncChoice>;
}

/** Reads the project at this folder again if it is the open one: a sync wrote into it, and the store keeps the manifest it read. */
export type Reopen = (root: string) => Promise<void>;

export class SyncRunner {
  private running: Promise<unknown> = Promise.resolve();
  private active = 0;

  constructor(
    private readonly credentials: CredentialStore | null,
    private readonly settings: SettingsStore | undefined,
  ) {}

  /** `root`: the open project's folder; null with none open. */
  async status(root: string | null): Promise<SyncStatus> {
    return root === null ? noSyncStatus(this.active > 0) : syncStatus(root, this.credentials, this.active > 0);
  }

  /** The app's sync: as the annotator its session names, who must be known first. */
  async syncAsUser(context: ServiceContext, params: SyncParams, reopen: Reopen): Promise<SyncResult> {
    const annotator = this.settings?.value.annotator;
    if (!annotator) throw new FactmarkError('BAD_INPUT', 'Say who you are before syncing: your changes are committed under your name');
    return this.sync(context, { ...params, annotator }, reopen);
  }

  /** Syncs the open project as `annotator` (the CLI names one); `reopen` when files changed. */
  async sync({ store, now }: ServiceContext, { annotator, ...params }: SyncParams & { annotator: string }, reopen: Reopen): Promise<SyncResult> {
    const root = store.root;
    this.active++;
    const turn = this.running.then(async () => {
      try {
        const report = await syncFolder(root, { annotator, remote: params.remote, resolutions: params.resolutions, credentials: this.credentials, now });
        // The label schema may have changed under the open project: read it again.
        if (report.changedFiles) await reopen(root);
        return report;
      } finally {
        this.active--;
      }
    });
    this.running = turn.catch(() => undefined);
    const { changedFiles: _changed, timings: _timings, ...report } = await turn;
    return { ...report, status: await this.status(root) };
  }

  /** A token may be set before any project is open (to clone one): `root` may be null. */
  async setToken(params: { remote: string; token: string | null; username?: string | undefined }, root: string | null): Promise<SyncStatus> {
    if (!this.credentials) throw new FactmarkError('BAD_INPUT', 'This Factmark keeps no tokens: set FACTMARK_GIT_TOKEN in its environment');
    await this.credentials.set(params.remote, params.token, params.username);
    return this.status(root);
  }

  /** A project cloned into a missing or empty folder; its root, to open. */
  async clone(params: { dir: string; remote: string }, now: () => Date): Promise<string> {
    return cloneProject(params.dir, params.remote, this.credentials, now);
  }
}

export async function getSpanHistory({ store }: ServiceContext, params: { documentId: string; annotator: string; spanId: string }): Promise<SpanHistory> {
  // Through the layout, so the names are checked as every file name is.
  store.layout.layer(params.annotator, params.documentId);
  return spanHistory(store.root, params.documentId, params.annotator, params.spanId);
}
