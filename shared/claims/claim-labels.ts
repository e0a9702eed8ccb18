/**
 * Which labels are claims, and which of their attributes link a span to its canonical
 * claim, say how the article carries it and name the claimant. Read off the project's
 * label schema, so a project that renamed or added claim labels keeps working; a project
 * made before claims.json existed gets the two attributes on first link
 * (withClaimLinkAttributes).
 */
import type { AttributeDef, LabelDef } from '../model/labels.js';
import { CARRIED_AS } from '../model/claims.js';

export const CLAIM_LINK_ATTRIBUTE = 'claimId';
export const CARRIED_AS_ATTRIBUTE = 'carriedAs';
export const CLAIMANT_ATTRIBUTE = 'claimant';

export interface ClaimLabel {
  label: string;
  /** The ref attribute to 'claim' (claimId unless the schema names another). */
  link: string;
  carriedAs: string | null;
  claimant: string | null;
}

const linksToClaim = (attribute: AttributeDef) => attribute.type === 'ref' && attribute.to.includes('claim');

/** The claim labels of a schema: those with a ref to a canonical claim, and `claim` itself. */
export function claimLabels(labels: readonly LabelDef[]): Map<string, ClaimLabel> {
  const found = new Map<string, ClaimLabel>();
  for (const label of labels) {
    const link = label.attributes.find(linksToClaim);
    if (!link && label.id !== 'claim') continue;
    const carriedAs = label.attributes.find((attribute) => attribute.id === CARRIED_AS_ATTRIBUTE && attribute.type === 'enum');
    const claimant = label.attributes.find((attribute) => attribute.id === CLAIMANT_ATTRIBUTE && attribute.type === 'ref');
    found.set(label.id, { label: label.id, link: link?.id ?? CLAIM_LINK_ATTRIBUTE, carriedAs: carriedAs?.id ?? null, claimant: claimant?.id ?? null });
  }
  return found;
}

const LINK_DEFS: AttributeDef[] = [
  { id: CLAIM_LINK_ATTRIBUTE, name: 'Canonical claim', type: 'ref', to: ['claim'], description: 'The claim this span states, shared with every other article that carries it (claims.json)' },
  { id: CARRIED_AS_ATTRIBUTE, name: 'Carried as', type: 'enum', values: [...CARRIED_AS], description: 'How the article carries the claim: a direct quote, reported speech, or its own assertion' },
];

/**
 * The schema with the link attributes added to `labelId` where they are missing, or null
 * when it has them already (nothing to write).
 */
export function withClaimLinkAttributes(labels: readonly LabelDef[], labelId: string): LabelDef[] | null {
  let changed = false;
  const next = labels.map((label) => {
    if (label.id !== labelId) return label;
    const missing = LINK_DEFS.filter((def) => !label.attributes.some((attribute) => attribute.id === def.id || (def.id === CLAIM_LINK_ATTRIBUTE && linksToClaim(attribute))));
    if (missing.length === 0) return label;
    changed = true;
    return { ...label, attributes: [...label.attributes, ...missing] };
  });
  return changed ? next : null;
}
