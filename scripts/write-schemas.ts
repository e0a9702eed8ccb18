// Writes resources/schema/*.schema.json from the zod schemas (npm run schemas).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas } from '../shared/model/json-schema.js';

const dir = path.resolve(import.meta.dirname, '../resources/schema');
await mkdir(dir, { recursive: true });
for (const [name, content] of Object.entries(generateJsonSchemas())) {
  await writeFile(path.join(dir, name), content);
  console.log(`wrote resources/schema/${name}`);
}
