import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveStatus } from '../../../renderer/src/annotate/autosave.js';
import { HISTORY_LIMIT, canRedo, canUndo, record, redo, startHistory, undo } from '../../../renderer/src/annotate/history.js';

describe('undo history', () => {
  it('undoes and redoes in order, and a new change drops the redo branch', () => {
    let history = startHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect([history.present, canUndo(history), canRedo(history)]).toEqual(['a', false, true]);
    history = redo(history);
    expect(history.present).toBe('b');
    history = record(history, 'd');
    expect([history.present, canRedo(history)]).toEqual(['d', false]);
    expect(undo(undo(undo(history))).present).toBe('a');
  });

  it('keeps at least 100 steps', () => {
    let history = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) history = record(history, i);
    let steps = 0;
    while (canUndo(history)) {
      history = undo(history);
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    expect(steps).toBeGreaterThanOrEqual(100);
  });
});

/** Timers the test advances by hand. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; handle: number }[] = [];
  let next = 1;
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        queue.push({ at: now + ms, fn, handle: next });
        return next++;
      },
      clear: (handle: unknown) => {
        queue = queue.filter((item) => item.handle !== handle);
      },
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = queue.filter((item) => item.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        queue = queue.filter((item) => item !== due);
        due.fn();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
    },
  };
}

describe('autosave', () => {
  it('coalesces a burst of changes into one save of the latest state', async () => {
    const clock = fakeTimers();
    const saved: string[] = [];
    const statuses: SaveStatus['state'][] = [];
    let latest = '';
    const saver = new Autosaver({ save: async () => void saved.push(latest), onStatus: (status) => statuses.push(status.state), timers: clock.timers, delayMs: 300 });
    const edit = (value: string) => {
      latest = value;
      saver.change();
    };
    edit('a');
    edit('ab');
    await clock.advance(200);
    edit('abc');
    await clock.advance(299);
    expect(saved).toEqual([]);
    await clock.advance(1);
    expect(saved).toEqual(['abc']);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('keeps a failed state, reports it, and retries until it is saved', async () => {
    const clock = fakeTimers();
    const saved: string[] = [];
    let failing = 2;
    const statuses: SaveStatus[] = [];
    let latest = '';
    const saver = new Autosaver({
      save: async () => {
        if (failing-- > 0) throw new Error('disk full');
        saved.push(latest);
      },
      onStatus: (status) => statuses.push(status),
      timers: clock.timers,
      delayMs: 100,
      retryMs: [1000, 2000],
    });
    latest = 'x';
    saver.change();
    await clock.advance(100);
    expect(statuses.at(-1)).toEqual({ state: 'failed', message: 'disk full', retryInMs: 1000 });
    expect(saver.hasUnsaved).toBe(true);
    await clock.advance(1000);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', retryInMs: 2000 });
    latest = 'xy'; // edits go on while the disk is failing
    saver.change();
    await clock.advance(2000);
    expect(saved).toEqual(['xy']);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('flushes what is waiting on demand', async () => {
    const clock = fakeTimers();
    const saved: string[] = [];
    const saver = new Autosaver({ save: async () => void saved.push('now'), onStatus: () => undefined, timers: clock.timers });
    saver.change();
    await saver.flush();
    expect(saved).toEqual(['now']);
  });
});

describe('autosave while a save is on its way', () => {
  it('says so, so a change seen on disk meanwhile is not taken for someone else\'s', async () => {
    const clock = fakeTimers();
    let finish: () => void = () => undefined;
    const saver = new Autosaver({ save: () => new Promise<void>((resolve) => (finish = resolve)), onStatus: () => undefined, timers: clock.timers, delayMs: 10 });
    saver.change();
    expect(saver.isSaving).toBe(false);
    await clock.advance(10);
    expect(saver.isSaving).toBe(true);
    finish();
    await saver.flush();
    expect(saver.isSaving).toBe(false);
    expect(saver.hasUnsaved).toBe(false);
  });
});
