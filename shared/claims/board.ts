/**
 * The claims board's content: each canonical claim with every mention of it across the
 * project (merged claims' mentions included), where it appeared first, and where its
 * mentions disagree — a number, a date or the claimant that one outlet gives otherwise.
 * Pure, so the app, the CLI and the ClaimReview export read the same board.
 */
import { resolveClaimId, spanKey, type CanonicalClaim, type ClaimRegistry, type SpanRef } from '../model/claims.js';
import type { CanonicalEntity } from '../model/entities.js';
import type { Mention } from './mentions.js';
import { quantitiesIn, quantityKey } from './numbers.js';

/** What the board shows of a document. */
export interface BoardDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

export interface Reading {
  /** As the analyst reads it: "$1.1m, 300", "2020-03-29", "Brig. Gen. Vincent Barker". */
  value: string;
  mentions: SpanRef[];
}

export interface Disagreement {
  kind: 'number' | 'date' | 'claimant';
  readings: Reading[];
}

export interface ClaimCard {
  claim: CanonicalClaim;
  /** Oldest publication first (undated last), then by title. */
  mentions: Mention[];
  /** The mention published first, when any is dated. */
  firstAppearance: SpanRef | null;
  outlets: string[];
  /** Canonical entity ids and names the claim involves, as claimant or subject (for the entity filter). */
  entities: { id: string | null; name: string }[];
  disagreements: Disagreement[];
}

export interface ClaimsBoard {
  claims: ClaimCard[];
  documents: Record<string, BoardDocument>;
  /** Claim spans not linked to any canonical claim yet (the matcher's inbox; evidence to choose from). */
  unlinked: Mention[];
}

export function buildBoard(registry: ClaimRegistry, mentions: readonly Mention[], documents: readonly BoardDocument[], entities: readonly CanonicalEntity[]): ClaimsBoard {
  const byId = new Map(registry.claims.map((claim) => [claim.id, claim]));
  const docs = Object.fromEntries(documents.map((doc) => [doc.id, doc]));
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  const grouped = new Map<string, Mention[]>();
  const unlinked: Mention[] = [];
  for (const mention of mentions) {
    if (mention.claimId === null || !byId.has(mention.claimId)) {
      unlinked.push(mention);
      continue;
    }
    const id = resolveClaimId(byId, mention.claimId);
    grouped.set(id, [...(grouped.get(id) ?? []), mention]);
  }
  const claims = registry.claims
    .filter((claim) => claim.mergedInto === undefined)
    .map((claim) => card(claim, grouped.get(claim.id) ?? [], docs, names));
  return { claims, documents: docs, unlinked };
}

function card(claim: CanonicalClaim, found: Mention[], docs: Record<string, BoardDocument>, names: ReadonlyMap<string, string>): ClaimCard {
  const published = (mention: Mention) => docs[mention.ref.documentId]?.published ?? null;
  const mentions = [...found].sort((a, b) => {
    const [pa, pb] = [published(a), published(b)];
    if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa.localeCompare(pb);
    return (docs[a.ref.documentId]?.title ?? '').localeCompare(docs[b.ref.documentId]?.title ?? '') || a.start - b.start;
  });
  const first = mentions[0];
  const outlets = [...new Set(mentions.map((mention) => docs[mention.ref.documentId]?.outlet).filter((outlet): outlet is string => Boolean(outlet)))];
  const entities = new Map<string, { id: string | null; name: string }>();
  // Every entity the claim involves, as claimant or as what it speaks of.
  for (const mention of mentions) {
    const claimant = mention.claimant?.entityId ? [{ entityId: mention.claimant.entityId, text: mention.claimant.text }] : [];
    for (const entity of [...mention.entities, ...claimant]) {
      const name = (entity.entityId && names.get(entity.entityId)) || entity.text;
      entities.set(entity.entityId ?? name.toLowerCase(), { id: entity.entityId, name });
    }
  }
  if (claim.claimant && 'entityId' in claim.claimant) entities.set(claim.claimant.entityId, { id: claim.claimant.entityId, name: names.get(claim.claimant.entityId) ?? claim.claimant.entityId });
  return {
    claim,
    mentions,
    firstAppearance: first && published(first) !== null ? first.ref : null,
    outlets,
    entities: [...entities.values()],
    disagreements: disagreements(mentions, names),
  };
}

/** Where the mentions of one claim read differently: each reading with the mentions that give it. */
export function disagreements(mentions: readonly Mention[], names: ReadonlyMap<string, string> = new Map()): Disagreement[] {
  const found: Disagreement[] = [];
  const numbers = readings(mentions, (mention) => {
    const quantities = quantitiesIn(mention.text);
    if (quantities.length === 0) return null;
    const seen = new Map(quantities.map((quantity) => [quantityKey(quantity), quantity.text]));
    return { key: [...seen.keys()].sort().join('|'), value: [...seen.values()].join(', ') };
  });
  if (numbers.length > 1) found.push({ kind: 'number', readings: numbers });
  const dates = readings(mentions, (mention) => {
    const values = [...new Set(mention.dates.map((date) => date.value).filter((value): value is string => value !== null))].sort();
    return values.length ? { key: values.join('|'), value: values.join(', ') } : null;
  });
  if (dates.length > 1) found.push({ kind: 'date', readings: dates });
  const claimants = readings(mentions, (mention) => {
    if (!mention.claimant) return null;
    const { entityId, text } = mention.claimant;
    return { key: entityId ?? normalName(text), value: (entityId && names.get(entityId)) || text };
  });
  if (claimants.length > 1) found.push({ kind: 'claimant', readings: claimants });
  return found;
}

