/**
 * claims.json merged as the claims model means it, on top of the general merge by id and
 * field (json-merge.ts), so that two people checking claims apart lose nothing and are
 * asked only when they really disagree:
 *
 * - a claim's verdict, claimant, time and sign-off are each one value: given two ways,
 *   they are one conflict between the two wholes (alice's "true" against bob's "false"),
 *   never half of each; two verdicts with the same rating and explanation are no
 *   disagreement, and the later one stays;
 * - the status is a field like the others: moved to two different steps, a conflict;
 * - the workflow's history is a log both sides append to: both sides' moves are kept, in
 *   time order; `updatedAt` is the later of the two;
 * - the dismissed match proposals are a set (by span and target): what either side turned
 *   down stays turned down;
 * - then the file is made whole again: a sign-off stays only on the verdict its signer
 *   saw, a claim merged into one that was itself merged meanwhile points at where that one
 *   went, and a claim deleted on one side is kept while a span or another claim still
 *   points at it.
 */
import { dismissalKey } from '../claims/changes.js';
import type { DismissedMatch } from '../model/claims.js';
import { sameValue } from '../model/layer-merge.js';
import { isJsonObject, mergeJson, type Json, type JsonMergeOptions, type JsonMergeResult, type JsonObject, type PathStep, type Side } from './json-merge.js';

/** A claim's fields that are one value each (see above). */
const WHOLE_FIELDS = new Set(['verdict', 'claimant', 'about', 'signOff']);

export function mergeClaims(base: Side, ours: Side, theirs: Side, options: JsonMergeOptions = {}): JsonMergeResult {
  const [mine, other] = agreeOnLogs(ours, theirs);
  const result = mergeJson(base, mine, other, { ...options, atomic: isWholeField });
  if (isJsonObject(result.value)) result.value = madeWhole(breakCycles(result.value, base, [mine, other], options, result), [mine, other]);
  return result;
}

/** `claims › {id} › verdict` and the like. */
function isWholeField(path: readonly PathStep[]): boolean {
  return path.length === 3 && path[0] === 'claims' && typeof path[1] === 'object' && typeof path[2] === 'string' && WHOLE_FIELDS.has(path[2]);
}

/**
 * What both sides only add to (the history, the dismissed proposals, the time of the last
 * change, a verdict given alike twice) merged here first, and given to both sides, so that
 * the general merge finds them equal.
 */
function agreeOnLogs(ours: Side, theirs: Side): [Side, Side] {
  if (!isJsonObject(ours) || !isJsonObject(theirs)) return [ours, theirs];
  const theirClaims = new Map(claimsOf(theirs).map((claim) => [claim.id, claim]));
  const agreed = new Map<string, JsonObject>();
  for (const claim of claimsOf(ours)) {
    const twin = theirClaims.get(claim.id as string);
    if (twin) agreed.set(claim.id as string, agreedFields(claim, twin));
  }
  const withAgreed = (file: JsonObject): JsonObject => ({
    ...file,
    claims: claimsOf(file).map((claim) => ({ ...claim, ...agreed.get(claim.id as string) })),
    ...(Array.isArray(ours.dismissed) || Array.isArray(theirs.dismissed) ? { dismissed: dismissedUnion(ours.dismissed, theirs.dismissed) } : {}),
  });
  return [withAgreed(ours), withAgreed(theirs)];
}

function claimsOf(file: JsonObject): JsonObject[] {
  return Array.isArray(file.claims) ? file.claims.filter(isJsonObject) : [];
}

/** The fields of one claim on both sides that are merged by what they mean, not by value. */
function agreedFields(ours: JsonObject, theirs: JsonObject): JsonObject {
  const fields: JsonObject = {};
  const history = logUnion(ours.history, theirs.history);
  if (history) fields.history = history;
  if (typeof ours.updatedAt === 'string' && typeof theirs.updatedAt === 'string') fields.updatedAt = ours.updatedAt > theirs.updatedAt ? ours.updatedAt : theirs.updatedAt;
  const verdict = sameVerdict(ours.verdict, theirs.verdict);
  if (verdict) fields.verdict = verdict;
  return fields;
}

