import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from '../../../shared/model/json-schema.js';
import { repoRoot } from '../../helpers/paths.js';

describe('resources/schema', () => {
  it('holds exactly the JSON Schema files generated from the zod schemas (run `npm run schemas` after a model change)', () => {
    const dir = path.join(repoRoot, 'resources/schema');
    const expected = generateJsonSchemas();
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, content] of Object.entries(expected)) {
      expect(readFileSync(path.join(dir, name), 'utf8'), `${name} is stale`).toBe(content);
    }
  });
});