function readings(mentions: readonly Mention[], read: (mention: Mention) => { key: string; value: string } | null): Reading[] {
  const byKey = new Map<string, Reading>();
  for (const mention of mentions) {
    const reading = read(mention);
    if (!reading) continue;
    const entry = byKey.get(reading.key) ?? { value: reading.value, mentions: [] };
    entry.mentions.push(mention.ref);
    byKey.set(reading.key, entry);
  }
  return [...byKey.values()];
}

/** "Brig. Gen. Vincent Barker" and "brig gen vincent barker" are one claimant. */
function normalName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const CLAIM_SORTS = ['first-appearance', 'mentions', 'status', 'updated', 'wording'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export interface BoardFilter {
  /** Words that must all be in the wording or a mention. */
  text?: string;
  statuses?: readonly CanonicalClaim['status'][];
  /** A claimant: entity id, or words as the claim or a mention names them. */
  claimant?: string;
  /** An entity id or name the claim speaks of. */
  entity?: string;
  /** Publication or "about" dates from and to (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  sort?: ClaimSort;
}

/** The board's cards that pass the filter, in its order. */
export function filterBoard(board: ClaimsBoard, filter: BoardFilter): ClaimCard[] {
  const words = normalName(filter.text ?? '').split(' ').filter(Boolean);
  const claimant = filter.claimant ? normalName(filter.claimant) : null;
  const entity = filter.entity ? normalName(filter.entity) : null;
  const passes = (card: ClaimCard) => {
    if (filter.statuses?.length && !filter.statuses.includes(card.claim.status)) return false;
    if (words.length) {
      const haystack = normalName([card.claim.wording, ...card.mentions.map((mention) => mention.text)].join(' '));
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    if (claimant && !claimantsOf(card).some((name) => name.includes(claimant))) return false;
    if (entity && !card.entities.some((item) => (item.id !== null && normalName(item.id) === entity) || normalName(item.name).includes(entity))) return false;
    if (filter.from || filter.to) {
      const dates = datesOf(card, board.documents);
      if (!dates.some((date) => (!filter.from || date >= filter.from) && (!filter.to || date.slice(0, (filter.to ?? '').length) <= filter.to))) return false;
    }
    return true;
  };
  return sortCards(board.claims.filter(passes), filter.sort ?? 'first-appearance', board.documents);
}

function claimantsOf(card: ClaimCard): string[] {
  const names: string[] = [];
  const own = card.claim.claimant;
  if (own) names.push(normalName('entityId' in own ? own.entityId : own.text));
  for (const mention of card.mentions) {
    if (!mention.claimant) continue;
    names.push(normalName(mention.claimant.text));
    if (mention.claimant.entityId) names.push(normalName(mention.claimant.entityId));
  }
  const entityName = own && 'entityId' in own ? card.entities.find((item) => item.id === own.entityId)?.name : undefined;
  if (entityName) names.push(normalName(entityName));
  return names;
}

/** The dates a claim is tied to: its mentions' publication dates and the time it is about. */
function datesOf(card: ClaimCard, documents: Record<string, BoardDocument>): string[] {
  const dates = card.mentions.map((mention) => documents[mention.ref.documentId]?.published).filter((date): date is string => Boolean(date));
  if (card.claim.about && /^\d{4}/.test(card.claim.about.value)) dates.push(card.claim.about.value);
  return dates;
}

const STATUS_ORDER = ['unverified', 'researching', 'rated', 'reviewed'];

function sortCards(cards: ClaimCard[], sort: ClaimSort, documents: Record<string, BoardDocument>): ClaimCard[] {
  const firstDate = (card: ClaimCard) => (card.firstAppearance ? (documents[card.firstAppearance.documentId]?.published ?? '9999') : '9999');
  const compare: Record<ClaimSort, (a: ClaimCard, b: ClaimCard) => number> = {
    'first-appearance': (a, b) => firstDate(a).localeCompare(firstDate(b)),
    mentions: (a, b) => b.mentions.length - a.mentions.length,
    status: (a, b) => STATUS_ORDER.indexOf(a.claim.status) - STATUS_ORDER.indexOf(b.claim.status),
    updated: (a, b) => b.claim.updatedAt.localeCompare(a.claim.updatedAt),
    wording: (a, b) => a.claim.wording.localeCompare(b.claim.wording),
  };
  return [...cards].sort((a, b) => compare[sort](a, b) || a.claim.wording.localeCompare(b.claim.wording) || a.claim.id.localeCompare(b.claim.id));
}

/** A mention's key, for lists and React keys. */
export function mentionKey(mention: Mention): string {
  return spanKey(mention.ref);
}