/** Both sides' moves of the workflow, each once, oldest first (ours first at the same time). */
function logUnion(ours: Side, theirs: Side): Json[] | null {
  if (!Array.isArray(ours) || !Array.isArray(theirs)) return null;
  const seen = new Set<string>();
  const entries: { at: string; entry: Json }[] = [];
  for (const entry of [...ours, ...theirs]) {
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ at: isJsonObject(entry) && typeof entry.at === 'string' ? entry.at : '', entry });
  }
  // A stable sort: entries of the same time keep the order they were read in.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((item) => item.entry);
}

/** Two verdicts that say the same (rating and explanation): the later one, for both sides. */
function sameVerdict(ours: Side, theirs: Side): JsonObject | null {
  if (!isJsonObject(ours) || !isJsonObject(theirs)) return null;
  if (ours.rating !== theirs.rating || (ours.explanation ?? null) !== (theirs.explanation ?? null)) return null;
  return String(theirs.at) > String(ours.at) ? theirs : ours;
}

/** Proposals either side turned down: ours, then theirs' others, each pair once. */
function dismissedUnion(ours: Side, theirs: Side): Json[] {
  const items = [...(Array.isArray(ours) ? ours : []), ...(Array.isArray(theirs) ? theirs : [])];
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = isJsonObject(item) ? dismissalKeyOf(item) : JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dismissalKeyOf(item: JsonObject): string {
  const { span, with: target } = item as unknown as Partial<DismissedMatch>;
  return span && target ? dismissalKey(span, target) : JSON.stringify(item);
}

/**
 * What a change on one side may have left inconsistent with the other: a sign-off of a
 * verdict that is no longer the claim's (see signedOff), and chains of merged claims (A
 * into B here, B into C there: A into C). `sides`: ours and theirs, as merged.
 */
function madeWhole(file: JsonObject, sides: readonly Side[]): JsonObject {
  if (!Array.isArray(file.claims)) return file;
  const claims = claimsOf(file);
  const into = new Map(claims.map((claim) => [claim.id as string, typeof claim.mergedInto === 'string' ? claim.mergedInto : null]));
  const finalTarget = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    for (let next = into.get(current); next && !seen.has(next); next = into.get(current)) {
      seen.add(current);
      current = next;
    }
    return current;
  };
  return {
    ...file,
    claims: claims.map((claim) => {
      let fixed = signedOff(claim, sides);
      if (typeof fixed.mergedInto === 'string' && into.has(fixed.mergedInto)) fixed = { ...fixed, mergedInto: finalTarget(fixed.mergedInto) };
      return fixed;
    }),
  };
}

/**
 * Two claims merged into each other (A into B here, B into A there) are a true conflict:
 * which of the two stays? It is asked as the first claim's `mergedInto`, and the side
 * chosen (ours until someone chooses) gives its `mergedInto` to every claim of the loop.
 */
function breakCycles(file: JsonObject, base: Side, [ours, theirs]: readonly [Side, Side], options: JsonMergeOptions, result: JsonMergeResult): JsonObject {
  const intoOf = (side: Side, id: string): Side => {
    const found = isJsonObject(side) ? claimsOf(side).find((claim) => claim.id === id) : undefined;
    return found?.mergedInto;
  };
  const loop = findLoop(claimsOf(file));
  if (!loop) return file;
  const [first] = [...loop].sort();
  const conflict = { path: ['claims', { id: first as string }, 'mergedInto'], base: intoOf(base, first as string), ours: intoOf(ours, first as string), theirs: intoOf(theirs, first as string) };
  const choice = options.resolve?.(conflict);
  if (choice) result.resolved.push({ ...conflict, choice });
  else result.conflicts.push(conflict);
  const side = choice === 'theirs' ? theirs : ours;
  const broken = claimsOf(file).map((claim) => {
    if (!loop.has(claim.id as string)) return claim;
    const { mergedInto: _into, ...rest } = claim;
    const into = intoOf(side, claim.id as string);
    return into === undefined ? rest : { ...rest, mergedInto: into };
  });
  // One side's values on the loop could still close a loop with the other side's values
  // elsewhere (rare: three claims and more): that file fails the schema, and the choice
  // falls back to one whole version of the file (corpus-merge.ts), valid either way.
  return { ...file, claims: broken };
}

