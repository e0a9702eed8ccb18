/**
 * Scores temporal expressions the way TempEval-3 does (UzZaman et al. 2013, the task's
 * evaluate_entities.py): system and gold expressions are paired one to one where they
 * overlap; a pair is a relaxed match, and a strict match when the spans are the same.
 * Precision is over the system's expressions, recall over the gold ones. Value F1 counts
 * the relaxed matches whose TIMEX3 value is the gold one (as does type F1 for the type):
 * TempEval-3's attribute F1, i.e. attribute accuracy times relaxed precision and recall.
 */

export interface ScoredTimex {
  start: number;
  end: number;
  value: string | null;
  type: string | null;
}

export interface TimexCounts {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  value: number;
  type: number;
}

export interface TimexScores {
  counts: TimexCounts;
  relaxed: Prf;
  strict: Prf;
  value: Prf;
  type: Prf;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface TimexPair<G extends ScoredTimex, S extends ScoredTimex> {
  gold: G;
  system: S;
}

/**
 * One-to-one pairs of overlapping expressions: each gold expression takes the free system
 * expression that overlaps it most (the earlier on a tie), in text order.
 */
export function pairTimexes<G extends ScoredTimex, S extends ScoredTimex>(gold: readonly G[], system: readonly S[]): TimexPair<G, S>[] {
  const taken = new Set<number>();
  const pairs: TimexPair<G, S>[] = [];
  const sorted = [...system].map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start);
  for (const g of [...gold].sort((a, b) => a.start - b.start)) {
    let best: { s: S; i: number; overlap: number } | null = null;
    for (const { s, i } of sorted) {
      if (s.start >= g.end) break;
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (overlap <= 0 || taken.has(i)) continue;
      if (!best || overlap > best.overlap) best = { s, i, overlap };
    }
    if (best) {
      taken.add(best.i);
      pairs.push({ gold: g, system: best.s });
    }
  }
  return pairs;
}

export function countTimexes(gold: readonly ScoredTimex[], system: readonly ScoredTimex[]): TimexCounts {
  const pairs = pairTimexes(gold, system);
  return {
    gold: gold.length,
    system: system.length,
    relaxed: pairs.length,
    strict: pairs.filter(({ gold: g, system: s }) => g.start === s.start && g.end === s.end).length,
    value: pairs.filter(({ gold: g, system: s }) => s.value !== null && g.value === s.value).length,
    type: pairs.filter(({ gold: g, system: s }) => s.type !== null && g.type === s.type).length,
  };
}

export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return { gold: a.gold + b.gold, system: a.system + b.system, relaxed: a.relaxed + b.relaxed, strict: a.strict + b.strict, value: a.value + b.value, type: a.type + b.type };
}

export const NO_COUNTS: TimexCounts = { gold: 0, system: 0, relaxed: 0, strict: 0, value: 0, type: 0 };

function prf(matched: number, system: number, gold: number): Prf {
  const precision = system ? matched / system : 0;
  const recall = gold ? matched / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function scoreCounts(counts: TimexCounts): TimexScores {
  return {
    counts,
    relaxed: prf(counts.relaxed, counts.system, counts.gold),
    strict: prf(counts.strict, counts.system, counts.gold),
    value: prf(counts.value, counts.system, counts.gold),
    type: prf(counts.type, counts.system, counts.gold),
  };
}
