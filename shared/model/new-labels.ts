/**
 * Labels made for types another tool's files bring (brat's annotation.conf, doccano or
 * Label Studio labels, Hypothesis tags): each gets a free key and a colour, so it can be
 * used at once and changed later under Labels….
 */
import type { LabelDef } from './labels.js';

const PALETTE: readonly LabelDef['color'][] = [
  { light: '#0f766e', dark: '#5eead4' },
  { light: '#7c3aed', dark: '#c4b5fd' },
  { light: '#b45309', dark: '#fcd34d' },
  { light: '#be123c', dark: '#fda4af' },
  { light: '#1d4ed8', dark: '#93c5fd' },
  { light: '#4d7c0f', dark: '#bef264' },
];

/** Every key a label can have, in the order new labels take them. */
export const LABEL_KEYS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Adds a label for each name to `labels`, in order, each with the first free key and
 * the next colour. Names that would find no free key are returned in `noKey`.
 */
export function withNewLabels(labels: readonly LabelDef[], names: readonly string[]): { labels: LabelDef[]; added: string[]; noKey: string[] } {
  const used = new Set(labels.map((label) => label.key));
  const free = [...LABEL_KEYS].filter((key) => !used.has(key));
  const next = [...labels];
  const added: string[] = [];
  const noKey: string[] = [];
  for (const name of names) {
    if (next.some((label) => label.id === name)) continue;
    const key = free.shift();
    if (!key) {
      noKey.push(name);
      continue;
    }
    next.push({ id: name, name, key, color: PALETTE[added.length % PALETTE.length] as LabelDef['color'], attributes: [] });
    added.push(name);
  }
  return { labels: next, added, noKey };
}
