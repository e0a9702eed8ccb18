/** Where tests find the read-only material maintained beside the project. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const exampleProject = path.join(sharedDir, 'format-v1/example-project');
export const samplesDir = path.join(sharedDir, 'samples');
export const conformanceDir = path.join(sharedDir, 'conformance');
