/**
 * One score, 0..1, for "these two texts state the same claim", from the shared words
 * (normalised BM25, bm25.ts) and the other evidence (match-features.ts).
 *
 *   score = lexical + gate · (0.15·numbers + 0.10·entities + 0.10·dates + 0.05·claimant)
 *                   − 0.15 per kind of quantity in conflict − 0.10 for dates in conflict
 *   gate  = min(1, lexical / 0.25)
 *
 * Why these weights (set from what each signal means before the samples were scored,
 * bench/RESULTS.md says what they then gave):
 * - The words carry the score: restating a claim is saying the same thing, and the
 *   shared words are the most direct trace of it. Everything else adds at most 0.4.
 * - A shared quantity weighs most (0.15): "$1.1m" and "300 personnel" in two texts
 *   rarely meet by chance, while every sentence of a story names the same few places.
 * - Entities (0.10) count less. Both count by how rare they are in the project
 *   (matching.ts weighs each shared one by its IDF), so sharing "Iraq" in a corpus about
 *   Iraq, or "two", adds little.
 * - The same date (0.10; a date inside the other's, such as "March 29" in "this month",
 *   half) ties event claims ("Q-West was handed over on March 26") that are worded apart.
 * - The claimant (0.05) least: one spokesman makes many claims in one statement, and
 *   outlets attribute one claim differently.
 * - The gate keeps the evidence from making a match on its own: two different claims of
 *   one press statement share claimant, date and places but not their words. Below a
 *   quarter of the words shared, the evidence counts proportionally less.
 * - Conflicts subtract: two figures for one kind of quantity, or two different days,
 *   are either two different claims or one claim the outlets disagree on. Both matter
 *   to a fact-checker, so the penalty lowers the pair without ruling it out, and the
 *   reasons list what differs.
 */
import type { Evidence } from './match-features.js';

export const WEIGHTS = {
  numbers: 0.15,
  entities: 0.1,
  dates: 0.1,
  claimant: 0.05,
  /** Below this much lexical similarity, the evidence above counts proportionally less. */
  gate: 0.25,
  numberConflict: 0.15,
  dateConflict: 0.1,
} as const;

/** The most the evidence can add. */
const MAX_EVIDENCE = WEIGHTS.numbers + WEIGHTS.entities + WEIGHTS.dates + WEIGHTS.claimant;

/** Proposed from this score up, unless the caller asks for another threshold. */
export const DEFAULT_THRESHOLD = 0.4;

export function matchScore(lexical: number, evidence: Evidence): number {
  const gate = Math.min(1, lexical / WEIGHTS.gate);
  const support = WEIGHTS.numbers * evidence.numbers + WEIGHTS.entities * evidence.entities + WEIGHTS.dates * evidence.dates + WEIGHTS.claimant * evidence.claimant;
  const penalty = WEIGHTS.numberConflict * evidence.numberConflicts + (evidence.dateConflict ? WEIGHTS.dateConflict : 0);
  return Math.min(1, Math.max(0, lexical + gate * support - penalty));
}

/**
 * The least lexical similarity with which a pair can still reach `threshold` (all the
 * evidence agreeing, nothing in conflict): pairs below it need not be scored at all.
 */
export function lexicalFloor(threshold: number): number {
  // Under the gate, score ≤ L·(1 + MAX/gate); above it, score ≤ L + MAX.
  const underGate = threshold / (1 + MAX_EVIDENCE / WEIGHTS.gate);
  return underGate <= WEIGHTS.gate ? underGate : Math.max(WEIGHTS.gate, threshold - MAX_EVIDENCE);
}
