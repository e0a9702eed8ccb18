/**
 * One annotator's layer being edited in this window: its undo history, autosave, and
 * what keeps two writers from losing each other's work. Plain data and plain functions,
 * no React (use-document-session.ts binds it), so it is tested on its own.
 *
 * Every save names the version of the layer file it is based on (`synced.stamp`). When
 * another window or program saved the layer since, the save is refused as a conflict;
 * the editor then reads the layer again and re-applies its own changes on top of it
 * (shared/model/layer-merge.ts) — on every step of its undo history, so undo goes on
 * working and never takes the other window's spans away — and saves the result. A
 * change on disk noticed while idle is taken in the same way.
 */
import { rebaseOnto, type MergeReport } from '../../../shared/model/layer-merge.js';
import { isApiError } from '../api/client.js';
import { Autosaver, type AutosaveOptions, type SaveStatus } from './autosave.js';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from './history.js';
import type { LayerState } from './layer-state.js';

/** A version of the layer as it is on disk. */
export interface Synced {
  state: LayerState;
  /** The layer file's version (null: no file yet). */
  stamp: string | null;
}

export interface LayerEditorOptions {
  initial: Synced;
  /** Writes `state` if the file is still at `baseStamp`; resolves to its new stamp, or throws a CONFLICT error. */
  save: (state: LayerState, baseStamp: string | null) => Promise<string | null>;
  /** Reads the layer as it is on disk now. */
  load: () => Promise<Synced>;
  onStatus: (status: SaveStatus) => void;
  /** The history changed (an edit, an undo, a merge): draw again. */
  onChange: () => void;
  /** Another writer's changes were merged with this window's: tell the person. */
  onMerged: (message: string) => void;
  autosave?: Pick<AutosaveOptions, 'delayMs' | 'retryMs' | 'timers'>;
}

/** A conflict more often than this in a row means someone keeps writing: let the retry delay take over. */
const MAX_MERGES_PER_SAVE = 5;

export class LayerEditor {
  private current: History<LayerState>;
  private synced: Synced;
  private readonly saver: Autosaver;
  /** A read of the disk started by a stamp change, so two polls do not read twice. */
  private catchingUp: Promise<void> | null = null;

  constructor(private readonly options: LayerEditorOptions) {
    this.current = startHistory(options.initial.state);
    this.synced = options.initial;
    this.saver = new Autosaver({ save: () => this.saveLatest(), onStatus: options.onStatus, ...options.autosave });
  }

  get history(): History<LayerState> {
    return this.current;
  }

  get layer(): LayerState {
    return this.current.present;
  }

  get canUndo(): boolean {
    return canUndo(this.current);
  }

  get canRedo(): boolean {
    return canRedo(this.current);
  }

  /** The version this window last read or wrote. */
  get stamp(): string | null {
    return this.synced.stamp;
  }

  get hasUnsaved(): boolean {
    return this.saver.hasUnsaved;
  }

  apply(change: (layer: LayerState) => LayerState): void {
    const next = change(this.current.present);
    if (next === this.current.present) return;
    const withStatus = next.status === 'not-started' && next.spans.length > 0 ? { ...next, status: 'in-progress' as const } : next;
    this.update(record(this.current, withStatus));
  }

  /** Steps back; returns the states it stepped between (null: nothing to undo). */
  undo(): { from: LayerState; to: LayerState } | null {
    return this.step(undo);
  }

  redo(): { from: LayerState; to: LayerState } | null {
    return this.step(redo);
  }

  private step(move: (history: History<LayerState>) => History<LayerState>): { from: LayerState; to: LayerState } | null {
    const from = this.current.present;
    this.update(move(this.current));
    return this.current.present === from ? null : { from, to: this.current.present };
  }

  async flush(): Promise<void> {
    await this.saver.flush();
  }

  /**
   * The layer file's version on disk, as a poll found it. Another's: read it and take
   * it in (merged with any changes here not yet saved, which are then saved).
   */
  async noticeDiskStamp(stamp: string | null): Promise<void> {
    // Our own save may have reached the disk before its answer reached us: the stamp it
    // left is known when it answers, and a save that meets another's version merges then.
    if (stamp === this.synced.stamp || this.saver.isSaving) return;
    this.catchingUp ??= this.catchUp().finally(() => {
      this.catchingUp = null;
    });
    await this.catchingUp;
  }

  private async catchUp(): Promise<void> {
    const before = this.synced;
    const theirs = await this.options.load();
    // A save that started meanwhile met the new version itself, and merged with it.
    if (this.synced !== before || this.saver.isSaving || theirs.stamp === before.stamp) return;
    const report = this.rebase(theirs);
    // Changes here that were not saved yet are now on top of theirs: save them.
    if (report.mine > 0) {
      this.options.onMerged(mergeMessage(report));
      this.saver.change();
    }
  }

  private update(next: History<LayerState>): void {
    if (next === this.current) return;
    this.current = next;
    this.saver.change();
    this.options.onChange();
  }

  /** Saves the newest state; on a conflict, merges with the disk and tries again. */
  private async saveLatest(): Promise<void> {
    for (let merges = 0; ; merges++) {
      const state = this.current.present;
      const base = this.synced;
      try {
        const stamp = await this.options.save(state, base.stamp);
        this.synced = { state, stamp };
        return;
      } catch (error) {
        if (!isApiError(error, 'CONFLICT') || merges >= MAX_MERGES_PER_SAVE) throw error;
      }
      const report = this.rebase(await this.options.load());
      this.options.onMerged(mergeMessage(report));
    }
  }

  /**
   * Takes in the layer as it is on disk: every step of the history becomes that step's
   * changes (since the version it was based on) applied to the disk's version.
   */
  private rebase(theirs: Synced): MergeReport {
    const onto = rebaseOnto(this.synced.state, theirs.state);
    const { merged, report } = onto(this.current.present);
    const again = (state: LayerState) => onto(state).merged;
    this.current = { past: this.current.past.map(again), present: merged, future: this.current.future.map(again) };
    this.synced = theirs;
    this.options.onChange();
    return report;
  }
}

/** "Another window saved this layer; your 2 changes were merged." and what was in both. */
export function mergeMessage(report: MergeReport): string {
  const yours = report.mine === 1 ? 'your change was' : `your ${report.mine} changes were`;
  const parts = [`Another window or program saved this layer; ${report.mine === 0 ? 'its changes are shown' : `${yours} merged with it`}.`];
  const both = report.conflicts.filter((conflict) => conflict.kind === 'span' && conflict.kept !== 'restored');
  if (both.length) parts.push(`${both.length === 1 ? '1 span was' : `${both.length} spans were`} changed in both: ${both.map((conflict) => conflict.reason).join('; ')}.`);
  const restored = report.conflicts.filter((conflict) => conflict.kept === 'restored');
  if (restored.length) parts.push(`${restored.length === 1 ? '1 deleted span was' : `${restored.length} deleted spans were`} kept because another span points at ${restored.length === 1 ? 'it' : 'them'}.`);
  return parts.join(' ');
}
