/**
 * How a claim's status and verdict read: words, and a sign that does not depend on colour
 * (a reviewer who cannot tell the colours apart still tells the steps apart).
 */
import type { ClaimStatus, Rating } from '../../../shared/model/claims.js';

export const STATUS_NAMES: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  researching: 'Researching',
  rated: 'Rated',
  reviewed: 'Reviewed',
};

export const STATUS_SIGNS: Record<ClaimStatus, string> = {
  unverified: '○',
  researching: '◔',
  rated: '◑',
  reviewed: '●',
};

export const RATING_NAMES: Record<Rating, string> = {
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  'mostly-false': 'Mostly false',
  false: 'False',
  unprovable: 'Unprovable',
};

export const CARRIED_AS_NAMES = { 'direct-quote': 'direct quote', 'reported-speech': 'reported speech', assertion: "the outlet's own assertion" } as const;
