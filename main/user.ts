import os from 'node:os';
import { toAnnotatorName } from '../shared/model/common.js';

/** The OS user name as an annotator name: the default an analyst is offered. */
export function osAnnotatorName(): string {
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    // No user database (some containers): fall back to the environment.
    user = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return toAnnotatorName(user) ?? 'analyst';
}
