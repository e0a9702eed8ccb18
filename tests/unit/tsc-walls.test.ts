/**
 * Each folder's TypeScript program sees only its own environment: a file of shared/ that
 * imports from renderer/ or main/, or a renderer file that imports the service (Node's
 * world), fails tsc with that folder's tsconfig. Checked with the compiler itself, on a
 * file that exists only in memory, so nothing is written into the source tree.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/** The errors tsc gives for `code` standing at `as`, compiled with `project`'s tsconfig. */
function errorsFor(project: 'shared' | 'renderer' | 'main', as: string, code: string): string[] {
  const configFile = path.join(repoRoot, project, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${configFile}`);
  const file = path.join(repoRoot, as);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (path.resolve(name) === file ? ts.createSourceFile(name, code, language) : getSourceFile(name, language));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file], options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

describe('the walls tsc keeps', () => {
  it('lets a file of each folder use what its folder may', () => {
    expect(errorsFor('shared', 'shared/model/wall.ts', "import { z } from 'zod';\nimport { plural } from '../text/plural.js';\nexport const all = [z, plural];")).toEqual([]);
    expect(errorsFor('renderer', 'renderer/src/wall.ts', "import type { ProjectInfo } from '../../shared/api.js';\nexport const element: HTMLElement | null = null;\nexport type P = ProjectInfo;")).toEqual([]);
  }, 60_000);

  it('refuses shared/ anything outside shared/, even a file with no DOM or Node in it', () => {
    const errors = errorsFor('shared', 'shared/model/wall.ts', "import { keyLabel } from '../../renderer/src/commands/keys.js';\nexport const all = [keyLabel];");
    expect(errors).toContainEqual(expect.stringMatching(/^TS6059: .*keys\.ts' is not under 'rootDir'/));
  }, 60_000);

  it('refuses shared/ the DOM and Node', () => {
    expect(errorsFor('shared', 'shared/model/wall.ts', 'export const width = window.innerWidth;')).toContainEqual(expect.stringMatching(/^TS2304: Cannot find name 'window'/));
    expect(errorsFor('shared', 'shared/model/wall.ts', "import { readFileSync } from 'node:fs';\nexport const all = [readFileSync];")).toContainEqual(expect.stringMatching(/^TS2307: Cannot find module 'node:fs'/));
  }, 60_000);

  it('refuses the renderer the service, which needs Node', () => {
    // Which error comes first depends on what main/ imports (a library whose types
    // reference Node's, such as csv-parse, brings those along); that there is one is the wall.
    const errors = errorsFor('renderer', 'renderer/src/wall.ts', "import { FactmarkService } from '../../main/service.js';\nexport const all = [FactmarkService];");
    expect(errors.length).toBeGreaterThan(0);
    expect(errorsFor('renderer', 'renderer/src/wall.ts', "import { readFileSync } from 'node:fs';\nexport const all = [readFileSync];")).toContainEqual(expect.stringMatching(/^TS2307: Cannot find module 'node:fs'/));
  }, 60_000);
});
