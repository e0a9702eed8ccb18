/**
 * The project's `.gitignore`: keeps what an interrupted save leaves behind (leftovers.ts)
 * out of git, so `git add -A` in a project folder commits the corpus and nothing else.
 * Written when a project is created; added when a project in a git work tree is opened
 * without one; never rewritten once there (it is the user's to edit).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathExists, writeFileAtomically } from './files.js';

export const GITIGNORE_FILE = '.gitignore';

/*
 * Git patterns cannot say "digits only", so `*.json.[0-9]*` is the closest to
 * the atomic write's `<file>.json.<uint32>` (replace-file.ts); it leaves every `*.json` of the corpus
 * alone. tests/unit/main/leftovers.test.ts asks a real `git check-ignore` both ways.
 */
export const GITIGNORE_TEXT = `# Written by Factmark; yours to edit. Keeps out of git what an interrupted save leaves
# behind (safe to delete): a save's temporary file, <file>.json.<number>, and its lock,
# <file>.json.lock.
*.json.[0-9]*
*.json.lock
`;

/** Writes the project's .gitignore unless it has one. Returns whether it wrote it. */
export async function writeGitignoreIfMissing(root: string): Promise<boolean> {
  const file = path.join(root, GITIGNORE_FILE);
  if (await pathExists(file)) return false;
  return writeFileAtomically(file, GITIGNORE_TEXT);
}

/**
 * Whether `dir` is inside a git work tree: it or a folder above it has `.git` (a folder,
 * or a file in a linked worktree or submodule). Looked up on disk, so no git is needed.
 */
export function insideGitWorkTree(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

/**
 * At open: a project made before Factmark wrote a .gitignore, or by hand, gets one if
 * it is in git, where the leftovers could be committed. A project outside git (a folder
 * on a shared drive, the reference example) is not written to just for opening it.
 */
export async function addGitignoreOnOpen(root: string): Promise<boolean> {
  if (!insideGitWorkTree(root)) return false;
  return writeGitignoreIfMissing(root);
}
