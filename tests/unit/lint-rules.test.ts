/**
 * The walls between layers are themselves tested: each file in tests/fixtures/layering/
 * holds one import that crosses a wall, in one of the ways a file can name another
 * (import, import(), export … from, require), and is linted as if it stood where its
 * first line says. Each must be refused; the control must pass.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: repoRoot });
const fixtures = path.join(repoRoot, 'tests/fixtures/layering');

async function layeringErrors(name: string): Promise<string[]> {
  const code = readFileSync(path.join(fixtures, name), 'utf8');
  const as = /^\/\/ as: (\S+)/.exec(code)?.[1];
  if (!as) throw new Error(`${name} does not say where it stands`);
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, as) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'local/code-layering').map((message) => message.message);
}

describe('the walls between layers', () => {
  const illegal = readdirSync(fixtures).filter((name) => name !== 'legal.ts');

  it('has a fixture for every direction', () => {
    expect(illegal.sort()).toEqual([
      'feature-imports-feature.ts',
      'main-exports-from-renderer.ts',
      'preload-requires-model.ts',
      'renderer-imports-an-encoder.ts',
      'renderer-imports-node.ts',
      'renderer-loads-main-later.ts',
      'shared-exports-from-renderer.ts',
      'shared-imports-main.ts',
      'shared-loads-electron-later.ts',
      'shared-requires-node.ts',
      'store-imports-importers.ts',
      'ui-imports-feature.ts',
    ]);
  });

  it.each(illegal)('refuses %s, naming the import and why', async (name) => {
    const errors = await layeringErrors(name);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ may not import .+: .+/);
  });

  it('lets the allowed imports through', async () => {
    expect(await layeringErrors('legal.ts')).toEqual([]);
  });

  it('says which file, which import and why', async () => {
    expect(await layeringErrors('store-imports-importers.ts')).toEqual([
      'main/store/example.ts may not import main/importers/decode.js: main/store/ is the project folder on disk: the service and importers use it, never the other way round',
    ]);
  });
});
