/**
 * BM25 over short texts (claim spans and canonical wordings), made into a similarity in
 * 0..1, and the pairs worth a closer look found without comparing every pair.
 *
 * Okapi BM25 (Robertson & Zaragoza 2009) scores a document for a query by the query's
 * terms it holds, rare terms weighing more (IDF), repeats counting less and less (k1),
 * long documents discounted (b). k1 = 1.2 and b = 0.75 are the usual defaults, not
 * tuned here. Divided by the query's score against itself it reads as "how much of the
 * query's content this text holds": 1 for the same words, ~0 for none shared.
 *
 * Both directions of a pair add up over the same shared terms: as the document, a text
 * contributes its own weight for each (its counts and length); as the query against the
 * query text, the query text's weight. So one walk over the query's posting lists, term
 * at a time into two dense accumulators, gives both directions for every text sharing a
 * word, exactly, at two additions per posting: no candidate sets, no merging. (MaxScore
 * pruning, which skips the long lists of common words, was tried and measured slower
 * here: with a floor as low as matching needs, most of a short text's terms are
 * essential, and the bookkeeping cost more than the lists it skipped.)
 */

const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  /** Per text: its distinct term ids, ascending, and how often each occurs (parallel). */
  private readonly termIds: Int32Array[] = [];
  private readonly counts: Int32Array[] = [];
  private readonly lengths: number[] = [];
  private readonly ids = new Map<string, number>();
  private idf = new Float64Array(0);
  /** Per term: the texts that hold it, ascending, and their weight for it (parallel). */
  private postings: Int32Array[] = [];
  private weights: Float64Array[] = [];
  private averageLength = 1;
  private selfScores = new Float64Array(0);
  /** Scratch for `pairs`: both directions' raw scores per text, and which texts were touched. */
  private forward = new Float64Array(0);
  private reverse = new Float64Array(0);
  private touched = new Int32Array(0);

  /** Adds a text (its terms' stems, repeats kept); returns its number. Call `build` after the last. */
  add(stems: readonly string[]): number {
    const tally = new Map<number, number>();
    for (const s of stems) {
      let id = this.ids.get(s);
      if (id === undefined) this.ids.set(s, (id = this.ids.size));
      tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    const sorted = [...tally.keys()].sort((a, b) => a - b);
    this.termIds.push(Int32Array.from(sorted));
    this.counts.push(Int32Array.from(sorted, (id) => tally.get(id) as number));
    this.lengths.push(stems.length);
    return this.termIds.length - 1;
  }

  get size(): number {
    return this.termIds.length;
  }

  /** Document frequencies, IDF, posting lists with each text's weights, and self-scores. */
  build(): void {
    const terms = this.ids.size;
    const n = this.size;
    const df = new Int32Array(terms);
    for (const ids of this.termIds) for (const id of ids) df[id] = (df[id] as number) + 1;
    // Lucene's IDF: never negative, so a term in most texts still counts a little.
    this.idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    const nonEmpty = this.lengths.filter((length) => length > 0);
    this.averageLength = nonEmpty.length ? nonEmpty.reduce((sum, length) => sum + length, 0) / nonEmpty.length : 1;
    const fill = new Int32Array(terms);
    this.postings = Array.from(df, (d) => new Int32Array(d));
    this.weights = Array.from(df, (d) => new Float64Array(d));
    this.selfScores = new Float64Array(n);
    this.termIds.forEach((ids, doc) => {
      const counts = this.counts[doc] as Int32Array;
      const length = this.lengths[doc] as number;
      let self = 0;
      ids.forEach((id, k) => {
        const weight = this.weightOf(id, counts[k] as number, length);
        const at = fill[id] as number;
        (this.postings[id] as Int32Array)[at] = doc;
        (this.weights[id] as Float64Array)[at] = weight;
        fill[id] = at + 1;
        self += weight;
      });
      this.selfScores[doc] = self;
    });
    this.forward = new Float64Array(n);
    this.reverse = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** The BM25 weight of a term occurring `count` times in a text of `length` terms: IDF, saturated, length-discounted. */
  private weightOf(id: number, count: number, length: number): number {
    return ((this.idf[id] as number) * (count * (K1 + 1))) / (count + K1 * (1 - B + (B * length) / this.averageLength));
  }

  /** The weight of text `doc` for term `id` (0 when it does not hold it): a binary search of the posting list. */
  private weightIn(id: number, doc: number): number {
    const list = this.postings[id] as Int32Array;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as number) < doc) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] === doc ? ((this.weights[id] as Float64Array)[lo] as number) : 0;
  }

  /** How much of `query`'s content `doc` holds, 0..1: BM25 over the query's self-score. */
  similarity(query: number, doc: number): number {
    const self = this.selfScores[query] as number;
    if (self <= 0) return 0;
    let score = 0;
    for (const id of this.termIds[query] as Int32Array) score += this.weightIn(id, doc);
    return Math.min(1, score / self);
  }

  /**
   * Calls `visit` for every text after `after` (by number) sharing a word with `query`
   * whose similarity reaches `floor` one way or the other: how much of the query it holds
   * (`forward`) and how much of it the query holds (`reverse`), the same values as
   * `similarity` both ways. In the order the texts were met (the same every time).
   */
  pairs(query: number, floor: number, after: number, visit: (doc: number, forward: number, reverse: number) => void): void {
    const ids = this.termIds[query] as Int32Array;
    const counts = this.counts[query] as Int32Array;
    const length = this.lengths[query] as number;
    let touched = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      // The query's own weight for the term: what a text holding it gets in the reverse direction.
      const mine = this.weightOf(id, counts[k] as number, length);
      const docs = this.postings[id] as Int32Array;
      const weights = this.weights[id] as Float64Array;
      for (let p = firstAfter(docs, after); p < docs.length; p++) {
        const doc = docs[p] as number;
        // Weights are positive: a zero is a text not touched yet.
        if (this.reverse[doc] === 0) this.touched[touched++] = doc;
        this.forward[doc] = (this.forward[doc] as number) + (weights[p] as number);
        this.reverse[doc] = (this.reverse[doc] as number) + mine;
      }
    }
    const self = this.selfScores[query] as number;
    for (let t = 0; t < touched; t++) {
      const doc = this.touched[t] as number;
      const other = this.selfScores[doc] as number;
      const forward = self > 0 ? Math.min(1, (this.forward[doc] as number) / self) : 0;
      const reverse = other > 0 ? Math.min(1, (this.reverse[doc] as number) / other) : 0;
      this.forward[doc] = 0;
      this.reverse[doc] = 0;
      if (doc !== query && (forward >= floor || reverse >= floor)) visit(doc, forward, reverse);
    }
  }

  /** The query's terms shared with `doc`, as term ids, rarest first. */
  sharedTerms(query: number, doc: number): number[] {
    const d = new Set(this.termIds[doc]);
    return [...(this.termIds[query] as Int32Array)].filter((id) => d.has(id)).sort((a, b) => (this.idf[b] as number) - (this.idf[a] as number) || a - b);
  }

  termId(stem: string): number | undefined {
    return this.ids.get(stem);
  }
}

/** The first position in an ascending list whose value is greater than `after`. */
function firstAfter(list: Int32Array, after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
