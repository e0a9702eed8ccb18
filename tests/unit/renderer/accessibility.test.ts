// @vitest-environment jsdom
/**
 * The pieces that make Factmark usable without colour and without sight, tested alone:
 * every label (and every kind of review difference, drawn as labels) has a line pattern
 * of its own; the words the live region says for spans and for review steps; and the
 * dialog stack's required dialog, which Escape does not dismiss.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { LabelDef } from '../../../shared/model/labels.js';
import { createSpan } from '../../../shared/model/spans.js';
import { compareLayers } from '../../../shared/review/compare.js';
import { createOffsetIndex } from '../../../shared/text/offsets.js';
import { spanWords } from '../../../renderer/src/annotate/use-tagging.js';
import { MARK_PATTERNS, patternBackground, patternOf } from '../../../renderer/src/document-view/mark-patterns.js';
import { describeDecision, describeDifference } from '../../../renderer/src/review/review-announcements.js';
import { CLASS_LABELS } from '../../../renderer/src/review/review-classes.js';
import { useDialogStack, type DialogStack } from '../../../renderer/src/ui/dialog-stack.js';
import { spokenQuote } from '../../../renderer/src/ui/live-region.js';

const TEXT = 'K-1 Air Base was handed over on Sunday to Iraqi forces.';
const index = createOffsetIndex(TEXT);
const labels: LabelDef[] = [
  { id: 'entity', name: 'Entity', key: '2', color: { light: '#1d4ed8', dark: '#60a5fa' }, attributes: [] },
  { id: 'date', name: 'Date', key: '3', color: { light: '#047857', dark: '#34d399' }, attributes: [] },
];
const at = (words: string, label: LabelDef | undefined, id: string) => {
  const start = TEXT.indexOf(words);
  if (!label) throw new Error('no such label');
  return createSpan(index, { start, end: start + words.length }, label, id, new Date('2026-11-22T10:00:00Z'));
};

describe('line patterns', () => {
  it('gives each kind of review difference a pattern no other kind has', () => {
    const drawn = CLASS_LABELS.map((_, i) => patternBackground(patternOf(i)));
    expect(new Set(drawn).size).toBe(CLASS_LABELS.length);
    expect(CLASS_LABELS.length).toBeLessThanOrEqual(MARK_PATTERNS.length);
  });

  it('draws dashes and gaps along the line in the label colour, and a solid line as one', () => {
    expect(patternBackground(patternOf(0))).toBe('linear-gradient(var(--label-color), var(--label-color))');
    expect(patternBackground({ name: 'test', dashes: [9, 4] })).toBe('repeating-linear-gradient(to right, var(--label-color) 0px 9px, transparent 9px 13px)');
  });
});

describe('what the live region says', () => {
  it('says a span by its label and its words, long words cut to a breath', () => {
    expect(spanWords(at('Sunday', labels[1], 's_1'), labels)).toBe('Date “Sunday”');
    expect(spokenQuote('a  b\n c')).toBe('“a b c”');
    const long = spokenQuote('word '.repeat(60));
    expect([...long].length).toBe(122);
    expect(long.endsWith('…”')).toBe(true);
  });

  it('says a review difference with both sides and its place, and a decision', () => {
    const a = [at('Sunday', labels[1], 's_1')];
    const b = [at('Sunday', labels[0], 's_1')];
    const [difference] = compareLayers(a, b).differences;
    expect(difference).toBeDefined();
    if (!difference) return;
    expect(describeDifference(difference, { a: 'alice', b: 'bob' }, { at: 1, of: 3 })).toBe('Other label “Sunday”: A (alice) date, B (bob) entity. Disagreement 1 of 3');
    expect(describeDecision('b', difference)).toBe('B accepted: “Sunday”');
    expect(describeDecision('reject', difference)).toBe('Rejected: “Sunday”');
  });
});

describe('the dialog stack', () => {
  it('keeps a required dialog on Escape (dismiss) but closes it when asked (close)', () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const seen: { stack: DialogStack<'annotator' | 'help'> | null } = { stack: null };
    function Probe() {
      seen.stack = useDialogStack<'annotator' | 'help'>();
      return null;
    }
    const root = createRoot(document.createElement('div'));
    act(() => root.render(createElement(Probe)));
    const stack = () => {
      if (!seen.stack) throw new Error('not rendered');
      return seen.stack;
    };
    act(() => stack().open('annotator', undefined, { required: true }));
    act(() => stack().dismiss());
    expect(stack().top).toBe('annotator');
    act(() => stack().open('help'));
    act(() => stack().dismiss());
    expect(stack().top).toBe('annotator');
    act(() => stack().close());
    expect(stack().top).toBeNull();
    act(() => root.unmount());
  });
});
