/**
 * How worth checking a claim is, 0 to 1, and why: the signals fact-checkers look for
 * first (the ClaimBuster and CheckThat! criteria, made explicit):
 * - numbers and quantities ("5,000 troops", "$1.1m", "60 days");
 * - comparisons and changes ("more than", "the highest", "increased", "doubled");
 * - an attribution to a source ("said", "according to"), the stronger with a claimant;
 * - causal statements ("because", "led to", "as a result of", "blamed ... for").
 * Questions, first-person hopes and opinions, and bare predictions count less.
 */

export interface WorthinessSignals {
  /** Quantities in the sentence (claims.ts finds them, leaving out dates and years). */
  quantities: number;
  attribution: boolean;
  claimant: boolean;
  quotation: boolean;
}

const COMPARISON = /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|biggest|largest|highest|lowest|greatest|most|least|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|rose|risen|fell|fallen|doubled|tripled|halved|than|record|compared\s+with|compared\s+to|the\s+first\s+time|only|every|all|none|never)\b/i;
const CAUSAL = /\b(?:because|due\s+to|caused|causing|causes|led\s+to|leading\s+to|lead\s+to|as\s+a\s+result|result\s+of|resulted\s+in|responsible\s+for|blamed?|thanks\s+to|so\s+that|therefore|in\s+response\s+to|in\s+retaliation|following\s+the)\b/i;
const OPINION = /\b(?:I|we)\s+(?:think|believe|hope|anticipate|feel|expect|want|honor|honour)\b|\b(?:deplorable|abhorrent|evil|proud|historic)\b/i;
const PREDICTION = /\b(?:will|would|may|might|could|should)\b/i;

export function checkWorthiness(sentence: string, signals: WorthinessSignals): { score: number; reasons: string[] } {
  let score = 0.25;
  const reasons: string[] = [];
  if (signals.quantities > 0) {
    score += 0.3;
    reasons.push('a number');
  }
  const comparison = COMPARISON.exec(sentence);
  if (comparison) {
    score += 0.15;
    reasons.push(`a comparison (${comparison[0].toLowerCase()})`);
  }
  const causal = CAUSAL.exec(sentence);
  if (causal) {
    score += 0.2;
    reasons.push(`a cause (${causal[0].toLowerCase()})`);
  }
  if (signals.attribution) {
    score += signals.claimant ? 0.25 : 0.1;
    reasons.push(signals.claimant ? 'attributed to a named source' : 'attributed');
  }
  if (signals.quotation) score += 0.05;
  if (/\?["”’)]*$/.test(sentence.trim())) score -= 0.2;
  if (OPINION.test(sentence)) score -= 0.15;
  else if (PREDICTION.test(sentence) && signals.quantities === 0) score -= 0.05;
  return { score: Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100, reasons };
}

/** Whether the sentence states a cause: a candidate claim even without speech or numbers. */
export const statesCause = (sentence: string) => CAUSAL.test(sentence);
