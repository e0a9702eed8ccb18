/** The TimeBank development set (tests/fixtures/timebank), read for the scorer. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readTimeml, type TimemlDocument } from '../../shared/suggest/timex/timeml.js';
import { repoRoot } from './paths.js';

export const timebankDir = path.join(repoRoot, 'tests/fixtures/timebank/tml');

export function readTimebank(): TimemlDocument[] {
  return readdirSync(timebankDir)
    .filter((file) => file.endsWith('.tml'))
    .sort()
    .map((file) => readTimeml(readFileSync(path.join(timebankDir, file), 'utf8')));
}
