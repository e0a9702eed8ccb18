// Type-checks each environment with its own tsconfig, as VS Code does: a file in shared/
// that touches the DOM or Node, or a renderer file that imports main/, fails here.
import { spawnSync } from 'node:child_process';

const projects = ['shared', 'main', 'renderer', 'tests'];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${project}/tsconfig.json`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`typecheck: ${project}/ has type errors`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`typecheck: ${projects.join(', ')} clean`);
