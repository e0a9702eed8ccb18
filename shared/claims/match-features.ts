/**
 * What two claim texts say alike besides their words: the quantities they state, the
 * entities they name, the dates they are about and who they are attributed to. Read once
 * per text (a mention, or a canonical claim's wording) and compared per pair; the
 * weights that turn the comparison into a score are in match-score.ts.
 *
 * Comparing is on the hot path (every pair of texts that share enough words), so each
 * text's keys are computed once here, and a pair with nothing in common costs no
 * allocation.
 */
import type { CanonicalClaim } from '../model/claims.js';
import type { Mention } from './mentions.js';
import { nameKeys, sameSpeaker, speaker, type Speaker } from './names.js';
import { quantitiesIn, quantityKey, type Quantity, type QuantityKind } from './numbers.js';
import { dayRange, relate, type DayRange } from './timex-range.js';

export interface FeatureEntity {
  /** The canonical entity id and the name keys: two entities are one when they share a key. */
  keys: string[];
  /** As the text names it, for the reasons. */
  name: string;
}

export interface FeatureDate {
  value: string;
  range: DayRange;
}

export interface FeatureClaimant {
  entityId: string | null;
  name: string;
  speaker: Speaker;
}

/** A quantity with its key (quantityKey), read once. */
export interface FeatureQuantity extends Quantity {
  key: string;
}

export interface Features {
  quantities: FeatureQuantity[];
  quantityKeys: Set<string>;
  entities: FeatureEntity[];
  entityKeys: Set<string>;
  dates: FeatureDate[];
  claimant: FeatureClaimant | null;
}

/** Dates that name a stretch of the calendar, each value once. */
function calendarDates(values: readonly (string | null | undefined)[]): FeatureDate[] {
  const found = new Map<string, FeatureDate>();
  for (const value of values) {
    if (!value || found.has(value)) continue;
    const range = dayRange(value);
    if (range) found.set(value, { value, range });
  }
  return [...found.values()];
}

function features(stated: Quantity[], entities: FeatureEntity[], dates: FeatureDate[], claimant: FeatureClaimant | null): Features {
  const quantities = stated.map((quantity) => ({ ...quantity, key: quantityKey(quantity) }));
  return { quantities, quantityKeys: new Set(quantities.map((quantity) => quantity.key)), entities, entityKeys: new Set(entities.flatMap((entity) => entity.keys)), dates, claimant };
}

export function mentionFeatures(mention: Mention): Features {
  const entities = new Map<string, FeatureEntity>();
  for (const entity of mention.entities) {
    const keys = [...(entity.entityId ? [`id:${entity.entityId}`] : []), ...nameKeys(entity.text)];
    const first = keys[0];
    if (first !== undefined && !entities.has(first)) entities.set(first, { keys, name: entity.text });
  }
  const claimant = mention.claimant ? { entityId: mention.claimant.entityId, name: mention.claimant.text, speaker: speaker(mention.claimant.text) } : null;
  return features(quantitiesIn(mention.text), [...entities.values()], calendarDates(mention.dates.map((date) => date.value)), claimant);
}

/** A canonical claim's wording: its quantities, the time it is about, its claimant (by id, or by the words given). */
export function claimFeatures(claim: CanonicalClaim): Features {
  const given = claim.claimant;
  const claimant = given === undefined ? null : 'entityId' in given ? { entityId: given.entityId, name: '', speaker: speaker('') } : { entityId: null, name: given.text, speaker: speaker(given.text) };
  return features(quantitiesIn(claim.wording), [], calendarDates([claim.about?.value]), claimant);
}

/**
 * How telling a shared entity or quantity is, 0..1, by its key: one named in every text
 * of the project ("Iraq" in a corpus about Iraq, "two") tells little, one named in two
 * texts ("$1.1m", "Hamrin Mountains") much.
 */
export type Rarity = (key: string) => number;

/** 0..1 each: how strongly each kind of evidence says "the same claim"; and what contradicts. */
export interface Evidence {
  numbers: number;
  entities: number;
  dates: number;
  claimant: number;
  /** How many kinds of quantity are in conflict, and whether the dates are. */
  numberConflicts: number;
  dateConflict: boolean;
}

/** What the analyst is shown: each worded from the first text's side. */
export interface FeatureReasons {
  numbers: { agree: string[]; differ: string[] };
  entities: string[];
  dates: { agree: string[]; differ: string[] };
  claimant: string | null;
}

const KINDS: readonly QuantityKind[] = ['money', 'percent', 'count'];

/**
 * The evidence of `a` against `b`, as numbers only: this runs for every pair of texts
 * that share enough words, and allocates nothing when they have nothing else in common.
 */