/** The claims of a loop of `mergedInto`, or null when there is none. */
function findLoop(claims: readonly JsonObject[]): Set<string> | null {
  const into = new Map(claims.map((claim) => [claim.id as string, typeof claim.mergedInto === 'string' ? claim.mergedInto : null]));
  for (const start of into.keys()) {
    const path: string[] = [];
    for (let current: string | null | undefined = start; current; current = into.get(current)) {
      const at = path.indexOf(current);
      if (at >= 0) return new Set(path.slice(at));
      path.push(current);
    }
  }
  return null;
}

/**
 * A sign-off approves the verdict the signer saw. Bob signs off carol's verdict while
 * alice gives a new one: the merge has alice's verdict and bob's sign-off, which approves
 * a verdict bob never saw. So a sign-off stays only where the side it came from had the
 * same verdict, and on a claim still "reviewed"; else it goes, and the claim is "rated"
 * again, as when a reviewed verdict changes in the app (claims/changes.ts, setVerdict).
 */
function signedOff(claim: JsonObject, sides: readonly Side[]): JsonObject {
  if (claim.signOff === undefined) return claim;
  const twins = sides.flatMap((side) => (isJsonObject(side) ? claimsOf(side) : [])).filter((twin) => twin.id === claim.id && sameValue(twin.signOff ?? null, claim.signOff ?? null));
  const approved = twins.some((twin) => sameValue(twin.verdict ?? null, claim.verdict ?? null));
  if (approved && claim.status === 'reviewed') return claim;
  const { signOff: _signOff, ...rest } = claim;
  if (claim.status !== 'reviewed' || !isJsonObject(claim.verdict)) return rest;
  const history = Array.isArray(claim.history) ? claim.history : [];
  // The step back is the merge's, after both: it is dated by the later of the two.
  const signOff = isJsonObject(claim.signOff) ? claim.signOff : {};
  const at = String(claim.verdict.at) > String(signOff.at ?? '') ? claim.verdict.at : signOff.at;
  return { ...rest, status: 'rated', history: [...history, { from: 'reviewed', to: 'rated', by: claim.verdict.by ?? null, at: at ?? null }] };
}

/**
 * Claims deleted by the merge that something still points at: a span's attribute (the
 * other side linked a span to the claim while this side deleted it) or another claim's
 * `mergedInto`. They are put back, as the side that still had them had them, and named.
 * `pointedAt`: every attribute value of the merged layers' spans.
 */
export function keepPointedAtClaims(merged: JsonObject, sides: readonly Side[], pointedAt: ReadonlySet<string>): { value: JsonObject; kept: string[] } {
  const kept: string[] = [];
  let value = merged;
  for (;;) {
    const present = new Set(claimsOf(value).map((claim) => claim.id as string));
    const wanted = new Set([...pointedAt, ...claimsOf(value).flatMap((claim) => (typeof claim.mergedInto === 'string' ? [claim.mergedInto] : []))]);
    const missing = [...wanted].filter((id) => !present.has(id));
    const restored = missing.map((id) => sides.flatMap((side) => (isJsonObject(side) ? claimsOf(side) : [])).find((claim) => claim.id === id)).filter((claim): claim is JsonObject => claim !== undefined);
    if (restored.length === 0) return { value, kept };
    kept.push(...restored.map((claim) => claim.id as string));
    value = { ...value, claims: [...claimsOf(value), ...restored] };
  }
}
