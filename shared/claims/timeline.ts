/**
 * The claims on one time axis: per claim a row with the time it is about (its TIMEX3
 * value as a span of days: a day, a week, a month, a year) and a dot for each article
 * that carried it, on the day it was published (the first appearance ringed). Drawn as
 * SVG here, once, so the picture in the app and the file exported are the same; every
 * text in it is escaped, and it carries no script, so the app shows it as an image.
 */
import type { BoardDocument, ClaimCard } from './board.js';

export interface TimelinePalette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  mention: string;
  about: string;
}

export const LIGHT_PALETTE: TimelinePalette = { background: '#ffffff', text: '#1f2328', muted: '#59636e', grid: '#d1d9e0', mention: '#b45309', about: '#1d4ed8' };
export const DARK_PALETTE: TimelinePalette = { background: '#16181d', text: '#e6edf3', muted: '#9198a1', grid: '#3d444d', mention: '#fbbf24', about: '#93c5fd' };

export interface Timeline {
  svg: string;
  width: number;
  height: number;
  /** Claims with nothing dated: left out of the picture, and counted here. */
  undated: number;
}

const DAY = 86_400_000;
const LABEL_WIDTH = 300;
const PLOT_WIDTH = 620;
const ROW = 30;
const TOP = 46;
const BOTTOM = 30;

/** The days a TIMEX3 value covers, [from, to) in ms since the epoch; null for values off the calendar (PRESENT_REF, P3D). */
export function timexRange(value: string): [number, number] | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) {
    const from = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return [from, from + DAY];
  }
  match = /^(\d{4})-W(\d{2})/.exec(value);
  if (match) {
    // ISO week 1 holds the year's first Thursday.
    const jan4 = Date.UTC(Number(match[1]), 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * DAY);
    const from = monday + (Number(match[2]) - 1) * 7 * DAY;
    return [from, from + 7 * DAY];
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return [Date.UTC(Number(match[1]), Number(match[2]) - 1, 1), Date.UTC(Number(match[1]), Number(match[2]), 1)];
  match = /^(\d{4})$/.exec(value);
  if (match) return [Date.UTC(Number(match[1]), 0, 1), Date.UTC(Number(match[1]) + 1, 0, 1)];
  return null;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function clip(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : text;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Row {
  card: ClaimCard;
  about: [number, number] | null;
  mentions: { at: number; first: boolean; outlet: string }[];
}

export function drawTimeline(cards: readonly ClaimCard[], documents: Record<string, BoardDocument>, palette: TimelinePalette = LIGHT_PALETTE): Timeline {
  const rows: Row[] = [];
  let undated = 0;
  for (const card of cards) {
    const about = card.claim.about ? timexRange(card.claim.about.value) : null;
    const firstKey = card.firstAppearance ? `${card.firstAppearance.documentId}/${card.firstAppearance.spanId}` : null;
    const seen = new Set<string>();
    const mentions = card.mentions.flatMap((mention) => {
      const doc = documents[mention.ref.documentId];
      const range = doc?.published ? timexRange(doc.published) : null;
      // One dot per article: two annotators' spans in it are one appearance.
      if (!range || seen.has(mention.ref.documentId)) return [];
      seen.add(mention.ref.documentId);
      return [{ at: range[0], first: firstKey === `${mention.ref.documentId}/${mention.ref.spanId}`, outlet: doc?.outlet ?? doc?.title ?? mention.ref.documentId }];
    });
    if (!about && mentions.length === 0) {
      undated++;
      continue;
    }
    rows.push({ card, about, mentions });
  }
  const times = rows.flatMap((row) => [...(row.about ?? []), ...row.mentions.flatMap((mention) => [mention.at, mention.at + DAY])]);
  // Room on the right for the last tick's date, which is centred on its line.
  const width = LABEL_WIDTH + PLOT_WIDTH + 50;
  const height = TOP + Math.max(rows.length, 1) * ROW + BOTTOM;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>Claims on a time axis: what each is about, and when each article carried it</title>`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
  ];
  if (rows.length === 0) {
    parts.push(`<text x="16" y="${TOP}" fill="${palette.muted}">No claim has a date yet: give claims the time they are about, or articles their publication dates.</text>`, '</svg>');
    return { svg: parts.join(''), width, height, undated };
  }
  const start = Math.min(...times) - DAY;
  const end = Math.max(...times) + DAY;
  const x = (at: number) => LABEL_WIDTH + ((at - start) / (end - start)) * PLOT_WIDTH;
  // Ticks: about eight, on whole days.
  const step = Math.max(1, Math.round((end - start) / DAY / 8)) * DAY;
  for (let at = Math.ceil(start / DAY) * DAY; at <= end; at += step) {
    parts.push(`<line x1="${x(at).toFixed(1)}" y1="${TOP - 8}" x2="${x(at).toFixed(1)}" y2="${height - BOTTOM}" stroke="${palette.grid}" stroke-width="1"/>`);
    parts.push(`<text x="${x(at).toFixed(1)}" y="${TOP - 14}" fill="${palette.muted}" text-anchor="middle">${isoDay(at)}</text>`);
  }
  // The legend says what the marks are in words as well as colours.
  parts.push(`<text x="16" y="18" fill="${palette.text}" font-weight="600">Claims</text>`);
  parts.push(`<rect x="${LABEL_WIDTH}" y="8" width="22" height="8" fill="${palette.about}" opacity="0.55"/><text x="${LABEL_WIDTH + 28}" y="16" fill="${palette.text}">what the claim is about</text>`);
  parts.push(`<circle cx="${LABEL_WIDTH + 190}" cy="12" r="5" fill="${palette.mention}"/><text x="${LABEL_WIDTH + 200}" y="16" fill="${palette.text}">an article carries it</text>`);
  parts.push(`<circle cx="${LABEL_WIDTH + 340}" cy="12" r="5" fill="${palette.mention}" stroke="${palette.text}" stroke-width="2"/><text x="${LABEL_WIDTH + 350}" y="16" fill="${palette.text}">first appearance</text>`);
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    parts.push(`<g><title>${escape(row.card.claim.wording)}</title>`);
    parts.push(`<text x="16" y="${y + 4}" fill="${palette.text}">${escape(clip(row.card.claim.wording, 46))}</text>`);
    parts.push(`<line x1="${LABEL_WIDTH}" y1="${y}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y2="${y}" stroke="${palette.grid}" stroke-dasharray="2 3"/>`);
    if (row.about) {
      const [from, to] = row.about;
      parts.push(`<rect x="${x(from).toFixed(1)}" y="${y - 6}" width="${Math.max(3, x(to) - x(from)).toFixed(1)}" height="12" rx="2" fill="${palette.about}" opacity="0.55"><title>About ${escape(row.card.claim.about?.value ?? '')}${row.card.claim.about?.text ? ` (${escape(row.card.claim.about.text)})` : ''}</title></rect>`);
    }
    row.mentions.forEach((mention, j) => {
      const cx = x(mention.at + DAY / 2) + (j % 3) * 3;
      parts.push(`<circle cx="${cx.toFixed(1)}" cy="${y}" r="5" fill="${palette.mention}"${mention.first ? ` stroke="${palette.text}" stroke-width="2"` : ''}><title>${escape(mention.outlet)}, ${isoDay(mention.at)}${mention.first ? ' (first appearance)' : ''}</title></circle>`);
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return { svg: parts.join(''), width, height, undated };
}