export function evidenceOf(a: Features, b: Features, rarity: Rarity): Evidence {
  let numbers = 0;
  let numberConflicts = 0;
  if (a.quantities.length > 0 && b.quantities.length > 0) {
    for (const key of a.quantityKeys) if (b.quantityKeys.has(key)) numbers += rarity(key);
    for (const kind of KINDS) if (kindInConflict(a, b, kind)) numberConflicts++;
  }
  let entities = 0;
  if (a.entities.length > 0 && b.entities.length > 0) {
    for (const entity of sharedEntities(a, b)) {
      // An entity known by several keys (its id, its name, its initials) is as telling as its rarest.
      let most = 0;
      for (const key of entity.keys) most = Math.max(most, rarity(key));
      entities += most;
    }
  }
  const dates = a.dates.length > 0 && b.dates.length > 0 ? relateDates(a.dates, b.dates, null) : null;
  return {
    numbers: Math.min(1, numbers),
    entities: Math.min(1, entities),
    dates: dates?.strength ?? 0,
    claimant: sameClaimant(a.claimant, b.claimant) === null ? 0 : 1,
    numberConflicts,
    dateConflict: dates?.conflict ?? false,
  };
}

/** The reasons for a pair, worded from `a`'s side: what agrees, what differs. */
export function reasonsOf(a: Features, b: Features): FeatureReasons {
  const agree = new Set<string>();
  for (const quantity of a.quantities) if (b.quantityKeys.has(quantity.key)) agree.add(quantity.text);
  const differ: string[] = [];
  for (const kind of KINDS) {
    if (!kindInConflict(a, b, kind)) continue;
    const texts = (of: Features) => [...new Set(of.quantities.filter((quantity) => quantity.kind === kind).map((quantity) => quantity.text))].join(', ');
    differ.push(`${texts(a)} vs ${texts(b)}`);
  }
  const dates = dateReasons(a.dates, b.dates);
  return {
    numbers: { agree: [...agree], differ },
    entities: sharedEntities(a, b).map((entity) => entity.name),
    dates: { agree: dates.agree, differ: dates.differ },
    claimant: sameClaimant(a.claimant, b.claimant),
  };
}

/**
 * Quantities agree when both state the same value of the same kind ("$1.1m" and "$1.1
 * million dollars"). They conflict, per kind, when both state some of that kind and
 * share none ("$1.1m" against "$1 million"): one outlet's figure against another's.
 */
function kindInConflict(a: Features, b: Features, kind: QuantityKind): boolean {
  let inA = false;
  for (const quantity of a.quantities) {
    if (quantity.kind !== kind) continue;
    if (b.quantityKeys.has(quantity.key)) return false;
    inA = true;
  }
  return inA && b.quantities.some((quantity) => quantity.kind === kind);
}

/** `a`'s entities that `b` names too (under any of their keys), each once. */
function sharedEntities(a: Features, b: Features): FeatureEntity[] {
  const shared: FeatureEntity[] = [];
  if (a.entities.length === 0 || b.entities.length === 0) return shared;
  const seen = new Set<string>();
  for (const entity of a.entities) {
    if (!entity.keys.some((key) => b.entityKeys.has(key)) || entity.keys.some((key) => seen.has(key))) continue;
    for (const key of entity.keys) seen.add(key);
    shared.push(entity);
  }
  return shared;
}
/** A date inside another counts only when the other is a month or shorter: nearly everything in a story is "in 2020". */
const TELLING_DAYS = 31;

/** Dates written into the reasons as they are compared ("2020-03-29", "2020-03-29 in 2020-03", "2020-03-26 vs 2020-03-29"). */
interface DateWords {
  same: string[];
  within: string[];
  apart: string[];
}

/**
 * The same calendar value is agreement (strength 1); one inside the other ("March 29"
 * and "this month", "March 17" and "last week") is consistent, weaker (0.5). Dates
 * conflict when none are consistent and both give one of the same granularity that
 * differs ("March 26" against "March 29"); a year against a day is left alone, as claims
 * often give background years. With `words`, each relation found is written down too.
 */
function relateDates(a: readonly FeatureDate[], b: readonly FeatureDate[], words: DateWords | null): { strength: number; conflict: boolean } {
  let same = false;
  let within = false;
  let apart = false;
  for (const x of a) {
    for (const y of b) {
      const relation = relate(x.range, y.range);
      const [inner, outer] = x.range.last - x.range.first <= y.range.last - y.range.first ? [x, y] : [y, x];
      if (relation === 'same') {
        same = true;
        words?.same.push(x.value);
      } else if (relation === 'within' && outer.range.last - outer.range.first < TELLING_DAYS) {
        within = true;
        words?.within.push(`${inner.value} in ${outer.value}`);
      } else if (relation === 'apart' && x.range.granularity === y.range.granularity) {
        apart = true;
        words?.apart.push(`${x.value} vs ${y.value}`);
      }
    }
  }
  return { strength: same ? 1 : within ? 0.5 : 0, conflict: !same && !within && apart };
}

function dateReasons(a: readonly FeatureDate[], b: readonly FeatureDate[]): { agree: string[]; differ: string[] } {
  const words: DateWords = { same: [], within: [], apart: [] };
  const { strength, conflict } = relateDates(a, b, words);
  return { agree: [...new Set(strength === 1 ? words.same : strength > 0 ? words.within : [])], differ: conflict ? [...new Set(words.apart)] : [] };
}
/** The claimant both name, as `a` names them; null when either has none or they differ. */
function sameClaimant(a: FeatureClaimant | null, b: FeatureClaimant | null): string | null {
  if (!a || !b) return null;
  if (a.entityId !== null && a.entityId === b.entityId) return a.name || b.name || a.entityId;
  if (a.name && b.name && sameSpeaker(a.speaker, b.speaker)) return a.name;
  return null;
}
