import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message.split(' ')[0]!);
}

describe('the import-direction lint rule', () => {
  it('keeps shared/ free of main/, renderer/, Node, Electron and UI libraries', async () => {
    const code = [
      "import fs from 'node:fs';",
      "import path from 'path';",
      "import { FactmarkService } from '../main/service.js';",
      "import { App } from '../renderer/src/App.js';",
      "import { app } from 'electron';",
      "import { createEditor } from 'lexical';",
      "import { z } from 'zod';",
      'export const all = [fs, path, FactmarkService, App, app, createEditor, z];',
    ].join('\n');
    expect(await restrictedImports('shared/model/example.ts', code)).toEqual(["'node:fs'", "'path'", "'../main/service.js'", "'../renderer/src/App.js'", "'electron'", "'lexical'"]);
  });

  it('keeps renderer/ away from main/, Node and Electron', async () => {
    const code = "import { FactmarkService } from '../../main/service.js';\nimport os from 'node:os';\nimport { ipcRenderer } from 'electron';\nimport { z } from 'zod';\nimport type { ProjectInfo } from '../../shared/api.js';\nexport const all = [FactmarkService, os, ipcRenderer, z];\nexport type P = ProjectInfo;";
    expect(await restrictedImports('renderer/src/example.ts', code)).toEqual(["'../../main/service.js'", "'node:os'", "'electron'"]);
  });

  it('keeps main/ away from renderer/', async () => {
    const code = "import { App } from '../renderer/src/App.js';\nimport fs from 'node:fs';\nexport const all = [App, fs];";
    expect(await restrictedImports('main/example.ts', code)).toEqual(["'../renderer/src/App.js'"]);
  });
});
